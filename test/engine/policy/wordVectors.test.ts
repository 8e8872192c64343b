import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../engine/policy/text.ts';
import { parseWordVectors, vectorKey, WORD_DIMS, WORD_VECTORS_MAGIC } from '../../../engine/policy/wordVectors.ts';

const file = (words: string[], dims: number, values: number[]) =>
  Buffer.concat([Buffer.from(`${WORD_VECTORS_MAGIC}\n${JSON.stringify({ dims, count: words.length, scale: 0.5 })}\n${words.join('\n')}\n`), Buffer.from(Int8Array.from(values).buffer)]);
/** Two words: "open" is all 2s, "save" is 1 then zeros. */
const twoWords = () => file(['open', 'save'], WORD_DIMS, [...new Array(WORD_DIMS).fill(2), 1, ...new Array(WORD_DIMS - 1).fill(0)]);

describe('word vectors', () => {
  it('reads the file format and scales the int8 values', () => {
    const v = parseWordVectors(twoWords(), 'w.bin');
    expect(v.get('save')![0]).toBe(0.5);
    expect(v.get('save')!.slice(1).every((x) => x === 0)).toBe(true);
    expect(v.get('open')!.every((x) => x === 1)).toBe(true);
    expect(v.get('close')).toBeUndefined();
  });

  it('looks words up lowercase, without accents or clitics', () => {
    expect(tokenize("Open the user's Café").map(vectorKey)).toEqual(['open', 'the', 'user', 'cafe']);
  });

  it('refuses a damaged or foreign file with the way to restore it', () => {
    expect(() => parseWordVectors(Buffer.from('not a vector file'), 'w.bin')).toThrow(/w\.bin.*npm run build:words/);
    expect(() => parseWordVectors(twoWords().subarray(0, -1), 'w.bin')).toThrow(`${2 * WORD_DIMS - 1} vector bytes, expected ${2 * WORD_DIMS}`);
    expect(() => parseWordVectors(file(['open'], 3, [1, 2, 3]), 'w.bin')).toThrow(/3 dimensions, the action model reads 100/);
  });
});
