// Where the glyphs of a detected text line really are. Detection boxes are loose by a few pixels
// and the recognizer drops spaces between small words, so the line's ink is cut into word
// candidates here: runs of inked columns, joined across gaps narrower than a space.
import { borderLuma, luma, type Rect, type RgbaImage } from './image.ts';

/** A pixel this far (in luma) from the background is ink; anti-aliased edges fall below it. */
const INK = 48;
/** A gap in the ink this wide, relative to the glyphs' typical height, separates words: a space is ~0.3 em. */
const WORD_GAP = 0.4;

export interface InkSegment {
  x0: number;
  x1: number;
  top: number;
  bottom: number;
}

export interface LineInk {
  /** Word candidates, left to right, in frame pixels (inclusive bounds). */
  segments: InkSegment[];
  /** The vertical extent of the line's glyphs (borders that share its rows left out). */
  top: number;
  bottom: number;
  /** True when the text is lighter than its background (dark themes). */
  lightOnDark: boolean;
}

export function lineInk(frame: RgbaImage, box: Rect): LineInk {
  const bg = borderLuma(frame, box);
  const ink = new Uint8Array(box.w * box.h);
  const glyphRow = new Uint8Array(box.h);
  let inkSum = 0;
  let inkCount = 0;
  for (let y = 0; y < box.h; y++) {
    let run = 0;
    let longest = 0;
    for (let x = 0; x < box.w; x++) {
      const v = luma(frame.data, (box.y + y) * frame.width + box.x + x);
      if (Math.abs(v - bg) > INK) { ink[y * box.w + x] = 1; inkSum += v; inkCount++; longest = Math.max(longest, ++run); }
      else run = 0;
    }
    // A row with a long unbroken stretch of ink is a border or rule (a field's edge), not glyphs:
    // no glyph stroke is much wider than the line is tall.
    glyphRow[y] = longest > 0 && longest <= Math.max(12, box.h * 1.5) ? 1 : 0;
  }
  // Column runs of ink, each with its vertical extent.
  const runs: InkSegment[] = [];
  for (let x = 0; x < box.w; x++) {
    let top = -1;
    let bottom = -1;
    for (let y = 0; y < box.h; y++) if (glyphRow[y] && ink[y * box.w + x]) { if (top < 0) top = y; bottom = y; }
    if (top < 0) continue;
    const last = runs[runs.length - 1];
    if (last && last.x1 === box.x + x - 1) { last.x1++; last.top = Math.min(last.top, box.y + top); last.bottom = Math.max(last.bottom, box.y + bottom); }
    else runs.push({ x0: box.x + x, x1: box.x + x, top: box.y + top, bottom: box.y + bottom });
  }
  const lightOnDark = inkCount > 0 && inkSum / inkCount > bg;
  if (!runs.length) return { segments: [], top: box.y, bottom: box.y + box.h - 1, lightOnDark };
  const heights = runs.map((r) => r.bottom - r.top + 1).sort((a, b) => a - b);
  const typical = heights[heights.length >> 1]!;
  const gap = Math.max(3, Math.round(WORD_GAP * typical));
  const segments: InkSegment[] = [];
  for (const r of runs) {
    const last = segments[segments.length - 1];
    if (last && r.x0 - last.x1 - 1 < gap) { last.x1 = r.x1; last.top = Math.min(last.top, r.top); last.bottom = Math.max(last.bottom, r.bottom); }
    else segments.push({ ...r });
  }
  // The line's extent comes from segments of ordinary height: a field border or a tall icon
  // beside the text would otherwise stretch every word's box.
  const segHeights = segments.map((s) => s.bottom - s.top + 1).sort((a, b) => a - b);
  const limit = 1.5 * segHeights[segHeights.length >> 1]!;
  const textual = segments.filter((s) => s.bottom - s.top + 1 <= limit);
  return {
    segments,
    top: Math.min(...textual.map((s) => s.top)),
    bottom: Math.max(...textual.map((s) => s.bottom)),
    lightOnDark,
  };
}
