// What the agent already did to each element and what changed on it since the last step. For
// tasks with several actions (tick these three boxes, then submit) the model needs this to tell
// done from still to do, and to notice that its last click changed nothing.
import type { Box, Perception, UiElement } from '../perception/types.ts';
import { neighbours } from './neighbours.ts';
import type { PolicyAction, Point, StepMemory } from './types.ts';

export const MEMORY_FEATURES = 7;

/** Whether `p` lies in `box`, give or take `pad` px. */
export const inside = (p: Point, [x, y, w, h]: Box, pad = 3) => p.x >= x - pad && p.x <= x + w + pad && p.y >= y - pad && p.y <= y + h + pad;
/** The middle of an element's box. */
export const centre = (e: UiElement): Point => ({ x: e.box[0] + e.box[2] / 2, y: e.box[1] + e.box[3] / 2 });

/** Where a click on `e` goes: its centre, in whole pixels. */
export const clickPoint = (e: UiElement): Point => ({ x: Math.round(e.box[0] + e.box[2] / 2), y: Math.round(e.box[1] + e.box[3] / 2) });
/** A click on the middle of an element. */
export const clickOn = (e: UiElement): PolicyAction => ({ type: 'click', at: clickPoint(e) });
/** The first element of this kind whose box holds `p` (no give): the field a click went into. */
export const kindAt = (elements: UiElement[], kind: UiElement['kind'], p: Point) => elements.find((e) => e.kind === kind && inside(p, e.box, 0));
/** Whether an action presses exactly these keys (`ctrl+a`). */
export const isKeys = (a: PolicyAction | undefined, keys: string) => a?.type === 'hotkey' && a.keys.join('+').toLowerCase() === keys;

export function iou(a: Box, b: Box): number {
  const ix = Math.max(0, Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]));
  const iy = Math.max(0, Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]));
  const inter = ix * iy;
  return inter / (a[2] * a[3] + b[2] * b[3] - inter || 1);
}

/** Per element: [clicks on it (capped), clicked last step, typed into, dragged from, dropped on, new since last step, changed since last step]. */
export function elementMemory(elements: UiElement[], history: StepMemory[], previous?: Perception): number[][] {
  return elements.map((el) => {
    let clicks = 0;
    let typed = 0;
    let from = 0;
    let to = 0;
    let lastClickInside = false;
    history.forEach(({ action }) => {
      if (action.type === 'click' || action.type === 'double_click' || action.type === 'right_click') {
        lastClickInside = inside(action.at, el.box);
        if (lastClickInside) clicks++;
      } else if (action.type === 'type' && lastClickInside) typed = 1;
      else if (action.type === 'drag') {
        if (inside(action.from, el.box)) from = 1;
        if (inside(action.to, el.box)) to = 1;
      }
    });
    const last = history.at(-1)?.action;
    const clickedLast = last && 'at' in last && last.at && last.type !== 'scroll' && inside(last.at, el.box) ? 1 : 0;
    let fresh = 0;
    let changed = 0;
    if (previous) {
      const twin = previous.elements.reduce<[number, UiElement | undefined]>((best, p) => {
        const o = iou(p.box, el.box);
        return o > best[0] ? [o, p] : best;
      }, [0, undefined]);
      if (twin[0] < 0.3) fresh = 1;
      else if (twin[1]!.text !== el.text || twin[1]!.state?.checked !== el.state?.checked) changed = 1;
    }
    return [Math.min(clicks, 3) / 3, clickedLast, typed, from, to, fresh, changed];
  });
}

const TOGGLES = new Set(['checkbox', 'radio', 'toggle']);
const FIELDS = new Set(['text_field', 'dropdown']);

/** The smallest element whose box (give or take 2 px) holds `p`, or -1: where a click at `p` lands. */
export function elementUnder(elements: UiElement[], p: Point): number {
  let best = -1;
  let area = Infinity;
  elements.forEach((e, i) => {
    if (inside(p, e.box, 2) && e.box[2] * e.box[3] < area) [best, area] = [i, e.box[2] * e.box[3]];
  });
  return best;
}

/**
 * The texts of the line element `i` is on: perception reads one element per word, so "Offline
 * mode" is two elements, and an action on either went to both words. Words on the same row
 * joined by gaps under about a character's height are one line.
 */
export function lineOf(elements: UiElement[], i: number): string {
  return lineElements(elements, i).map((e) => e.text).join(' ');
}

/** The index of the word under `p`, or -1. */
export const wordAt = (elements: UiElement[], p: Point) => elements.findIndex((e) => e.kind === 'text' && inside(p, e.box, 0));

/** The line of words under `p` (see `lineOf`), or undefined when `p` is on no word. */
export function lineAt(elements: UiElement[], p: Point): string | undefined {
  const i = wordAt(elements, p);
  return i < 0 ? undefined : lineOf(elements, i);
}

