// Labels sit beside or above the controls they name: features and the step memory both look there.
import type { UiElement } from '../perception/types.ts';

export type Neighbours = [number, number, number];

/** The nearest text-bearing element to the left, right and above: where a control's label sits. */
export function neighbours(elements: UiElement[]): Neighbours[] {
  return elements.map((e) => {
    const [ex, ey, ew, eh] = e.box;
    const best: Array<[number, number]> = [[-1, 250], [-1, 250], [-1, 60]];
    elements.forEach((o, j) => {
      if (o === e || !o.text.trim()) return;
      const [ox, oy, ow, oh] = o.box;
      const vOverlap = Math.min(ey + eh, oy + oh) - Math.max(ey, oy);
      const hOverlap = Math.min(ex + ew, ox + ow) - Math.max(ex, ox);
      const sameRow = vOverlap > 0.4 * Math.min(eh, oh);
      const candidates: Array<[number, number]> = [
        [0, sameRow && ox + ow <= ex + 4 ? ex - (ox + ow) : Infinity],
        [1, sameRow && ox >= ex + ew - 4 ? ox - (ex + ew) : Infinity],
        [2, hOverlap > -20 && oy + oh <= ey + 4 ? ey - (oy + oh) : Infinity],
      ];
      for (const [side, gap] of candidates) if (gap < best[side]![1]) best[side] = [j, gap];
    });
    return best.map(([j]) => j) as Neighbours;
  });
}
