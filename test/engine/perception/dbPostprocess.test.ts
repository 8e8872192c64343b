import { describe, expect, it } from 'vitest';
import { dbBoxes } from '../../../engine/perception/dbPostprocess.ts';

/** A probability map with filled rectangles of the given probability. */
function map(w: number, h: number, rects: [number, number, number, number, number][]) {
  const p = new Float32Array(w * h);
  for (const [x, y, rw, rh, v] of rects) for (let j = y; j < y + rh; j++) for (let i = x; i < x + rw; i++) p[j * w + i] = v;
  return p;
}

describe('dbBoxes', () => {
  it('finds each text kernel and unclips it by area·ratio/perimeter', () => {
    const boxes = dbBoxes(map(100, 40, [[10, 10, 40, 6, 0.9], [60, 20, 20, 6, 0.8]]), 100, 40);
    expect(boxes).toHaveLength(2);
    const d = (40 * 6 * 1.5) / (2 * 46);
    expect(boxes[0]!.x).toBeCloseTo(10 - d);
    expect(boxes[0]!.w).toBeCloseTo(40 + 2 * d);
    expect(boxes[0]!.score).toBeCloseTo(0.9);
  });

  it('drops weak components and specks', () => {
    const boxes = dbBoxes(map(60, 20, [[5, 5, 20, 6, 0.45], [40, 5, 1, 1, 0.99]]), 60, 20);
    expect(boxes).toEqual([]);
  });
});
