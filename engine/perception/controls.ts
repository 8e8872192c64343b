// Controls without a model: outlines found in the frame's luma edges, classified by their shape,
// their inside and the text they hold. Tuned on rendered web UIs; see bench/perception.ts.
import { luma, overlap, type Rect, type RgbaImage } from './image.ts';
import type { Line } from './recognizer.ts';
import type { ElementKind } from './types.ts';

export interface Control {
  kind: ElementKind;
  box: Rect;
  text: string;
  confidence: number;
  state?: { checked?: boolean };
  /** How far a box's fill is from the page's, in luma (a button's face; an outlined one has none). */
  fillContrast?: number;
}

/** A luma step at least this large is an edge: light grey borders on white are ~15–30. */
const EDGE = 12;

interface Blob extends Rect {
  pixels: number;
}

/** More words than this in a filled box: a sentence, not a button's label. */
const MAX_BUTTON_WORDS = 6;

/** Controls inside `region` of `frame`; `lines` are the text lines read there. */
export function detectControls(frame: RgbaImage, region: Rect, lines: Line[], scale = 1): Control[] {
  const L = regionLuma(frame, region);
  const edges = edgeMask(L, region.w, region.h);
  // A checkbox, radio or icon beside a label is often read as one odd character ("√", "O"):
  // only text (see isText) hides the outlines inside it.
  const words = lines.flatMap((l) => l.words.filter((w) => isText(w, l)));
  const out: Control[] = [];
  const from = new Map<Blob, Control>();
  const at = (b: Blob) => ({ x: region.x + b.x, y: region.y + b.y, w: b.w, h: b.h });
  // Glyphs are text, already read.
  const shapes = blobs(edges, region.w, region.h).filter((b) => !words.some((w) => contains(pad(w.box, 2), at(b))));
  // Specks (under 6 px each way) are a shape only with others (dashes).
  for (const b of shapes.filter((s) => s.w >= 6 || s.h >= 6)) {
    const c = classify(L, edges, region, b, at(b), words, scale);
    if (c) {
      out.push(c);
      from.set(b, c);
    }
  }
  // A dashed or dotted border is many short pieces, none closed on its own (a panel round the
  // field is): joined, they outline a field, and the pieces' own guesses (a corner taken for an
  // icon, a stretch of dashes for a slider) give way to it.
  const open = shapes.filter((b) => b.w < 16 || b.h < 16 || sidesClosed(L, region.w, b) < 3);
  for (const pieces of dashedOutlines(open)) {
    const b = pieces.reduce(joinBlobs);
    const box = at(b);
    const [w, h] = [b.w / scale, b.h / scale];
    if (h < 16 || h > 64 || w < 60 || w > 1600 || !framed(pieces, b)) continue;
    if (out.some((c) => c.kind !== 'icon' && overlap(c.box, box) > 0.5 * box.w * box.h)) continue;
    const inside = words.filter((wd) => contains(box, centre(wd.box)));
    // A dashed box is also a drop zone's: one with its title at the top, or a tall empty one, is not a field.
    const mid = inside.length ? inside.reduce((n, wd) => n + wd.box.y + wd.box.h / 2, 0) / inside.length : undefined;
    if (mid === undefined ? h > 44 : Math.abs(mid - (box.y + box.h / 2)) > box.h / 6) continue;
    const kind = chevronAtRight(L, region, b, inside) ? 'dropdown' : 'text_field';
    const taken = new Set(pieces.map((p) => from.get(p)));
    out.splice(0, out.length, ...out.filter((o) => !taken.has(o)), { kind, box, text: inside.map((wd) => wd.text).join(' '), confidence: 0.5 });
  }
  return dedupe(out);
}

/**
 * Whether pieces run along at least 40% of three sides of their box `b` or all four: one side may
 * merge into a box touching it (a dropdown's list opened under it).
 */
function framed(pieces: Blob[], b: Blob): boolean {
  const share = (on: (p: Blob) => boolean, length: (p: Blob) => number, side: number) => (pieces.filter(on).reduce((n, p) => n + length(p), 0) >= 0.4 * side ? 1 : 0);
  return share((p) => p.y <= b.y + 3, (p) => p.w, b.w) + share((p) => p.y + p.h >= b.y + b.h - 3, (p) => p.w, b.w)
    + share((p) => p.x <= b.x + 3, (p) => p.h, b.h) + share((p) => p.x + p.w >= b.x + b.w - 3, (p) => p.h, b.h) >= 3;
}

