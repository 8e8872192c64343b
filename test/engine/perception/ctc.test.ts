import { describe, expect, it } from 'vitest';
import { ctcDecode } from '../../../engine/perception/ctc.ts';
import { charsetFrom } from '../../../engine/perception/recognizer.ts';
import { splitSegment } from '../../../engine/perception/words.ts';

const charset = charsetFrom('a\nb\nc\n');

/** One-hot frames: each entry is the class that wins that frame. */
function frames(classes: number[]) {
  const p = new Float32Array(classes.length * charset.length);
  classes.forEach((c, t) => (p[t * charset.length + c] = 0.9));
  return p;
}

describe('CTC decoding', () => {
  it('reads the dictionary as blank + lines + space', () => {
    expect(charset).toEqual(['', 'a', 'b', 'c', ' ']);
  });

  it('merges repeats, drops blanks, and keeps where each character fired', () => {
    const chars = ctcDecode(frames([0, 1, 1, 0, 1, 2, 0, 4, 3]), 9, charset.length, charset);
    expect(chars.map((c) => c.char).join('')).toBe('aab c');
    expect(chars[0]).toMatchObject({ first: 1, last: 2 });
    expect(chars[1]).toMatchObject({ first: 4, last: 4 });
  });

  it('splits a segment at emitted spaces, halfway between the facing characters', () => {
    const chars = ctcDecode(frames([1, 0, 1, 4, 0, 2, 3]), 7, charset.length, charset).map((c) => ({ ...c, x: (c.first + c.last + 1) * 5 }));
    const words = splitSegment(chars, { x: 0, y: 10, w: 70, h: 12 });
    expect(words.map((w) => w.text)).toEqual(['aa', 'bc']);
    expect(words[0]!.box.x).toBe(0);
    expect(words[1]!.box.x + words[1]!.box.w).toBe(70);
    expect(words[0]!.box.x + words[0]!.box.w).toBe(words[1]!.box.x);
  });
});
