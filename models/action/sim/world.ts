// A synthetic screen as a list of widgets that react to actions, rendered to the element list a
// perception stage would give, with the noise real OCR and detection add.
import type { Box, ElementKind, UiElement } from '../../../engine/perception/types.ts';
import type { PolicyAction } from '../../../engine/policy/types.ts';
import { Rng } from './random.ts';

export interface Widget {
  kind: ElementKind;
  text: string;
  box: Box;
  checked?: boolean;
  /** Typed content of a text field; `text` is its placeholder. */
  value?: string;
  hidden?: boolean;
  /** Moves with the scrollable region. */
  scrolls?: boolean;
  onClick?: (world: World, self: Widget, at: { x: number; y: number }) => void;
  onDrop?: (world: World, self: Widget, target: Widget) => void;
}

export interface World {
  width: number;
  height: number;
  widgets: Widget[];
  focus?: Widget;
  selectAll: boolean;
  clipboard: string;
  keys: string[];
  /** The region that scrolls, and how far it has. */
  scroll?: { box: Box; offset: number; max: number };
}

export const newWorld = (width = 1280, height = 800): World => ({ width, height, widgets: [], selectAll: false, clipboard: '', keys: [] });

const contains = ([x, y, w, h]: Box, p: { x: number; y: number }) => p.x >= x && p.x <= x + w && p.y >= y && p.y <= y + h;

export function widgetAt(world: World, p: { x: number; y: number }): Widget | undefined {
  return world.widgets.findLast((w) => !w.hidden && visible(world, w) && contains(w.box, p));
}

function visible(world: World, w: Widget): boolean {
  if (!w.scrolls || !world.scroll) return true;
  const [, sy, , sh] = world.scroll.box;
  return w.box[1] >= sy && w.box[1] + w.box[3] <= sy + sh;
}

export function apply(world: World, action: PolicyAction): void {
  switch (action.type) {
    case 'click':
    case 'double_click':
    case 'right_click': {
      const w = widgetAt(world, action.at);
      if (!w) return;
      if (w.kind === 'text_field') {
        world.focus = w;
        world.selectAll = action.type === 'double_click';
      }
      if (w.kind === 'checkbox' || w.kind === 'toggle') w.checked = !w.checked;
      if (action.type === 'click') w.onClick?.(world, w, action.at);
      return;
    }
    case 'type': {
      const f = world.focus;
      if (!f) return;
      f.value = (world.selectAll ? '' : (f.value ?? '')) + action.text;
      world.selectAll = false;
      return;
    }
    case 'hotkey': {
      const combo = action.keys.join('+');
      world.keys.push(combo);
      const f = world.focus;
      if (combo === 'ctrl+a' && f) world.selectAll = true;
      if (combo === 'ctrl+c' && f && world.selectAll) world.clipboard = f.value ?? '';
      if (combo === 'ctrl+v' && f) {
        f.value = (world.selectAll ? '' : (f.value ?? '')) + world.clipboard;
        world.selectAll = false;
      }
      return;
    }
    case 'scroll': {
      const s = world.scroll;
      if (!s || (action.direction !== 'up' && action.direction !== 'down')) return;
      const dy = (action.direction === 'down' ? 1 : -1) * action.amount * 40;
      const next = Math.min(Math.max(s.offset + dy, 0), s.max);
      for (const w of world.widgets) if (w.scrolls) w.box = [w.box[0], w.box[1] - (next - s.offset), w.box[2], w.box[3]];
      s.offset = next;
      return;
    }
    case 'drag': {
      const from = widgetAt(world, action.from);
      const to = widgetAt(world, action.to);
      if (from && to && from !== to) from.onDrop?.(world, from, to);
      return;
    }
    default:
  }
}

const CONFUSIONS: Array<[RegExp, string]> = [[/l/g, 'I'], [/I/g, 'l'], [/O/g, '0'], [/o/g, '0'], [/m/g, 'rn'], [/e/g, 'c'], [/,/g, '.'], [/S/g, '5'], [/i/g, 'í']];

/** OCR-like damage: a confused letter, a dropped character, a lost space. */
function ocrNoise(rng: Rng, text: string, rate: number): string {
  if (!text || !rng.chance(rate)) return text;
  const [re, to] = rng.pick(CONFUSIONS);
  const hits = [...text.matchAll(re)];
  if (hits.length && rng.chance(0.6)) {
    const h = rng.pick(hits);
    return text.slice(0, h.index) + to + text.slice(h.index! + h[0].length);
  }
  if (text.length > 4 && rng.chance(0.5)) {
    const i = rng.int(1, text.length - 2);
    return text.slice(0, i) + text.slice(i + 1);
  }
  return text.replace(' ', '');
}