/** Fewer pieces than this are not a dashed outline (a rounded box's arcs and sides are 4–8). */
const MIN_DASHES = 12;
/** The widest gap between two dashes of one border (Chromium's 1 px dashes are 3 px apart). */
const GAP = 4;

/**
 * Groups of outline pieces at most GAP px apart, of at least
 * MIN_DASHES pieces: a dashed border's dashes, which edge tracing finds one by one.
 */
function dashedOutlines(shapes: Blob[]): Blob[][] {
  // Thin (few pixels for their size), no taller than a field, and narrow if more than a rule, or
  // a stroke along a corner (dashes run together along a side and round a rounded end).
  const thin = shapes.filter((b) => b.pixels <= 2.5 * (b.w + b.h) && b.h <= 64 && (b.h <= 16 || b.w <= 24 || b.pixels <= 2 * (b.w + b.h))).sort((p, q) => p.x - q.x);
  const parent = thin.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  for (let i = 0; i < thin.length; i++) {
    const a = thin[i]!;
    for (let j = i + 1; j < thin.length && thin[j]!.x <= a.x + a.w + GAP; j++) {
      const b = thin[j]!;
      if (b.y <= a.y + a.h + GAP && a.y <= b.y + b.h + GAP) parent[root(j)] = root(i);
    }
  }
  const groups = new Map<number, Blob[]>();
  thin.forEach((b, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), b]));
  return [...groups.values()].filter((g) => g.length >= MIN_DASHES);
}

const joinBlobs = (a: Blob, b: Blob): Blob => {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y, pixels: a.pixels + b.pixels };
};


function regionLuma(frame: RgbaImage, r: Rect): Uint8Array {
  const L = new Uint8Array(r.w * r.h);
  for (let y = 0; y < r.h; y++) for (let x = 0; x < r.w; x++) L[y * r.w + x] = luma(frame.data, (r.y + y) * frame.width + r.x + x);
  return L;
}

function edgeMask(L: Uint8Array, w: number, h: number): Uint8Array {
  const m = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const v = L[i]!;
      if ((x + 1 < w && Math.abs(v - L[i + 1]!) >= EDGE) || (y + 1 < h && Math.abs(v - L[i + w]!) >= EDGE)) m[i] = 1;
    }
  }
  return m;
}

function blobs(mask: Uint8Array, w: number, h: number): Blob[] {
  const seen = new Uint8Array(mask.length);
  const stack = new Int32Array(mask.length);
  const out: Blob[] = [];
  for (let s = 0; s < mask.length; s++) {
    if (!mask[s] || seen[s]) continue;
    let top = 0;
    stack[top++] = s;
    seen[s] = 1;
    let x0 = w, y0 = h, x1 = 0, y1 = 0, pixels = 0;
    while (top) {
      const i = stack[--top]!;
      const x = i % w;
      const y = (i - x) / w;
      pixels++;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= w) continue;
          const j = ny * w + nx;
          if (mask[j] && !seen[j]) { seen[j] = 1; stack[top++] = j; }
        }
      }
    }
    // An edge between pixels x and x+1 is marked at x: the outline's far side is one pixel further.
    out.push({ x: x0, y: y0, w: x1 - x0 + 2, h: y1 - y0 + 2, pixels });
  }
  return out;
}

