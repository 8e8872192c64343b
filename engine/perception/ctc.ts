// Greedy CTC decoding that keeps where each character fired, so a line can be cut into words.

export interface CtcChar {
  char: string;
  /** Output frame (time step) where the character's run starts and ends. */
  first: number;
  last: number;
  prob: number;
}

/**
 * Best path decoding of one line: argmax per frame, merge repeats, drop blanks (class 0).
 * `probs` holds `frames × classes` values; `charset[c]` is class c's text.
 */
export function ctcDecode(probs: Float32Array, frames: number, classes: number, charset: readonly string[]): CtcChar[] {
  const out: CtcChar[] = [];
  let prev = 0;
  for (let t = 0; t < frames; t++) {
    const row = t * classes;
    let best = 0;
    let bestP = probs[row]!;
    for (let c = 1; c < classes; c++) {
      const p = probs[row + c]!;
      if (p > bestP) { bestP = p; best = c; }
    }
    if (best !== 0 && best === prev) {
      const last = out[out.length - 1]!;
      last.last = t;
      last.prob = Math.max(last.prob, bestP);
    } else if (best !== 0) {
      out.push({ char: charset[best] ?? '', first: t, last: t, prob: bestP });
    }
    prev = best;
  }
  return out;
}
