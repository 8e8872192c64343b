// Renders the icon recognizer's data: every icon drawn in some look (render.ts), read by the real
// control detector, and each icon-like element it reports cut out by the same `iconInput` the
// Perceiver uses. What the model learns from is exactly what it will see at run time.
//
// Sets: "train" (most theme icons, non-icons, and the task suite's icons in its train styles),
// "val" (theme icons held out by name and non-icons, fresh renders), "task-test" (the task suite's
// icons in its held-out test styles and themes: never trained on, reported separately).
import { writeFileSync } from 'node:fs';
import { detectControls } from '../../engine/perception/controls.ts';
import { ICON_CLASSES, type IconName } from '../../engine/perception/iconClasses.ts';
import { ICON_INPUT_SIDE, iconInput, isIconCandidate } from '../../engine/perception/iconInput.ts';
import type { Rect } from '../../engine/perception/image.ts';
import { hashKey, makeRng, type Rng } from '../action/tasks/rng.ts';
import { ICONS, svgPaths, THING_ICONS } from '../action/tasks/icons.ts';
import { drawIcon, type Look, randomLook, svgMask, taskLook } from './render.ts';
import { type IconSource, iconSources } from './sources.ts';

export type SetName = 'train' | 'val' | 'task-test';

export interface GenerateOptions {
  seed: number;
  /** Renders per icon class in "train"; "other" gets three times as many. */
  perClass: number;
  out: string;
}

interface Item {
  source: IconSource;
  look: (rng: Rng) => Look;
}

const FONTS = ['DejaVu Sans', 'Liberation Sans', 'Liberation Serif', 'DejaVu Serif', 'Nimbus Sans', 'URW Gothic', 'C059'];
// No X: a lone X in a button is a close button, whatever drew it.
const GLYPHS = 'ABCDEFGHIJKLMNOPQRSTUVWYZabdefghkmnpqrstuy0123456789?!&@#%$€'.split('');
const INITIALS = ['JD', 'AK', 'MR', 'Ok', 'No', 'Hi', '12', '3+', 'Go'];

/** Things that are not icons but that the detector reports as icon-like: glyphs, checkboxes, radios, swatches. */
function nonIcons(): IconSource[] {
  const out: IconSource[] = [];
  const svg = (body: string) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">${body}</svg>`;
  for (const font of FONTS) {
    for (const weight of ['normal', 'bold']) {
      for (const g of [...GLYPHS, ...INITIALS]) {
        const size = g.length > 1 ? 13 : 20;
        out.push({ id: `glyph/${font}/${weight}/${g}`, label: 'other', svg: svg(`<text x="12" y="${g.length > 1 ? 16.5 : 19}" font-family="${font}" font-weight="${weight}" font-size="${size}" text-anchor="middle">${g.replace('&', '&amp;')}</text>`) });
      }
    }
  }
  const box = (extra: string, r: number) => svg(`<rect x="3" y="3" width="18" height="18" rx="${r}" fill="none" stroke="#000" stroke-width="2"/>${extra}`);
  for (const r of [0, 2, 4]) {
    out.push({ id: `checkbox/empty/${r}`, label: 'other', svg: box('', r) });
    out.push({ id: `checkbox/checked/${r}`, label: 'other', svg: box('<path d="M7 12 L10.5 15.5 L17 8.5" fill="none" stroke="#000" stroke-width="2.5"/>', r) });
    out.push({ id: `checkbox/filled/${r}`, label: 'other', svg: svg(`<rect x="3" y="3" width="18" height="18" rx="${r}"/>`) });
  }
  for (const dot of [0, 4, 5, 6]) out.push({ id: `radio/${dot}`, label: 'other', svg: svg(`<circle cx="12" cy="12" r="9" fill="none" stroke="#000" stroke-width="2"/>${dot ? `<circle cx="12" cy="12" r="${dot}"/>` : ''}`) });
  out.push({ id: 'swatch/circle', label: 'other', svg: svg('<circle cx="12" cy="12" r="10"/>') });
  out.push({ id: 'swatch/square', label: 'other', svg: svg('<rect x="2" y="2" width="20" height="20" rx="3"/>') });
  for (const [name, paths] of Object.entries(THING_ICONS)) out.push({ id: `task/${name}`, label: 'other', svg: svgPaths(paths, 24, '#000') });
  return out;
}

/** The task suite's icons as sources, stroked at `width`. */
const taskIcons = (width: number): IconSource[] =>
  Object.entries(ICONS).map(([name, paths]) => ({ id: `task/${name}@${width}`, label: name as IconName, svg: svgPaths(paths, 24, '#000', width) }));

/** A fifth of each class's designs (at least one) is held out, in all its sizes, for validation. */
function splitHeldOut(sources: IconSource[]): { train: IconSource[]; val: IconSource[] } {
  const design = (s: IconSource) => s.design ?? s.id;
  const designs = [...new Set(sources.map(design))].sort((a, b) => hashKey(`holdout:${a}`) - hashKey(`holdout:${b}`));
  const held = new Set(designs.slice(0, Math.ceil(designs.length / 5)));
  return { train: sources.filter((s) => !held.has(design(s))), val: sources.filter((s) => held.has(design(s))) };
}