function classify(L: Uint8Array, edges: Uint8Array, region: Rect, b: Blob, box: Rect, words: Line['words'], scale: number): Control | undefined {
  const w = b.w / scale;
  const h = b.h / scale;
  // A rule at most 2 px thick: an underlined field when a line of text sits on it from its start
  // (a placeholder, a value), else a divider, which is not a control.
  if (h <= 4 && w >= 60) {
    // Underlined words (a link) sit right on their line, and the line ends where they do; a
    // heading over a rule stands further off.
    const onIt = words.filter((wd) => wd.box.x + wd.box.w <= box.x + box.w && wd.box.x >= box.x - 2 && box.y - (wd.box.y + wd.box.h) <= 10 * scale && box.y - (wd.box.y + wd.box.h) >= 2 * scale);
    const first = onIt.length ? Math.min(...onIt.map((wd) => wd.box.x)) : Infinity;
    const end = Math.max(...onIt.map((wd) => wd.box.x + wd.box.w));
    // A line between two shades (a toolbar's lower edge) bounds a region; a field's underline
    // has the page on both sides.
    const above = medianLuma(L, region.w, { x: b.x, y: b.y, w: b.w, h: 1 });
    const below = medianLuma(L, region.w, { x: b.x, y: Math.min(region.h - 1, b.y + b.h - 1), w: b.w, h: 1 });
    // A field holds one phrase, its words a space apart: words spread along the line are a menu
    // bar's or a header's items.
    const row = [...onIt].sort((p, q) => p.box.x - q.box.x);
    const phrase = row.every((wd, i) => i === 0 || (wd.box.x - (row[i - 1]!.box.x + row[i - 1]!.box.w) <= 0.8 * wd.box.h && Math.abs(wd.box.y - row[i - 1]!.box.y) <= wd.box.h / 2));
    // The phrase starts at the line's start, a field's padding in (under its text's height: a
    // borderless select's 14 px before 18 px text): a header's title sits further in from the
    // rule under the header (15 px before 14 px text).
    const textHeight = Math.max(0, ...onIt.map((wd) => wd.box.h));
    if (first > box.x + Math.max(12 * scale, textHeight) || end > box.x + box.w - 16 * scale || Math.abs(above - below) >= EDGE || !phrase) return undefined;
    const top = Math.min(...onIt.map((wd) => wd.box.y)) - 6 * scale;
    const field = { x: box.x, y: top, w: box.w, h: box.y + box.h - top };
    return { kind: 'text_field', box: field, text: words.filter((wd) => contains(field, centre(wd.box))).map((wd) => wd.text).join(' '), confidence: 0.5 };
  }
  const inside = words.filter((wd) => contains(box, centre(wd.box)));
  const text = inside.map((wd) => wd.text).join(' ');
  const closed = sidesClosed(L, region.w, b);
  const depth = cornerDepth(L, region.w, b);
  const outside = ringLuma(L, region.w, region.h, b);
  const fill = medianLuma(L, region.w, { x: b.x + 2, y: b.y + 2, w: Math.max(1, b.w - 4), h: Math.max(1, b.h - 4) });
  const filled = Math.abs(fill - outside) >= EDGE;
  const hit = (kind: ElementKind, confidence: number, state?: Control['state']): Control => ({ kind, box, text, confidence, ...(state ? { state } : {}), ...(kind === 'button' ? { fillContrast: Math.abs(fill - outside) } : {}) });

  if (w >= 9 && w <= 26 && h >= 9 && h <= 26 && Math.abs(w - h) <= 3 && !inside.length) {
    // Checked: a mark inside (a tick, a dot: light and dark both in its middle), or a fill of its
    // own, far from the page's. A white box on a tinted page, or a grey one on a dark page, is an
    // unchecked one, as browsers draw them (81% of states were read right before, 100% now).
    const core = innerRange(L, region.w, b);
    const checked = core >= 60 || (fill < 230 && Math.abs(fill - outside) >= 60);
    // A checkbox is empty inside or filled (checked); an outlined icon has partial structure.
    const structure = interiorShare(L, region.w, b, outside);
    const square = depth < 0.1;
    if (square && (structure < 0.08 || structure > 0.45)) return hit('checkbox', 0.8, { checked });
    if (square) return icon(box, 0.5);
    // A radio's rim is closed all round; a star's or a cross's is not. (A ring-and-dot icon is
    // drawn exactly like a checked radio button and is reported as one.)
    if (Math.abs(b.w - b.h) <= 1 && ringShare(L, region.w, b, outside, 1) >= 0.9) return hit('radio', 0.7, { checked });
  }
  // A word's first letters over its underline ("Du" of an underlined "Duplicate", the line broken
  // at the "p") make a pill or an icon: a word that covers most of it and runs well past it owns
  // it. (A short word the text detector missed is read in perceiver.ts.)
  const ofWord = words.some((wd) => overlap(wd.box, box) >= 0.5 * box.w * box.h && wd.box.w >= 1.5 * box.w);
  if (h >= 10 && h <= 36 && w / h >= 1.5 && w / h <= 2.8 && !inside.length && !ofWord && depth >= 0.1 && filledSides(L, region.w, b)) {
    const side = knobSide(L, region.w, b);
    return hit('toggle', 0.7, side ? { checked: side > 0 } : undefined);
  }
  if (w >= 3 && w <= 22 && h >= 16 && h >= 2.5 * w && !inside.length) {
    const track = scrollTrack(L, region, b, scale);
    if (track) return { kind: 'scrollbar', box: { x: region.x + track.x, y: region.y + track.y, w: track.w, h: track.h }, text: '', confidence: 0.6 };
    if (h >= 48 && h / w >= 4) return hit('scrollbar', 0.5);
  }
  // Tick marks under the track join the knob's outline: up to 30 px tall then, but no wider than
  // a slider (a window's horizontal scrollbar is as wide as the window).
  if ((h <= 22 || (h <= 30 && w <= 600)) && w >= 48 && w / h >= 4 && !inside.length && closed < 4 && sliderShape(edges, region.w, b, scale, h > 22)) return hit('slider', 0.6);
  // A field may span the window (up to 1600 px), as long as it is no taller than one: a wide box
  // taller than 44 px (a focused field's ring included) is a bar (a header holding a title), unless
  // it holds nothing (a large field's rounded outline, antialiased, measures 46).
  if (h >= 16 && h <= 64 && w >= 24 && (w <= 800 || (w <= 1600 && (h <= 44 || (h <= 52 && !inside.length)))) && closed >= 3) {
    if (chevronAtRight(L, region, b, inside)) return hit('dropdown', 0.7);
    const left = inside.length ? Math.min(...inside.map((wd) => wd.box.x)) - box.x : Infinity;
    const right = inside.length ? box.x + box.w - Math.max(...inside.map((wd) => wd.box.x + wd.box.w)) : Infinity;
    const centred = inside.length > 0 && Math.abs(left - right) <= Math.max(6, 0.15 * box.w);
    if (inside.length === 0 && w >= 60 && !filled) return hit('text_field', 0.6);
    // A button's label is a few words; a box holding a sentence is a banner, a notice or a panel
    // (GTK's "you are using the root account" bar), and its words are read as text.
    const label = inside.length > 0 && inside.length <= MAX_BUTTON_WORDS;
    // A label ending in a colon just left of the box ("Website:") names a field: a value that
    // fills it ("https://petrov.example.com") looks centred, as a button's label is.
    const mid = box.y + box.h / 2;
    const labelled = words.some((wd) => wd.text.endsWith(':') && Math.abs(wd.box.y + wd.box.h / 2 - mid) <= box.h / 2 && box.x - (wd.box.x + wd.box.w) >= -2 && box.x - (wd.box.x + wd.box.w) <= 40 * scale);
    if (centred && label && w <= 400 && !labelled) return hit('button', 0.8);
    if (w >= 60 && (!filled || fill > outside)) return hit('text_field', 0.6);
    if (label) return hit('button', 0.5);
  }
  if (w >= 3 && w <= 24 && h >= 6 && h <= 32 && b.h >= b.w && !inside.length) {
    // A chevron or angle bracket, however small (a calendar's "‹ ›", a carousel's arrows): named
    // by the way it points, which is what a command or a month's order asks for.
    const dir = chevron(L, region.w, b, outside);
    if (dir) return { ...icon(box, 0.5), text: dir < 0 ? 'previous back left' : 'next forward right' };
  }
  if (w >= 8 && w <= 48 && h >= 8 && h <= 48 && w / h <= 2.5 && h / w <= 2.5 && !inside.length && !ofWord && b.pixels >= 12) return icon(box, 0.5);
  return undefined;
}

