// `npm run bench [-- name…]`: runs benchmarks and prints one JSON object per benchmark.
// Each bench/<name>.ts default-exports a function returning its figures, including ratios to a
// baseline measured in the same run (this machine is shared and noisy; absolute times drift).
import { readdirSync } from 'node:fs';

const available = readdirSync(new URL('.', import.meta.url))
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !f.startsWith('_'))
  .map((f) => f.slice(0, -3))
  .sort();

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((w) => !available.includes(w));
if (unknown.length) {
  process.stderr.write(`unknown benchmark ${unknown.join(', ')}; available: ${available.join(', ')}\n`);
  process.exit(2);
}
for (const name of wanted.length ? wanted : available) {
  const mod = (await import(`./${name}.ts`)) as { default?: () => Promise<unknown> };
  // An evaluation script without a benchmark of its own (evalDesktop: `npm run eval:desktop`).
  if (typeof mod.default !== 'function') {
    if (wanted.length) {
      process.stderr.write(`${name} is an evaluation, not a benchmark: run \`npm run ${name.replace(/^eval/, 'eval:').toLowerCase()}\`\n`);
      process.exit(2);
    }
    continue;
  }
  const started = Date.now();
  const result = await mod.default();
  process.stdout.write(`${JSON.stringify({ bench: name, seconds: (Date.now() - started) / 1000, result })}\n`);
}
