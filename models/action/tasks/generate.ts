// Seeded task generation: (split, seed, count, families) → the same tasks on every machine.
import { badInput } from '../../../engine/errors.ts';
import { ALL_FAMILIES } from './families/index.ts';
import { type PageLook, renderPage } from './page.ts';
import { withConfirm } from './family.ts';
import { hashKey, makeRng } from './rng.ts';
import type { Split, TaskSpec } from './types.ts';
import { BUTTON_STYLES, FONT_SIZES, FONTS, LAYOUTS, pickFrom, THEMES, VIEWPORTS } from './variation.ts';

export const FAMILIES: readonly string[] = ALL_FAMILIES.map((f) => f.name);

/** The screen the window positions are drawn for (the Xvfb default of the tests and CI). */
const SCREEN = { width: 1280, height: 800 };
/** Height of Chromium's tab strip and toolbar above the page, measured under Xvfb. */
const BROWSER_CHROME_PX = 90;

export function generateTasks(opts: { split: Split; seed: number; count: number; families?: string[] }): TaskSpec[] {
  const { split, seed, count } = opts;
  if (split !== 'train' && split !== 'test') throw badInput(`unknown split "${String(split)}": use "train" or "test"`);
  if (!Number.isInteger(seed)) throw badInput(`seed must be an integer, got ${seed}`);
  if (!Number.isInteger(count) || count < 0) throw badInput(`count must be a whole number ≥ 0, got ${count}`);
  const names = opts.families?.length ? opts.families : FAMILIES;
  const unknown = names.filter((n) => !FAMILIES.includes(n));
  if (unknown.length) throw badInput(`unknown task famil${unknown.length > 1 ? 'ies' : 'y'} ${unknown.join(', ')}; known: ${FAMILIES.join(', ')}`);
  const chosen = ALL_FAMILIES.filter((f) => names.includes(f.name));

  return Array.from({ length: count }, (_, i) => {
    const family = chosen[i % chosen.length]!;
    const taskSeed = hashKey(`${split}:${seed}:${i}:${family.name}`);
    const rng = makeRng(taskSeed);
    const look: PageLook = {
      theme: pickFrom(rng, split, THEMES),
      font: pickFrom(rng, split, FONTS),
      fontSize: rng.pick(FONT_SIZES),
      layout: pickFrom(rng, split, LAYOUTS),
      buttonStyle: pickFrom(rng, split, BUTTON_STYLES),
    };
    const viewport = rng.pick(VIEWPORTS);
    const window = {
      x: rng.int(0, SCREEN.width - viewport.width),
      y: rng.int(0, Math.max(0, SCREEN.height - viewport.height - BROWSER_CHROME_PX)),
    };
    const ctx = { rng, split, look };
    const build = withConfirm(ctx, family, family.build(ctx));
    return {
      id: `${split}-${seed}-${i}-${family.name}`,
      family: family.name,
      split,
      seed: taskSeed,
      instruction: build.instruction,
      alternatives: build.alternatives,
      html: renderPage(rng, look, build),
      viewport,
      window,
      variation: { theme: look.theme.name, font: look.font, layout: look.layout, widget: build.widget, buttons: look.buttonStyle, phrasing: build.phrasing },
    };
  });
}
