// `npm run train:action`: rebuilds the embedded action model from a seed, end to end.
//   1. expert data: synthetic screens, and the rendered task suite read by the real perception stage
//   2. train round 0
//   3. DAgger: the round-0 policy acts, the expert labels every state it reaches
//   4. train round 1 on everything, export ONNX with int8 weights
//   5. register it (manifest with sha256) and evaluate it closed-loop
// Sizes come from the environment (ACTION_SIM_EPISODES, ACTION_TASK_EPISODES, ACTION_DAGGER_TASKS,
// ACTION_EVAL_TASKS, ACTION_EPOCHS, ACTION_DAGGER_EPOCHS, ACTION_SEED, ACTION_SHARDS, ACTION_PARAPHRASES) so CI can run a small version of the same thing.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { evaluate } from './evaluate.ts';
import { generateSharded } from './generate.ts';
import { actionModelFiles, writeManifest } from './writeManifest.ts';

const env = (k: string, d: number) => (process.env[k] ? Number(process.env[k]) : d);
const cfg = {
  seed: env('ACTION_SEED', 1),
  simEpisodes: env('ACTION_SIM_EPISODES', 1500),
  // 30 of each of the suite's 23 families, then 13 each with the round-0 model acting.
  taskEpisodes: env('ACTION_TASK_EPISODES', 690),
  daggerSim: env('ACTION_DAGGER_SIM', 800),
  daggerTasks: env('ACTION_DAGGER_TASKS', 299),
  /** Each rendered state is also labelled under this many of its task's other phrasings. */
  paraphrases: env('ACTION_PARAPHRASES', 2),
  epochs: env('ACTION_EPOCHS', 12),
  /** Round 1 starts from round 0 but sees more data (DAgger's): as many epochs again. */
  daggerEpochs: env('ACTION_DAGGER_EPOCHS', 12),
  evalSim: env('ACTION_EVAL_SIM', 700),
  evalTasks: env('ACTION_EVAL_TASKS', 46),
  trainMinutes: env('ACTION_TRAIN_MINUTES', 10),
  /** Worker processes for the rendered tasks, each with its own Xvfb (3 keep 2 cores busy). */
  shards: env('ACTION_SHARDS', 3),
};
const here = path.dirname(new URL(import.meta.url).pathname);
/** ACTION_OUT trains somewhere else (a smoke run) and leaves the committed model and manifest alone. */
const out = process.env.ACTION_OUT ?? here;
const work = path.join(out === here ? here : out, '.work');
const python = process.env.ACTION_PYTHON ?? '/usr/bin/python3';

function train(data: string[], out: string, epochs: number, init?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const args = [path.join(here, 'train.py'), '--data', ...data, '--dims', path.join(work, 'dims.json'), '--out', out, '--words', actionModelFiles(out).words, '--epochs', String(epochs), '--batch', '128', '--seed', String(cfg.seed), '--minutes', String(cfg.trainMinutes), ...(init ? ['--init', init] : [])];
    const child = spawn(python, args, { stdio: ['ignore', 'inherit', 'inherit'], cwd: here });
    child.on('error', (e) => reject(new Error(`cannot run ${python} (${e.message}): apt-get install -y python3-torch libopenblas0-pthread`)));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`train.py exited with ${code}`))));
  });
}

const log = (what: string, data: unknown = {}) => process.stdout.write(`${JSON.stringify({ stage: what, minutes: Math.round((performance.now() - t0) / 600) / 100, ...(data as object) })}\n`);
const t0 = performance.now();

async function main() {
  mkdirSync(work, { recursive: true });
  // The data's tensor sizes (dims.json) are written next to the data by generate().
  const hasDisplay = !!process.env.DISPLAY;
  if (!hasDisplay && (cfg.taskEpisodes || cfg.daggerTasks || cfg.evalTasks)) throw new Error('DISPLAY is not set: the rendered tasks need an X display (start `Xvfb :N -screen 0 1280x800x24 &` and export DISPLAY=:N)');
  const file = (n: string) => path.join(work, n);
  // ACTION_RESUME=1 keeps data files and the round-0 model an earlier run (same seed and sizes) already wrote.
  const gen = async (o: Parameters<typeof generateSharded>[0]) => (process.env.ACTION_RESUME && existsSync(o.out) ? 'reused' : generateSharded(o, cfg.shards));

  log('expert data', { sim: await gen({ source: 'sim', episodes: cfg.simEpisodes, seed: cfg.seed, out: file('sim0.jsonl') }) });
  const data = [file('sim0.jsonl')];
  if (cfg.taskEpisodes) {
    log('expert data', { tasks: await gen({ source: 'tasks', episodes: cfg.taskEpisodes, seed: cfg.seed, out: file('tasks0.jsonl'), paraphrases: cfg.paraphrases }) });
    data.push(file('tasks0.jsonl'));
  }
  if (!(process.env.ACTION_RESUME && existsSync(file('round0/model.pt')))) await train(data, file('round0'), cfg.epochs);
  const round0 = file('round0');
  log('trained round 0');

  log('dagger data', { sim: await gen({ source: 'sim', episodes: cfg.daggerSim, seed: cfg.seed + 1, out: file('sim1.jsonl'), model: round0, beta: 0.3 }) });
  data.push(file('sim1.jsonl'));
  if (cfg.daggerTasks) {
    log('dagger data', { tasks: await gen({ source: 'tasks', episodes: cfg.daggerTasks, seed: cfg.seed + 1, out: file('tasks1.jsonl'), model: round0, beta: 0.3, paraphrases: cfg.paraphrases }) });
    data.push(file('tasks1.jsonl'));
  }
  // Round 1 continues from round 0 (same vocabulary) on the aggregated data.
  await train(data, out, cfg.daggerEpochs, file('round0'));
  log('trained round 1');
  if (out === here) {
    const manifest = await writeManifest();
    log('registered', { files: manifest.files.map((f) => ({ path: f.source.kind === 'repo' ? f.source.path : '', size: f.size })) });
  }

  const report = await evaluate({ model: actionModelFiles(out), sim: cfg.evalSim, tasks: hasDisplay ? cfg.evalTasks : 0, seed: cfg.seed });
  const trainReport = existsSync(path.join(out, 'train-report.json')) ? JSON.parse(readFileSync(path.join(out, 'train-report.json'), 'utf8')) : {};
  writeFileSync(path.join(out, 'eval-report.json'), `${JSON.stringify({ config: cfg, minutes: Math.round((performance.now() - t0) / 600) / 100, training: { ...trainReport, history: undefined }, evaluation: report }, null, 1)}\n`);
  log('evaluated', report);
}

await main();