export interface Sample {
  set: SetName;
  label: number;
  source: string;
  pixels: Uint8Array;
}

/** Renders `item` once and returns every icon-like element the detector reports on it, labelled. */
async function renderItem(item: Item, rng: Rng, set: SetName, label: number): Promise<Sample[]> {
  const side = rng.int(14, 32);
  const mask = await svgMask(item.source.svg, side);
  const look = item.look(rng);
  const drawn = drawIcon(mask, look, rng.int(4, 12), [rng.int(-1, 1), rng.int(-1, 1)]);
  const region = { x: 0, y: 0, w: drawn.frame.width, h: drawn.frame.height };
  const input = new Float32Array(ICON_INPUT_SIDE * ICON_INPUT_SIDE);
  const out: Sample[] = [];
  for (const c of detectControls(drawn.frame, region, [])) {
    if (!isIconCandidate(c)) continue;
    // A fragment of an icon (one stroke of an X) is not what the class looks like: skip it.
    if (label !== OTHER && !covers(c.box, drawn.icon)) continue;
    if (!iconInput(drawn.frame, c.box, input)) continue;
    const pixels = new Uint8Array(input.length);
    for (let i = 0; i < input.length; i++) pixels[i] = Math.round(Math.min(1, input[i]!) * 255);
    out.push({ set, label, source: item.source.id, pixels });
  }
  return out;
}

const OTHER = ICON_CLASSES.length - 1;

/** The element's box holds the icon's centre and spans at least half of the icon's ink. */
function covers(box: Rect, icon: Rect): boolean {
  const cx = icon.x + icon.w / 2;
  const cy = icon.y + icon.h / 2;
  return box.x <= cx && cx <= box.x + box.w && box.y <= cy && cy <= box.y + box.h && box.w >= 0.5 * icon.w * 0.6 && box.h >= 0.5 * icon.h * 0.6;
}

export async function generate(opts: GenerateOptions): Promise<Record<SetName, Record<string, number>>> {
  const rng = makeRng(opts.seed);
  const themes = iconSources();
  const notIcons = nonIcons();
  const names = ICON_CLASSES.map((c) => c.name);
  const labelOf = (n: IconName) => names.indexOf(n);
  const generic = (s: IconSource): Item => ({ source: s, look: randomLook });
  const trainTask: Item[] = [1.5, 2, 2.5].flatMap(taskIcons).map((s) => ({ source: s, look: (r) => taskLook(r, 'train') }));
  const plan: { set: SetName; items: Item[]; renders: number }[] = [];
  for (const name of names) {
    const split = splitHeldOut(themes.filter((s) => s.label === name));
    const train = split.train.map(generic);
    const val = split.val.map(generic);
    const factor = name === 'other' ? 3 : 1;
    plan.push({ set: 'train', items: [...train, ...trainTask.filter((t) => t.source.label === name)], renders: opts.perClass * factor });
    if (val.length) plan.push({ set: 'val', items: val, renders: Math.round(opts.perClass * factor / 5) });
    if (name === 'other') {
      // Glyphs, checkboxes, radios and swatches are few next to the themes' thousands of other
      // icons, yet they fill real screens: they get renders of their own.
      const split = splitHeldOut(notIcons);
      plan.push({ set: 'train', items: split.train.map(generic), renders: opts.perClass * 2 });
      plan.push({ set: 'val', items: split.val.map(generic), renders: Math.round(opts.perClass * 2 / 5) });
    }
    if (name !== 'other') plan.push({ set: 'task-test', items: taskIcons(2).filter((s) => s.label === name).map((s) => ({ source: s, look: (r: Rng) => taskLook(r, 'test') })), renders: 40 });
  }
  const samples: Sample[] = [];
  const counts: Record<SetName, Record<string, number>> = { train: {}, val: {}, 'task-test': {} };
  for (const p of plan) {
    const label = labelOf(p.items[0]!.source.label);
    let n = 0;
    for (let k = 0; k < p.renders; k++) {
      const got = await renderItem(p.items[k % p.items.length]!, rng, p.set, label);
      samples.push(...got);
      n += got.length;
    }
    counts[p.set][names[label]!] = (counts[p.set][names[label]!] ?? 0) + n;
  }
  write(samples, opts.out);
  return counts;
}

/** One binary file: per sample a set byte (0 train, 1 val, 2 task-test), a label byte, 32×32 pixels. */
function write(samples: Sample[], out: string): void {
  const size = 2 + ICON_INPUT_SIDE * ICON_INPUT_SIDE;
  const buf = Buffer.alloc(samples.length * size);
  const sets: SetName[] = ['train', 'val', 'task-test'];
  samples.forEach((s, i) => {
    buf[i * size] = sets.indexOf(s.set);
    buf[i * size + 1] = s.label;
    buf.set(s.pixels, i * size + 2);
  });
  writeFileSync(out, buf);
  writeFileSync(`${out}.sources.json`, JSON.stringify(samples.map((s) => s.source)));
}
