// DB (differentiable binarization) post-processing: probability map → text line boxes.
// Screens hold horizontal text, so boxes are axis-aligned rectangles rather than rotated ones.
import type { Rect } from './image.ts';

export interface DbOptions {
  /** Pixels above this probability are text (PaddleOCR's `thresh`). */
  threshold: number;
  /** A component whose mean probability is below this is dropped (`box_thresh`). */
  boxThreshold: number;
  /** How far the shrunk text kernel is grown back (`unclip_ratio`). */
  unclipRatio: number;
  /** Components shorter than this on either side are noise. */
  minSize: number;
}

export const DB_DEFAULTS: DbOptions = { threshold: 0.3, boxThreshold: 0.6, unclipRatio: 1.5, minSize: 2 };

export interface TextBox extends Rect {
  score: number;
}

/**
 * Binarizes `prob` (width×height), labels 4-connected components, scores each by its mean
 * probability, and unclips its bounding rectangle by area·ratio/perimeter, as DB's paper does
 * for the polygon.
 */
export function dbBoxes(prob: Float32Array, width: number, height: number, o: DbOptions = DB_DEFAULTS): TextBox[] {
  const n = width * height;
  const seen = new Uint8Array(n);
  const stack = new Int32Array(n);
  const boxes: TextBox[] = [];
  for (let start = 0; start < n; start++) {
    if (seen[start] || prob[start]! <= o.threshold) continue;
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    let x0 = width, y0 = height, x1 = -1, y1 = -1, sum = 0, count = 0;
    while (top > 0) {
      const i = stack[--top]!;
      const x = i % width;
      const y = (i - x) / width;
      sum += prob[i]!;
      count++;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      if (x > 0 && !seen[i - 1] && prob[i - 1]! > o.threshold) { seen[i - 1] = 1; stack[top++] = i - 1; }
      if (x < width - 1 && !seen[i + 1] && prob[i + 1]! > o.threshold) { seen[i + 1] = 1; stack[top++] = i + 1; }
      if (y > 0 && !seen[i - width] && prob[i - width]! > o.threshold) { seen[i - width] = 1; stack[top++] = i - width; }
      if (y < height - 1 && !seen[i + width] && prob[i + width]! > o.threshold) { seen[i + width] = 1; stack[top++] = i + width; }
    }
    const w = x1 - x0 + 1;
    const h = y1 - y0 + 1;
    if (Math.min(w, h) < o.minSize) continue;
    const score = sum / count;
    if (score < o.boxThreshold) continue;
    const d = (w * h * o.unclipRatio) / (2 * (w + h));
    boxes.push({ x: x0 - d, y: y0 - d, w: w + 2 * d, h: h + 2 * d, score });
  }
  return boxes;
}
