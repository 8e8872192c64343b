// What a task family is: a builder from a seeded context to the family's controls, data and script.
import type { PageLook } from './page.ts';
import type { Rng } from './rng.ts';
import type { FamilyBuild, Split } from './types.ts';
import { fill, type SplitTable } from './variation.ts';

export interface BuildContext {
  rng: Rng;
  split: Split;
  look: PageLook;
}

export interface Family {
  name: string;
  /** Every phrasing table the family draws instructions from (held-out checks read them). */
  phrasings: readonly SplitTable<string>[];
  build(ctx: BuildContext): FamilyBuild;
}

/**
 * Picks a phrasing template from the split's half of `table` and fills its slots. `alternatives`
 * are the half's other templates filled the same way, so one rendered page can be trained with
 * several wordings of the same goal; building them draws no random numbers, which keeps every
 * split's tasks exactly as they were.
 */
export function phrase(ctx: BuildContext, table: SplitTable<string>, slots: Record<string, string>): { instruction: string; phrasing: string; alternatives: string[] } {
  const templates = table[ctx.split];
  const template = ctx.rng.pick(templates);
  const render = (t: string) => {
    const text = fill(t, slots);
    return text.charAt(0).toUpperCase() + text.slice(1);
  };
  const instruction = render(template);
  const alternatives = [...new Set(templates.map(render))].filter((a) => a !== instruction);
  return { instruction, phrasing: template, alternatives };
}

/** Picks the split's widget style for a family. */
export const widgetStyle = (ctx: BuildContext, table: SplitTable<string>): string => ctx.rng.pick(table[ctx.split]);

/**
 * Page script for "click this one among these": records clicks on the elements matching
 * `selector` by their `data-<key>` value (outlining each clicked one, as apps show a selection),
 * passes when only `T.target` was clicked, and labels the next step as a click on it.
 */
export function clickOnlyScript(selector: string, key: string, description = 'T.target'): string {
  return `const clicked = [];
OT.$$('${selector}').forEach((el) => el.addEventListener('click', (e) => { e.preventDefault(); clicked.push(el.dataset.${key}); el.style.outline = '2px solid var(--accent)'; }));
OT.define({
  check: () => clicked.length > 0 && clicked.every((v) => v === T.target),
  expert: () => OT.click(OT.$$('${selector}').find((el) => el.dataset.${key} === T.target), ${description}),
});`;
}