const KIND_CONFUSIONS: Partial<Record<ElementKind, ElementKind[]>> = {
  button: ['text', 'link'], link: ['text', 'button'], tab: ['text', 'button'], menu_item: ['text', 'list_item'], list_item: ['text', 'menu_item'],
  text_field: ['text', 'button'], dropdown: ['button', 'text_field', 'text'], checkbox: ['icon'], radio: ['icon', 'checkbox'], toggle: ['icon', 'checkbox'], slider: ['scrollbar', 'text'],
};

export interface NoiseLevel {
  ocr: number;
  kind: number;
  drop: number;
  jitter: number;
  stateKnown: number;
}

/** FNV-1a, to seed each widget's noise from what it shows: the same pixels give the same misreads. */
function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Kinds the perception stage detects as controls; the rest it sees only as words of text. */
const CONTROL_KINDS = new Set<ElementKind>(['button', 'text_field', 'checkbox', 'radio', 'toggle', 'dropdown', 'slider', 'scrollbar', 'icon']);
const GARBAGE = ['个', '要', '垂', '×', '☆', 'Q', '→', '③', '|', '-', '…'];

/** One text element per word, boxes split in proportion to word length: what OCR gives. */
function words(text: string, box: Box, rng: Rng, noise: NoiseLevel, id: string): UiElement[] {
  const parts = text.split(/\s+/).filter(Boolean);
  const total = parts.reduce((n, p) => n + p.length + 1, -1) || 1;
  let x = box[0];
  return parts.map((p, k) => {
    const w = Math.max(4, Math.round((box[2] * p.length) / total));
    const el: UiElement = { id: `${id}.${k}`, kind: 'text', text: ocrNoise(rng, p, noise.ocr), box: [Math.round(x), box[1], w, box[3]], confidence: 0.6 + 0.4 * rng.next() };
    x += w + box[2] / total;
    return el;
  });
}

/**
 * The element list a perception stage would report for this screen: controls it detects (with
 * their text), every word as its own text element, false detections in the window chrome.
 */
export function render(world: World, seed: number, noise: NoiseLevel): UiElement[] {
  const out: UiElement[] = [];
  const chrome = new Rng(seed);
  for (let i = chrome.int(2, 8); i > 0; i--) {
    const kind = chrome.pick(['icon', 'icon', 'radio', 'checkbox', 'text', 'text'] as ElementKind[]);
    out.push({ id: `c${i}`, kind, text: kind === 'text' ? chrome.pick(GARBAGE) : '', box: [chrome.int(0, world.width - 30), chrome.int(0, 70), chrome.int(10, 24), chrome.int(10, 24)], confidence: 0.3 + 0.5 * chrome.next() });
  }
  world.widgets.forEach((w, i) => {
    const rng = new Rng(hash(`${seed}|${i}|${w.text}|${w.value}|${w.checked}|${w.box.join(',')}|${w === world.focus}`));
    if (w.hidden || !visible(world, w) || rng.chance(noise.drop)) return;
    const j = () => rng.int(-noise.jitter, noise.jitter);
    const box: Box = [w.box[0] + j(), w.box[1] + j(), Math.max(4, w.box[2] + j()), Math.max(4, w.box[3] + j())];
    const shown = w.kind === 'text_field' ? (w.value || w.text) : w.text;
    const asControl = CONTROL_KINDS.has(w.kind) || (w.kind !== 'text' && rng.chance(0.2));
    if (asControl) {
      const kind = rng.chance(noise.kind) ? rng.pick(KIND_CONFUSIONS[w.kind] ?? [w.kind]) : w.kind;
      const state = w.checked !== undefined && rng.chance(noise.stateKnown) ? { checked: w.checked } : w === world.focus && rng.chance(noise.stateKnown) ? { focused: true } : undefined;
      out.push({ id: `w${i}`, kind, text: ocrNoise(rng, shown, noise.ocr), box, confidence: 0.6 + 0.4 * rng.next(), ...(state ? { state } : {}) });
    }
    if (shown) {
      // Text inside a control sits in its middle, a few pixels in from its border.
      const inner: Box = asControl && w.kind !== 'text' ? [box[0] + Math.min(12, box[2] / 6), box[1] + 4, Math.max(4, box[2] - 2 * Math.min(12, box[2] / 6)), Math.max(4, box[3] - 8)] : box;
      out.push(...words(shown, inner, rng, noise, `w${i}`));
    }
  });
  // Perception lists elements in reading order, top to bottom and left to right.
  return out.sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0]);
}
