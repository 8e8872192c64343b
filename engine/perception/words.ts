// Splits one recognized ink segment into words where the recognizer emitted spaces or CJK
// characters (which stand alone in UIs); most segments are one word already.
import type { CtcChar } from './ctc.ts';
import type { Rect } from './image.ts';

export interface Word {
  text: string;
  box: Rect;
  confidence: number;
}

const THIN = /^[\p{P}\p{S}Iil1|]$/u;
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]/;

/** `chars` carry `x`, the frame column where CTC fired for them; `box` is the segment's box. */
export function splitSegment(chars: (CtcChar & { x: number })[], box: Rect): Word[] {
  const parts: (CtcChar & { x: number })[][] = [[]];
  for (const c of chars) {
    // Characters sit on ink: a thin one (".", ":", "!", "I") that fired in the blank margin
    // around the word is the recognizer inventing an edge, not text. Where a character fires is
    // only known to a frame (a few pixels): an "l" a little past the ink right after another is
    // the second of a word's "ll" ("all", "Spell").
    const cur = parts[parts.length - 1]!;
    const prev = cur[cur.length - 1];
    const slack = c.char === 'l' && prev?.char === 'l' ? Math.max(2, 0.3 * box.h) : 1;
    if ((c.x < box.x - slack || c.x > box.x + box.w + slack) && THIN.test(c.char)) continue;
    if (c.char.trim() === '') { if (cur.length) parts.push([]); continue; }
    if (prev && (CJK.test(c.char) || CJK.test(prev.char))) parts.push([c]);
    else cur.push(c);
  }
  const real = parts.filter((p) => p.length);
  const words = real.map((p, k) => {
    // Between two parts, the boundary is halfway between the characters that face each other.
    const left = k === 0 ? box.x : Math.round((real[k - 1]!.at(-1)!.x + p[0]!.x) / 2);
    const right = k === real.length - 1 ? box.x + box.w : Math.round((p.at(-1)!.x + real[k + 1]![0]!.x) / 2);
    return {
      text: p.map((c) => c.char).join(''),
      box: { x: left, y: box.y, w: right - left, h: box.h },
      confidence: p.reduce((s, c) => s + c.prob, 0) / p.length,
    };
  });
  // A stroke a fifth of the line's height wide (a keycap's side, read "2") holds no wide character.
  return words.filter((w) => !([...w.text].length === 1 && !THIN.test(w.text) && 5 * w.box.w < w.box.h));
}
