import { describe, expect, it } from 'vitest';
import { dirtyTiles, TILE, tileGrid, tileRects } from '../../../engine/perception/tiles.ts';

const solid = (w: number, h: number, v = 255) => ({ width: w, height: h, data: Buffer.alloc(w * h * 4, v) });

describe('tiles', () => {
  it('marks flat tiles uniform and busy ones not', () => {
    const img = solid(100, 70);
    img.data[(40 * 100 + 50) * 4] = 0;
    const g = tileGrid(img);
    expect([g.cols, g.rows]).toEqual([4, 3]);
    expect(g.uniform.reduce((n, u) => n + u, 0)).toBe(11);
    expect(g.uniform[1 * 4 + 1]).toBe(0);
  });

  it('finds the changed tiles as one grown rectangle, ignoring alpha', () => {
    const a = solid(256, 128);
    const b = solid(256, 128);
    b.data[(70 * 256 + 100) * 4 + 1] = 3;
    b.data[(70 * 256 + 140) * 4 + 2] = 3;
    b.data[(5 * 256 + 5) * 4 + 3] = 0;
    const dirty = dirtyTiles(tileGrid(a), tileGrid(b));
    expect(dirty.reduce((n, d) => n + d, 0)).toBe(2);
    expect(tileRects(dirty, tileGrid(b))).toEqual([{ x: 3 * TILE, y: 2 * TILE, w: 2 * TILE, h: TILE }]);
    expect(tileRects(dirty, tileGrid(b), 1)).toEqual([{ x: 2 * TILE, y: TILE, w: 4 * TILE, h: 3 * TILE }]);
  });
});
