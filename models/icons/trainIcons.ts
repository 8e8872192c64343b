// `npm run train:icons`: rebuilds the icon recognizer from a seed, end to end, on one core.
//   1. render the data (generate.ts): theme icons, non-icons, the task suite's train-style icons
//   2. train the CNN and export ONNX (train.py, Debian's python3-torch)
//   3. register it (manifest with sha256) and score it the way the Perceiver runs it
// ICONS_SEED, ICONS_PER_CLASS and ICONS_MINUTES size the run; ICONS_OUT trains elsewhere (a smoke
// run) and leaves the committed model and manifest alone.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ICON_CLASSES } from '../../engine/perception/iconClasses.ts';
import { evaluateIcons, summary } from './evaluate.ts';
import { generate } from './generate.ts';
import { writeManifest } from './writeManifest.ts';

const env = (k: string, d: number) => (process.env[k] ? Number(process.env[k]) : d);
const cfg = { seed: env('ICONS_SEED', 1), perClass: env('ICONS_PER_CLASS', 1500), minutes: env('ICONS_MINUTES', 12), epochs: env('ICONS_EPOCHS', 8) };
const here = path.dirname(new URL(import.meta.url).pathname);
const outDir = process.env.ICONS_OUT ?? here;
const work = path.join(outDir, '.work');
const python = process.env.ICONS_PYTHON ?? '/usr/bin/python3';

const t0 = performance.now();
const log = (stage: string, data: object = {}) => process.stdout.write(`${JSON.stringify({ stage, minutes: Math.round((performance.now() - t0) / 600) / 100, ...data })}\n`);

function train(data: string): Promise<void> {
  const args = [path.join(here, 'train.py'), '--data', data, '--classes', String(ICON_CLASSES.length), '--out', outDir, '--seed', String(cfg.seed), '--minutes', String(cfg.minutes), '--epochs', String(cfg.epochs)];
  return new Promise((resolve, reject) => {
    const child = spawn('nice', ['-n', '15', python, ...args], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', (e) => reject(new Error(`cannot run ${python} (${e.message}): apt-get install -y python3-torch libopenblas0-pthread`)));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`train.py exited with ${code}`))));
  });
}

async function main() {
  mkdirSync(work, { recursive: true });
  const data = path.join(work, 'icons.bin');
  log('data', await generate({ seed: cfg.seed, perClass: cfg.perClass, out: data }));
  await train(data);
  log('trained');
  if (outDir === here) await writeManifest();
  const scores = summary(await evaluateIcons(path.join(outDir, 'icon-names.onnx'), data));
  writeFileSync(path.join(outDir, 'eval-report.json'), `${JSON.stringify(scores, null, 2)}\n`);
  log('evaluated', Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, { correctlyNamed: v.correctlyNamed, wronglyNamed: v.wronglyNamed, falseNameRate: v.falseNameRate }])));
}

main().catch((e) => {
  process.stderr.write(`train:icons failed: ${(e as Error).message}\n`);
  process.exit(1);
});
