// Tile hashes and uniformity: what changed since the last frame (temporal sparsity) and which
// parts of the screen hold nothing to read (spatial sparsity).
import type { Rect, RgbaImage } from './image.ts';

export const TILE = 32;

export interface TileGrid {
  cols: number;
  rows: number;
  width: number;
  height: number;
  hashes: Uint32Array;
  /** 1 where the tile is one flat colour (no text, no edges). */
  uniform: Uint8Array;
}

/** FNV-1a over each 32×32 tile's pixels (as 32-bit words), and whether the tile is flat. */
export function tileGrid(img: RgbaImage): TileGrid {
  const cols = Math.ceil(img.width / TILE);
  const rows = Math.ceil(img.height / TILE);
  const hashes = new Uint32Array(cols * rows).fill(0x811c9dc5);
  const uniform = new Uint8Array(cols * rows).fill(1);
  const first = new Uint32Array(cols * rows);
  const px = new Uint32Array(img.data.buffer, img.data.byteOffset, img.width * img.height);
  for (let y = 0; y < img.height; y++) {
    const tr = ((y / TILE) | 0) * cols;
    const row = y * img.width;
    for (let x = 0; x < img.width; x++) {
      const t = tr + ((x / TILE) | 0);
      // Alpha carries no information on a screen; mask it so RGBX and RGBA captures agree.
      const v = px[row + x]! & 0x00ffffff;
      hashes[t] = Math.imul(hashes[t]! ^ v, 0x01000193);
      if (y % TILE === 0 && x % TILE === 0) first[t] = v;
      else if (uniform[t] && v !== first[t]) uniform[t] = 0;
    }
  }
  return { cols, rows, width: img.width, height: img.height, hashes, uniform };
}

/** Tiles whose hash differs between two grids of the same frame size. */
export function dirtyTiles(prev: TileGrid, next: TileGrid): Uint8Array {
  const dirty = new Uint8Array(next.cols * next.rows);
  for (let i = 0; i < dirty.length; i++) dirty[i] = prev.hashes[i] !== next.hashes[i] ? 1 : 0;
  return dirty;
}

/**
 * Bounding rectangles (in pixels) of 8-connected groups of marked tiles, each grown by `pad`
 * tiles, with overlapping rectangles merged.
 */
export function tileRects(mask: Uint8Array, g: Pick<TileGrid, 'cols' | 'rows' | 'width' | 'height'>, pad = 0): Rect[] {
  const seen = new Uint8Array(mask.length);
  const boxes: { c0: number; r0: number; c1: number; r1: number }[] = [];
  for (let s = 0; s < mask.length; s++) {
    if (!mask[s] || seen[s]) continue;
    const stack = [s];
    seen[s] = 1;
    const b = { c0: g.cols, r0: g.rows, c1: -1, r1: -1 };
    while (stack.length) {
      const i = stack.pop()!;
      const c = i % g.cols;
      const r = (i - c) / g.cols;
      b.c0 = Math.min(b.c0, c); b.c1 = Math.max(b.c1, c); b.r0 = Math.min(b.r0, r); b.r1 = Math.max(b.r1, r);
      for (let dr = -1; dr <= 1; dr++) {
        for (let dc = -1; dc <= 1; dc++) {
          const nc = c + dc;
          const nr = r + dr;
          if (nc < 0 || nr < 0 || nc >= g.cols || nr >= g.rows) continue;
          const j = nr * g.cols + nc;
          if (mask[j] && !seen[j]) { seen[j] = 1; stack.push(j); }
        }
      }
    }
    boxes.push({ c0: Math.max(0, b.c0 - pad), r0: Math.max(0, b.r0 - pad), c1: Math.min(g.cols - 1, b.c1 + pad), r1: Math.min(g.rows - 1, b.r1 + pad) });
  }
  // Grown boxes may now overlap: merge until none do.
  for (let merged = true; merged; ) {
    merged = false;
    for (let i = 0; i < boxes.length && !merged; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (a.c0 <= b.c1 && b.c0 <= a.c1 && a.r0 <= b.r1 && b.r0 <= a.r1) {
          boxes[i] = { c0: Math.min(a.c0, b.c0), r0: Math.min(a.r0, b.r0), c1: Math.max(a.c1, b.c1), r1: Math.max(a.r1, b.r1) };
          boxes.splice(j, 1);
          merged = true;
          break;
        }
      }
    }
  }
  return boxes.map((b) => {
    const x = b.c0 * TILE;
    const y = b.r0 * TILE;
    return { x, y, w: Math.min(g.width, (b.c1 + 1) * TILE) - x, h: Math.min(g.height, (b.r1 + 1) * TILE) - y };
  });
}