/** The elements of the line element `i` is on, left to right (see `lineOf`). */
export function lineElements(elements: UiElement[], i: number): UiElement[] {
  const el = elements[i]!;
  if (el.kind !== 'text') return [el];
  const [, y, , h] = el.box;
  const row = elements
    .filter((e) => e.kind === 'text' && e.text.trim() && Math.min(e.box[1] + e.box[3], y + h) - Math.max(e.box[1], y) >= 0.5 * Math.min(e.box[3], h))
    .sort((a, b) => a.box[0] - b.box[0]);
  const joined = (a: UiElement, b: UiElement) => b.box[0] - (a.box[0] + a.box[2]) <= 1.2 * Math.max(a.box[3], b.box[3], 10);
  let first = row.indexOf(el);
  let last = first;
  while (first > 0 && joined(row[first - 1]!, row[first]!)) first--;
  while (last + 1 < row.length && joined(row[last]!, row[last + 1]!)) last++;
  return row.slice(first, last + 1);
}

/** The nearest text on the same row as `p` (up to 600 px away: a wide list row) or just below it (a caption, up to 40 px), or -1. */
function nearbyText(elements: UiElement[], p: Point): number {
  let best = -1;
  let dist = Infinity;
  elements.forEach((e, i) => {
    const [x, y, w, h] = e.box;
    if (!e.text.trim() || y + h < p.y - 4) return;
    const dx = Math.max(x - p.x, p.x - (x + w), 0);
    const dy = Math.max(y - p.y, 0);
    if (dx > 600 || dy > 40) return;
    if (dx + 4 * dy < dist) [best, dist] = [i, dx + 4 * dy];
  });
  return best;
}

/** A step as the policy remembers it: the action, whether it changed the screen, and the words it went to on `perception`. */
export function rememberStep(action: PolicyAction, changed: boolean, perception: Perception, history: StepMemory[]): StepMemory {
  const points = action.type === 'drag' ? [action.from, action.to] : 'at' in action && action.at && action.type !== 'scroll' ? [action.at] : [];
  if (action.type === 'type') return { action, changed, words: history.at(-1)?.words ?? [] };
  if (!points.length) return { action, changed };
  const hits = points.map((p) => elementUnder(perception.elements, p));
  const near = hits.some((i) => i >= 0) ? neighbours(perception.elements) : [];
  const words = points.flatMap((p, k) => {
    const i = hits[k]!;
    // A click on a row (a menu item, an option, a list entry) often lands beside its words, and
    // one on a bare icon names what its caption says.
    if (i < 0 || (!perception.elements[i]!.text.trim() && !TOGGLES.has(perception.elements[i]!.kind) && !FIELDS.has(perception.elements[i]!.kind))) {
      const t = nearbyText(perception.elements, p);
      return t >= 0 ? [lineOf(perception.elements, t)] : [];
    }
    const el = perception.elements[i]!;
    const [left, right, above] = near[i]!;
    // A box or switch is named by the text right beside it, on either side (whichever is closer);
    // a field by its label on the left or above (the text on its right names the next field);
    // anything else by its own words (the chip or tab beside a button is another one).
    const gap = (j: number) => (j < 0 ? Infinity : Math.max(perception.elements[j]!.box[0] - (el.box[0] + el.box[2]), el.box[0] - (perception.elements[j]!.box[0] + perception.elements[j]!.box[2])));
    const labels = TOGGLES.has(el.kind) ? [gap(left) <= gap(right) ? left : right] : FIELDS.has(el.kind) || !el.text.trim() ? [left, above] : [];
    return [i, ...labels].filter((j) => j >= 0).map((j) => lineOf(perception.elements, j));
  });
  return { action, changed, words };
}

/** The checkbox, switch or radio button on a label's row: right after it, or just before it. */
export function rowControl(elements: UiElement[], label: UiElement): UiElement | undefined {
  const mid = label.box[1] + label.box[3] / 2;
  const gap = (e: UiElement) => (e.box[0] >= label.box[0] ? e.box[0] - (label.box[0] + label.box[2]) : label.box[0] - (e.box[0] + e.box[2]));
  return elements
    .filter((e) => ['checkbox', 'toggle', 'radio'].includes(e.kind) && Math.abs(e.box[1] + e.box[3] / 2 - mid) <= Math.max(label.box[3], e.box[3]) / 2 + 4)
    .filter((e) => (e.box[0] >= label.box[0] ? gap(e) <= 400 : gap(e) <= 60))
    .sort((a, b) => gap(a) - gap(b))[0];
}

/** The box around the line of words an element is on. */
export function lineBox(els: UiElement[], e: UiElement): Box {
  const words = lineElements(els, els.indexOf(e));
  const [x0, y0] = [Math.min(...words.map((w) => w.box[0])), Math.min(...words.map((w) => w.box[1]))];
  return [x0, y0, Math.max(...words.map((w) => w.box[0] + w.box[2])) - x0, Math.max(...words.map((w) => w.box[1] + w.box[3])) - y0];
}