/**
 * A slider is a track with a knob: along a long thin outline, the height of its edges is either
 * that of a solid track (3 px and more) or rises once, at the knob (`ticked`: tick marks under the
 * track join its outline, which is then taller than 22 px). The bottom edge of a box,
 * broken off from its low-contrast sides, rises at both ends (its rounded corners) and nowhere else.
 */
function sliderShape(edges: Uint8Array, stride: number, b: Blob, scale: number, ticked: boolean): boolean {
  const heights: number[] = [];
  for (let x = b.x; x < b.x + b.w - 1; x++) {
    let top = -1;
    let bottom = -1;
    for (let y = b.y; y < b.y + b.h - 1; y++) {
      if (!edges[y * stride + x]) continue;
      if (top < 0) top = y;
      bottom = y;
    }
    heights.push(top < 0 ? 0 : bottom - top + 1);
  }
  const median = [...heights].sort((p, q) => p - q)[heights.length >> 1]!;
  // With ticks under it, the track itself is thin: a box's broken-off side is as tall as the box.
  if (ticked && median > 8 * scale) return false;
  if (median >= 4 * scale) return true;
  const raised = heights.map((v) => v >= Math.max(8 * scale, 2 * median));
  const first = raised.indexOf(true);
  if (first < 0) return false;
  const last = raised.lastIndexOf(true);
  const end = heights.length - 1;
  return !(first <= 2 * scale && last >= end - 2 * scale && raised.slice(first, last + 1).some((r) => !r));
}

