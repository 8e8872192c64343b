// Places widgets the way real screens do: a window somewhere on the screen, a menu bar, rows of
// controls with labels to the left or above, text sizes that vary between themes.
import type { Box, ElementKind } from '../../../engine/perception/types.ts';
import { type Rng, WORDS } from './random.ts';
import { type Widget, type World, newWorld } from './world.ts';

export interface Page {
  world: World;
  rng: Rng;
  /** Height of one control row and width of one character, in pixels. */
  row: number;
  char: number;
  x: number;
  y: number;
  labelAbove: boolean;
}

export function newPage(rng: Rng): Page {
  const world = newWorld(rng.pick([1280, 1280, 1366, 1920]), rng.pick([800, 800, 768, 1080]));
  const row = rng.int(22, 40);
  const page: Page = { world, rng, row, char: Math.round(row * rng.pick([0.3, 0.36, 0.42])), x: rng.int(20, 360), y: rng.int(50, 220), labelAbove: rng.chance(0.4) };
  // Chrome that every screen has and no task is about: menus, titles, status lines.
  let mx = rng.int(10, 60);
  for (const t of rng.sample(WORDS.noise, rng.int(2, 6))) {
    add(page, rng.pick(['text', 'menu_item', 'tab', 'link'] as ElementKind[]), t, [mx, rng.int(8, 30), textWidth(page, t), row - 6]);
    mx += textWidth(page, t) + rng.int(16, 40);
  }
  return page;
}

export const textWidth = (p: Page, t: string) => Math.max(p.char, Math.round(t.length * p.char));
export const centre = (w: Widget) => ({ x: Math.round(w.box[0] + w.box[2] / 2), y: Math.round(w.box[1] + w.box[3] / 2) });

export function add(p: Page, kind: ElementKind, text: string, box: Box, extra: Partial<Widget> = {}): Widget {
  const w: Widget = { kind, text, box, ...extra };
  p.world.widgets.push(w);
  return w;
}

/** Moves the cursor down a row (with a random gap). */
export function nextRow(p: Page, rows = 1): void {
  p.y += Math.round(p.row * rows + p.rng.int(6, p.row));
}

/** A labelled control: label left or above, the control after it. Returns the control. */
export function labelled(p: Page, label: string, kind: ElementKind, text: string, width: number, extra: Partial<Widget> = {}): Widget {
  const lw = textWidth(p, label);
  let control: Widget;
  if (p.labelAbove) {
    add(p, 'text', label, [p.x, p.y, lw, p.row - 8]);
    control = add(p, kind, text, [p.x, p.y + p.row, width, p.row], extra);
    nextRow(p, 2);
  } else {
    add(p, 'text', label, [p.x, p.y + 4, lw, p.row - 8]);
    control = add(p, kind, text, [p.x + Math.max(lw + 16, 120), p.y, width, p.row], extra);
    nextRow(p);
  }
  return control;
}

/** Buttons laid in a row, a column or a grid. */
export function buttons(p: Page, kind: ElementKind, names: string[], onClick?: Widget['onClick']): Widget[] {
  const style = p.rng.pick(['row', 'column', 'grid'] as const);
  const out: Widget[] = [];
  let x = p.x;
  names.forEach((n, i) => {
    const w = textWidth(p, n) + (kind === 'button' ? p.rng.int(16, 40) : 4);
    if (style === 'column' || (style === 'grid' && i > 0 && i % 3 === 0)) {
      if (i > 0) nextRow(p);
      x = p.x;
    }
    out.push(add(p, kind, n, [x, p.y, w, p.row], onClick ? { onClick } : {}));
    x += w + p.rng.int(10, 50);
  });
  nextRow(p);
  return out;
}
