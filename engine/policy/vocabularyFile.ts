// The instruction vocabulary: words seen in training map to their own embedding, numbers to one
// shared id, everything else to "unknown", so an unseen word never borrows another word's meaning.
import { readFileSync } from 'node:fs';
import { OperantError } from '../errors.ts';
import type { Token } from './text.ts';
import { loadWordVectors, type WordVectors } from './wordVectors.ts';

export const PAD = 0;
export const UNKNOWN = 1;
export const NUMBER = 2;
const FIRST_WORD = 3;

export interface Vocabulary {
  size: number;
  id(token: Token): number;
  /** Pretrained vectors for any English word, trained or not. */
  vectors?: WordVectors;
}

export function makeVocabulary(words: string[], vectors?: WordVectors): Vocabulary {
  const ids = new Map(words.map((w, i) => [w, FIRST_WORD + i]));
  return {
    size: FIRST_WORD + words.length,
    id: (t) => (/^\p{N}+$/u.test(t.norm) ? NUMBER : (ids.get(t.norm) ?? UNKNOWN)),
    vectors,
  };
}

export function loadVocabulary(file: string, wordVectorsFile: string): Vocabulary {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new OperantError(`cannot read the action model's vocabulary ${file} (${(e as Error).message}): run \`operant models verify action-policy\``, 2);
  }
  const words = (parsed as { words?: unknown }).words;
  if (!Array.isArray(words) || !words.every((w) => typeof w === 'string')) {
    throw new OperantError(`the action model's vocabulary ${file} has no "words" list of strings: rebuild it with \`npm run train:action\``, 2);
  }
  return makeVocabulary(words, loadWordVectors(wordVectorsFile));
}