/** How many of the four sides have an edge along at least 70% of their middle. */
function sidesClosed(L: Uint8Array, stride: number, b: Blob): number {
  const e = (x: number, y: number) => {
    const i = y * stride + x;
    return Math.abs(L[i]! - (L[i + 1] ?? L[i]!)) >= EDGE || Math.abs(L[i]! - (L[i + stride] ?? L[i]!)) >= EDGE;
  };
  const along = (n: number, at: (k: number) => boolean) => {
    let hits = 0;
    const k0 = Math.floor(n * 0.2);
    const k1 = Math.ceil(n * 0.8);
    for (let k = k0; k < k1; k++) if (at(k)) hits++;
    return hits >= 0.7 * (k1 - k0);
  };
  const x1 = b.x + b.w - 2;
  const y1 = b.y + b.h - 2;
  const near = (x: number, y: number, dx: number, dy: number) => e(x, y) || e(x + dx, y + dy) || e(x + 2 * dx, y + 2 * dy);
  let n = 0;
  if (along(b.w - 1, (k) => near(b.x + k, b.y, 0, 1))) n++;
  if (along(b.w - 1, (k) => near(b.x + k, y1, 0, -1))) n++;
  if (along(b.h - 1, (k) => near(b.x, b.y + k, 1, 0))) n++;
  if (along(b.h - 1, (k) => near(x1, b.y + k, -1, 0))) n++;
  return n;
}

/**
 * How far in from the corners, along the diagonals, the outline starts, relative to the box's
 * width: a (rounded) square's border is right at the corner, a circle's ~0.15 of the way in.
 */
function cornerDepth(L: Uint8Array, stride: number, b: Blob): number {
  const out = L[Math.max(0, b.y - 1) * stride + Math.max(0, b.x - 1)]!;
  const corners: [number, number, number, number][] = [[b.x, b.y, 1, 1], [b.x + b.w - 2, b.y, -1, 1], [b.x, b.y + b.h - 2, 1, -1], [b.x + b.w - 2, b.y + b.h - 2, -1, -1]];
  const reach = Math.floor(Math.min(b.w, b.h) / 2);
  let sum = 0;
  for (const [x, y, dx, dy] of corners) {
    let d = 0;
    while (d < reach && Math.abs(L[(y + d * dy) * stride + x + d * dx]! - out) < EDGE) d++;
    sum += d;
  }
  return sum / 4 / Math.min(b.w, b.h);
}

/** A pill (toggle track) is filled at its vertical middle from end to end. */
function filledSides(L: Uint8Array, stride: number, b: Blob): boolean {
  const y = b.y + (b.h >> 1);
  const out = L[y * stride + Math.max(0, b.x - 2)]!;
  let differ = 0;
  for (let x = b.x + 2; x < b.x + b.w - 2; x++) if (Math.abs(L[y * stride + x]! - out) >= EDGE) differ++;
  return differ >= 0.45 * (b.w - 4);
}

/**
 * Which end of a switch's track its knob is at: -1 left (off), 1 right (on), 0 unclear. The knob's
 * rim crosses the track's middle rows in its own half; the other half is flat track.
 */
function knobSide(L: Uint8Array, stride: number, b: Blob): number {
  const margin = Math.max(3, Math.round(b.h * 0.15));
  const mid = b.x + (b.w >> 1);
  let left = 0;
  let right = 0;
  for (let y = b.y + Math.round(b.h * 0.3); y <= b.y + Math.round(b.h * 0.7); y++) {
    for (let x = b.x + margin; x < b.x + b.w - margin - 1; x++) {
      if (Math.abs(L[y * stride + x]! - L[y * stride + x + 1]!) < EDGE) continue;
      if (x < mid) left++;
      else right++;
    }
  }
  if (left >= 2 * right + 2) return -1;
  if (right >= 2 * left + 2) return 1;
  return 0;
}

/**
 * A scrollbar thumb sits in a track of one flat colour: follow that colour up, down and sideways
 * from the thumb. A thumb with no track around it is something else (a divider, an icon).
 */
