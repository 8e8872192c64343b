import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../engine/policy/text.ts';
import { parseWordVectors, vectorKey, WORD_VECTORS_MAGIC } from '../../../engine/policy/wordVectors.ts';

const file = (words: string[], dims: number, bytes: number[]) =>
  Buffer.concat([Buffer.from(`${WORD_VECTORS_MAGIC}\n${JSON.stringify({ dims, count: words.length, scale: 0.5 })}\n${words.join('\n')}\n`), Buffer.from(Int8Array.from(bytes).buffer)]);

describe('word vectors', () => {
  it('reads the file format and scales the int8 values', () => {
    const v = parseWordVectors(file(['open', 'save'], 2, [2, -2, 1, 0]), 'w.bin');
    expect(Array.from(v.get('save')!)).toEqual([0.5, 0]);
    expect(v.get('close')).toBeUndefined();
  });

  it('looks words up lowercase, without accents or clitics', () => {
    expect(tokenize("Open the user's Café").map(vectorKey)).toEqual(['open', 'the', 'user', 'cafe']);
  });

  it('refuses a damaged file with the way to restore it', () => {
    expect(() => parseWordVectors(Buffer.from('not a vector file'), 'w.bin')).toThrow(/w\.bin.*npm run build:words/);
    const cut = file(['open', 'save'], 2, [2, -2, 1, 0]).subarray(0, -1);
    expect(() => parseWordVectors(cut, 'w.bin')).toThrow(/3 vector bytes, expected 4/);
  });
});
