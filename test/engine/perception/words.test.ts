import { describe, expect, it } from 'vitest';
import { splitSegment } from '../../../engine/perception/words.ts';

const chars = (...cs: Array<[string, number]>) => cs.map(([char, x], i) => ({ char, x, first: i, last: i, prob: 0.99 }));
const box = { x: 50, y: 11, w: 12, h: 11 };

describe('a segment\'s characters', () => {
  it('keeps a last "l" that fired a little past the ink (the second of "all"), and drops marks in the margin', () => {
    expect(splitSegment(chars(['a', 53.6], ['l', 57.9], ['l', 63.3]), box).map((w) => w.text)).toEqual(['all']);
    // A border beside the word read as a bar or a far "l" is no letter of it.
    expect(splitSegment(chars(['a', 53.6], ['l', 57.9], ['|', 63.3]), box).map((w) => w.text)).toEqual(['al']);
    expect(splitSegment(chars(['a', 53.6], ['l', 57.9], ['l', 68]), box).map((w) => w.text)).toEqual(['al']);
    // A lone stroke beside the ink (a border) is no word.
    expect(splitSegment(chars(['l', 63.3]), box).map((w) => w.text)).toEqual([]);
    // A stroke one pixel wide read as a wide character (a keycap's side read "2") is none; a thin one may be.
    expect(splitSegment(chars(['2', 15]), { x: 15, y: 13, w: 1, h: 18 }).map((w) => w.text)).toEqual([]);
    expect(splitSegment(chars(['1', 15]), { x: 14, y: 13, w: 3, h: 18 }).map((w) => w.text)).toEqual(['1']);
    expect(splitSegment(chars(['S', 87]), { x: 84, y: 13, w: 6, h: 12 }).map((w) => w.text)).toEqual(['S']);
  });
});
