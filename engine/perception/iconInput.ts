// What the icon recognizer sees of an element: its crop as contrast against the crop's own
// background, squared and resampled to 32×32. Light and dark themes, any colours, a glyph on a
// bare toolbar or inside a filled button all reduce to the same kind of picture. Training data
// (models/icons/generate.ts) goes through this same function.
import { luma, type Rect, type RgbaImage } from './image.ts';
import type { Control } from './controls.ts';

export const ICON_INPUT_SIDE = 32;

/** Below this luma contrast a crop is flat: nothing to name. */
const MIN_CONTRAST = 24;

/**
 * Elements worth naming: icons, and controls that could be icon buttons (small, roughly square,
 * without text). Checkboxes and radios are included because an icon in a square or round button
 * looks like one to the outline detector; the recognizer's "other" class keeps real ones as they are.
 */
export function isIconCandidate(c: Pick<Control, 'kind' | 'text' | 'box'>, scale = 1): boolean {
  if (c.text) return false;
  if (c.kind === 'icon') return true;
  if (!['button', 'checkbox', 'radio'].includes(c.kind)) return false;
  const w = c.box.w / scale;
  const h = c.box.h / scale;
  return w >= 10 && h >= 10 && w <= 64 && h <= 64 && Math.max(w, h) / Math.min(w, h) <= 1.6;
}

/** The crop the recognizer reads: the element's box grown by a tenth on each side, inside the frame. */
export function iconCrop(frame: RgbaImage, box: Rect): Rect {
  const m = Math.max(1, Math.round(Math.max(box.w, box.h) * 0.1));
  const x0 = Math.max(0, Math.floor(box.x - m));
  const y0 = Math.max(0, Math.floor(box.y - m));
  const x1 = Math.min(frame.width, Math.ceil(box.x + box.w + m));
  const y1 = Math.min(frame.height, Math.ceil(box.y + box.h + m));
  return { x: x0, y: y0, w: Math.max(1, x1 - x0), h: Math.max(1, y1 - y0) };
}

/**
 * Writes the model input for `box` of `frame` into `out` (ICON_INPUT_SIDE² floats in 0..1) and
 * returns false when the crop is flat. Each pixel is |luma − background| over the crop's largest
 * such difference, the background being the median luma of the crop's border.
 */
export function iconInput(frame: RgbaImage, box: Rect, out: Float32Array): boolean {
  const r = iconCrop(frame, box);
  const n = Math.max(r.w, r.h);
  // The crop centred in an n×n square; the padding is background (0).
  const ox = (n - r.w) >> 1;
  const oy = (n - r.h) >> 1;
  const border: number[] = [];
  for (let x = 0; x < r.w; x++) border.push(lumaAt(frame, r.x + x, r.y), lumaAt(frame, r.x + x, r.y + r.h - 1));
  for (let y = 0; y < r.h; y++) border.push(lumaAt(frame, r.x, r.y + y), lumaAt(frame, r.x + r.w - 1, r.y + y));
  border.sort((a, b) => a - b);
  const bg = border[border.length >> 1]!;
  const sq = new Float32Array(n * n);
  let max = 0;
  for (let y = 0; y < r.h; y++) {
    for (let x = 0; x < r.w; x++) {
      const d = Math.abs(lumaAt(frame, r.x + x, r.y + y) - bg);
      sq[(y + oy) * n + x + ox] = d;
      if (d > max) max = d;
    }
  }
  out.fill(0);
  if (max < MIN_CONTRAST) return false;
  resample(sq, n, out, ICON_INPUT_SIDE, 1 / max);
  return true;
}

const lumaAt = (f: RgbaImage, x: number, y: number) => luma(f.data, y * f.width + x);

/**
 * Separable resampling of an n×n image to m×m with a triangle filter as wide as one output pixel
 * (bilinear when enlarging, an area average when shrinking), times `gain`.
 */
function resample(src: Float32Array, n: number, dst: Float32Array, m: number, gain: number): void {
  const weights = axisWeights(n, m);
  const tmp = new Float32Array(m * n);
  for (let y = 0; y < n; y++) for (const [j, taps] of weights.entries()) { let s = 0; for (const [i, w] of taps) s += src[y * n + i]! * w; tmp[y * m + j] = s; }
  for (const [j, taps] of weights.entries()) for (let x = 0; x < m; x++) { let s = 0; for (const [i, w] of taps) s += tmp[i * m + x]! * w; dst[j * m + x] = s * gain; }
}

const weightCache = new Map<string, [number, number][][]>();

function axisWeights(n: number, m: number): [number, number][][] {
  const key = `${n}:${m}`;
  const cached = weightCache.get(key);
  if (cached) return cached;
  const step = n / m;
  const support = Math.max(1, step);
  const out: [number, number][][] = [];
  for (let j = 0; j < m; j++) {
    const c = (j + 0.5) * step;
    const taps: [number, number][] = [];
    let sum = 0;
    for (let i = Math.max(0, Math.floor(c - support)); i < Math.min(n, Math.ceil(c + support)); i++) {
      const w = Math.max(0, 1 - Math.abs(i + 0.5 - c) / support);
      if (w > 0) { taps.push([i, w]); sum += w; }
    }
    out.push(taps.map(([i, w]) => [i, w / sum]));
  }
  if (weightCache.size > 256) weightCache.clear();
  weightCache.set(key, out);
  return out;
}