function scrollTrack(L: Uint8Array, region: Rect, b: Blob, scale: number): Rect | undefined {
  const stride = region.w;
  const cx = b.x + (b.w >> 1);
  const probe = b.y > 2 ? b.y - 2 : b.y + b.h + 1;
  if (probe >= region.h) return undefined;
  const t = L[probe * stride + cx]!;
  const same = (x: number, y: number) => x >= 0 && y >= 0 && x < stride && y < region.h && Math.abs(L[y * stride + x]! - t) <= 4;
  let y0 = b.y;
  while (same(cx, y0 - 1)) y0--;
  let y1 = b.y + b.h - 1;
  while (same(cx, y1 + 1)) y1++;
  const my = y0 < b.y - 2 ? y0 + 1 : y1 - 1;
  // Sideways the track ends at its own edge, or blends into a page of nearly its colour: then
  // it is the thumb's width plus the thumb's usual inset on each side.
  const reach = Math.max(4, b.w);
  const inset = Math.round(b.w * 0.35);
  let x0 = cx;
  while (x0 > b.x - reach && same(x0 - 1, my)) x0--;
  if (x0 <= b.x - reach) x0 = b.x - inset;
  let x1 = cx;
  while (x1 < b.x + b.w + reach && same(x1 + 1, my)) x1++;
  if (x1 >= b.x + b.w + reach) x1 = b.x + b.w - 2 + inset;
  const h = y1 - y0 + 1;
  const w = x1 - x0 + 1;
  if (h < 1.5 * b.h || w < b.w || w > 24 * scale || Math.abs(t - L[(b.y + (b.h >> 1)) * stride + cx]!) < 8) return undefined;
  return { x: x0, y: y0, w, h };
}

/**
 * Which way a chevron points: -1 left, 1 right, 0 not a chevron. Row by row, its thin stroke's
 * middle (weighted by ink, so a 3 × 5 px "‹" counts) lies furthest to the side it points to, and
 * its first and last rows line up.
 */
function chevron(L: Uint8Array, stride: number, b: Blob, outside: number): -1 | 0 | 1 {
  const rows: number[] = [];
  const inkW = b.w - 2;
  for (let y = b.y; y < b.y + b.h; y++) {
    let sum = 0;
    let mass = 0;
    let solid = 0;
    for (let x = b.x; x < b.x + b.w; x++) {
      const ink = Math.abs(L[y * stride + x]! - outside);
      if (ink >= EDGE) solid++;
      if (ink < 6) continue;
      sum += x * ink;
      mass += ink;
    }
    // A chevron is a stroke: a row filled across is a bar or a block.
    if (solid > Math.max(4, 0.8 * inkW)) return 0;
    if (mass >= 24) rows.push(sum / mass);
  }
  if (rows.length < 4) return 0;
  const k = rows.length;
  const ends = [rows[0]!, rows[k - 1]!];
  const middle = rows.slice(Math.floor(k / 3), Math.ceil((2 * k) / 3));
  const lean = Math.max(0.35, 0.2 * inkW);
  if (Math.abs(ends[0]! - ends[1]!) > 1.5 * lean) return 0;
  if (Math.min(...middle) < Math.min(...ends) - lean) return -1;
  if (Math.max(...middle) > Math.max(...ends) + lean) return 1;
  return 0;
}

/**
 * An icon's box: its ink centred in a square with a tenth of padding on each side, the way icon
 * sets draw glyphs inside their boxes (and the area a click on the icon may land in).
 */
function icon(ink: Rect, confidence: number): Control {
  const side = Math.round(Math.max(ink.w, ink.h) * 1.2);
  return { kind: 'icon', box: { x: Math.round(ink.x + ink.w / 2 - side / 2), y: Math.round(ink.y + ink.h / 2 - side / 2), w: side, h: side }, text: '', confidence };
}

/**
 * Share of 24 directions in which a thin ring at `at` of the box's radius differs from the
 * surroundings: ~1 at the rim of a radio button's circle, ~0 in the gap inside it.
 */
function ringShare(L: Uint8Array, stride: number, b: Blob, outside: number, at: number): number {
  const cx = b.x + (b.w - 2) / 2;
  const cy = b.y + (b.h - 2) / 2;
  const r = (Math.min(b.w, b.h) / 2 - 1) * at;
  let hits = 0;
  for (let k = 0; k < 24; k++) {
    const a = (k / 24) * 2 * Math.PI;
    let on = false;
    for (let d = r - 2.5; d <= r + 0.5 && !on; d += 0.5) {
      const x = Math.round(cx + Math.cos(a) * d);
      const y = Math.round(cy + Math.sin(a) * d);
      on = Math.abs(L[y * stride + x]! - outside) >= EDGE;
    }
    if (on) hits++;
  }
  return hits / 24;
}

