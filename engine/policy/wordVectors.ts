// Pretrained word vectors (GloVe, 100 dimensions, int8) for the instruction's words. The action
// model learns its own embedding only for words its training commands used; these vectors carry
// what a word means to the rest of English, so "tap the close symbol" lands near "click the close
// icon" although "tap" and "symbol" never occurred in training. Built by
// models/action/buildWordVectors.ts; the same file is read by the trainer (train.py).
import { readFileSync } from 'node:fs';
import { OperantError } from '../errors.ts';
import type { Token } from './text.ts';

export const WORD_VECTORS_MAGIC = 'OPERANT-WORDS 1';
export const WORD_DIMS = 100;

export interface WordVectors {
  dims: number;
  /** The unit-length vector of a lookup key (see `vectorKey`), or undefined for an unknown word. */
  get(key: string): Float32Array | undefined;
}

/**
 * The key a word is looked up by: lowercase, accents dropped, and a clitic cut off ("user's" →
 * "user"). The trainer looks the same keys up in the same table, so this is the only place that
 * decides which vector a word gets.
 */
export function vectorKey(t: Token): string {
  return t.text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').split(/['’]/)[0]!;
}

/** File layout: the magic line, a JSON header line, one word per line, then count × dims int8 values. */
export function parseWordVectors(buf: Buffer, file: string): WordVectors {
  const bad = (why: string) => new OperantError(`the word vectors ${file} are unreadable (${why}): restore the file from the repository, or rebuild it with \`npm run build:words\``, 2);
  const line1 = buf.indexOf(10);
  const line2 = buf.indexOf(10, line1 + 1);
  if (line1 < 0 || line2 < 0 || buf.subarray(0, line1).toString() !== WORD_VECTORS_MAGIC) throw bad('no header');
  let header: { dims: number; count: number; scale: number };
  try {
    header = JSON.parse(buf.subarray(line1 + 1, line2).toString());
  } catch (e) {
    throw bad((e as Error).message);
  }
  const { dims, count, scale } = header;
  if (dims !== WORD_DIMS) throw bad(`${dims} dimensions, the action model reads ${WORD_DIMS}`);
  let at = line2 + 1;
  const index = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const end = buf.indexOf(10, at);
    if (end < 0) throw bad(`the word list stops after ${i} of ${count} words`);
    index.set(buf.subarray(at, end).toString(), i);
    at = end + 1;
  }
  if (buf.length - at !== count * dims) throw bad(`${buf.length - at} vector bytes, expected ${count * dims}`);
  const values = new Int8Array(buf.buffer, buf.byteOffset + at, count * dims);
  return {
    dims,
    get(key) {
      const i = index.get(key);
      if (i === undefined) return undefined;
      const v = new Float32Array(dims);
      for (let d = 0; d < dims; d++) v[d] = values[i * dims + d]! * scale;
      return v;
    },
  };
}

export function loadWordVectors(file: string): WordVectors {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (e) {
    throw new OperantError(`cannot read the word vectors ${file} (${(e as Error).message}): run \`operant models verify action-policy\``, 2);
  }
  return parseWordVectors(buf, file);
}