/** Share of the inner box (inset by a fifth) that differs from the surroundings. */
function interiorShare(L: Uint8Array, stride: number, b: Blob, outside: number): number {
  const dx = Math.max(2, Math.round(b.w / 5));
  const dy = Math.max(2, Math.round(b.h / 5));
  let differ = 0;
  let all = 0;
  for (let y = b.y + dy; y < b.y + b.h - dy; y++) for (let x = b.x + dx; x < b.x + b.w - dx; x++) { all++; if (Math.abs(L[y * stride + x]! - outside) >= EDGE) differ++; }
  return all ? differ / all : 0;
}

/** The spread of luma (max − min) over the middle 40% of the box: a mark drawn inside it. */
function innerRange(L: Uint8Array, stride: number, b: Blob): number {
  let lo = 255;
  let hi = 0;
  for (let y = b.y + Math.round(b.h * 0.3); y < b.y + Math.round(b.h * 0.7); y++) {
    for (let x = b.x + Math.round(b.w * 0.3); x < b.x + Math.round(b.w * 0.7); x++) {
      const v = L[y * stride + x]!;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return hi - lo;
}

function ringLuma(L: Uint8Array, stride: number, height: number, b: Blob): number {
  const v: number[] = [];
  const y0 = Math.max(0, b.y - 2);
  const y1 = Math.min(height - 1, b.y + b.h + 1);
  for (let x = Math.max(0, b.x - 2); x < Math.min(stride, b.x + b.w + 2); x++) v.push(L[y0 * stride + x]!, L[y1 * stride + x]!);
  v.sort((a, c) => a - c);
  return v[v.length >> 1] ?? 255;
}

function medianLuma(L: Uint8Array, stride: number, r: Rect): number {
  const hist = new Uint32Array(256);
  for (let y = r.y; y < r.y + r.h; y++) for (let x = r.x; x < r.x + r.w; x++) hist[L[y * stride + x]!]!++;
  let half = (r.w * r.h) / 2;
  for (let v = 0; v < 256; v++) if ((half -= hist[v]!) <= 0) return v;
  return 255;
}

/**
 * A select shows a small arrow near its right end, right of any text: a compact patch of ink
 * in the box's right part, clear of its border.
 */
function chevronAtRight(L: Uint8Array, region: Rect, b: Blob, inside: Line['words']): boolean {
  const stride = region.w;
  // Past its last 30%, or past its text where that runs further (a select as wide as its longest
  // option: "German ⌄"), up to its last 15%. Words are in frame pixels, the blob in the region's.
  const textEnd = Math.max(0, ...inside.map((wd) => wd.box.x + wd.box.w - region.x + 2));
  const x0 = Math.max(b.x + Math.floor(b.w * 0.7), textEnd);
  const y0 = b.y + Math.floor(b.h * 0.2);
  const y1 = b.y + Math.ceil(b.h * 0.8);
  if (x0 > b.x + b.w * 0.85) return false;
  const bg = L[(b.y + (b.h >> 1)) * stride + x0]!;
  const off = (x: number, y: number) => Math.abs(L[y * stride + x]! - bg) >= 40;
  let ink = 0;
  let ix0 = b.x + b.w, ix1 = x0, iy0 = y1, iy1 = y0;
  for (let y = y0; y < y1; y++) {
    // Row by row, in from the right over what is outside the box (a rounded end leaves the page
    // there, in the fill's colour or not) and over its border, to the box's own fill.
    let x = b.x + b.w - 1;
    while (x > x0 && !off(x, y)) x--;
    while (x > x0 && off(x, y)) x--;
    for (x--; x >= x0; x--) {
      if (!off(x, y)) continue;
      ink++;
      ix0 = Math.min(ix0, x); ix1 = Math.max(ix1, x); iy0 = Math.min(iy0, y); iy1 = Math.max(iy1, y);
    }
  }
  return ink >= 4 && iy1 - iy0 + 1 <= 0.45 * b.h && ix1 - ix0 + 1 <= Math.max(6, 0.2 * b.w) && iy0 > y0 && iy1 < y1 - 1;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * Text that is a word rather than a symbol the recognizer made of a glyph-like control: a
 * checkbox read as "√", an icon read as "日". A lone CJK character counts only in a line with
 * other CJK text.
 */
export const isWord = (text: string, line?: { words: { text: string }[] }) =>
  /[\p{L}\p{N}]/u.test(text) && ([...text].length >= 2 || (CJK.test(text) && (!line || line.words.filter((w) => CJK.test(w.text)).length >= 2)));

/**
 * A word, or one letter or digit read clearly from ink as narrow as a character's (a calendar's
 * "9", a keypad's "7", a pager's "2"). A checkbox or radio read as a character is as wide as it is
 * tall, and the characters a ring or a tick is mistaken for ("o", "0", "v", "x") never count alone.
 */
export const isText = (word: { text: string; box: Rect; confidence: number }, line?: { words: { text: string }[] }) =>
  isWord(word.text, line) || (/^[\p{L}\p{N}]$/u.test(word.text) && !/[oOvVxX0]/.test(word.text) && word.confidence >= 0.9 && word.box.w <= 0.7 * word.box.h);

const centre = (r: Rect) => ({ x: r.x + r.w / 2, y: r.y + r.h / 2, w: 0, h: 0 });
const pad = (r: Rect, p: number) => ({ x: r.x - p, y: r.y - p, w: r.w + 2 * p, h: r.h + 2 * p });
const contains = (outer: Rect, inner: Rect) => inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;

/**
 * Nested outlines of one kind close together (a field's focus ring around its border) report one
 * control: the outer one. An outline holding a field with room to spare is a panel grouping the
 * field with its label, not a field: only the field is reported, and the label is read as text.
 */
function dedupe(cs: Control[]): Control[] {
  const ring = (o: Rect, c: Rect) => contains(pad(o, 1), c) && c.x - o.x <= 6 && c.y - o.y <= 6 && o.x + o.w - (c.x + c.w) <= 6 && o.y + o.h - (c.y + c.h) <= 6;
  const box = (c: Control) => ['text_field', 'dropdown'].includes(c.kind);
  const panels = cs.filter((o) => box(o) && cs.some((c) => c !== o && box(c) && contains(o.box, c.box) && !ring(o.box, c.box)));
  const kept = cs.filter((c) => !panels.includes(c));
  return kept.filter((c, i) => !kept.some((o, j) => j !== i && o.kind === c.kind && contains(pad(o.box, 1), c.box) && (o.box.w * o.box.h > c.box.w * c.box.h || j < i)));
}

/** A selected chip's fill stands this far (in luma) from the page. */
const CHIP_FILL = 40;

/**
 * Chips and segmented buttons: in a cluster of three or more buttons of one height, side by side
 * or row under row, where some are filled and the others only outlined, the filled ones are on
 * (selected) and the outlined ones off; all alike, as one of them was read before with the same
 * look. A lone primary button beside a plain one is not a cluster.
 * (The model does not see these states: see features.ts.)
 */
export function chipStates(controls: Control[]): void {
  const buttons = controls.filter((c) => c.kind === 'button' && c.fillContrast !== undefined);
  // What was read before, on the chips kept from the last frame.
  const before = new Map(buttons.map((b) => [b, b.state?.checked]));
  for (const b of buttons) delete b.state;
  const parent = buttons.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  const near = (a: Rect, b: Rect) => {
    if (Math.abs(a.h - b.h) > 0.2 * Math.max(a.h, b.h)) return false;
    const gapX = Math.max(a.x, b.x) - Math.min(a.x + a.w, b.x + b.w);
    const gapY = Math.max(a.y, b.y) - Math.min(a.y + a.h, b.y + b.h);
    return (gapY < 0 && gapX <= a.h) || (gapX < 0 && gapY <= 0.6 * a.h);
  };
  for (let i = 0; i < buttons.length; i++) for (let j = i + 1; j < buttons.length; j++) if (near(buttons[i]!.box, buttons[j]!.box)) parent[root(j)] = root(i);
  const groups = new Map<number, Control[]>();
  buttons.forEach((b, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), b]));
  for (const group of groups.values()) {
    // Filled with a colour of their own, or not at all: a faint fill is neither.
    const on = group.filter((c) => c.fillContrast! >= CHIP_FILL).length;
    const off = group.filter((c) => c.fillContrast! < EDGE).length;
    // Chips flow along rows (a column of keycaps is a legend, not a choice).
    const rowed = group.some((a) => group.some((b) => a !== b && Math.max(a.box.y, b.box.y) < Math.min(a.box.y + a.box.h, b.box.y + b.box.h)));
    if (group.length < 3 || !rowed || on + off < group.length) continue;
    // All alike now (every chip on, say): as a chip read before with the same look was.
    const filled = (c: Control) => c.fillContrast! >= CHIP_FILL;
    const mixed = on > 0 && off > 0;
    if (!mixed && !group.some((c) => before.get(c) !== undefined && before.get(c) === filled(c))) continue;
    for (const c of group) c.state = { checked: filled(c) };
  }
}
