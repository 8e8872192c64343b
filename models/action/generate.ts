// Data generation: runs task episodes with the expert (and, for DAgger, the learned policy) and
// writes one JSON line per labelled state. Usage:
//   tsx models/action/generate.ts --source sim --episodes 3000 --seed 1 --out data/sim.jsonl
//       [--model models/action --beta 0.3]   DAgger: the model in that folder acts
//       [--paraphrases 2]   rendered tasks: label each state under that many other phrasings too
//       [--shards 2]   rendered tasks only: that many worker processes, each on its own Xvfb
//       [--shard k/N]  (what a worker runs) only tasks k, k+N, k+2N… of the list
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ActionModel } from '../../engine/policy/actionModel.ts';
import { ELEMENT_FEATURES, GLOBAL_FEATURES, MATCH_CHANNELS, TOKEN_FEATURES } from '../../engine/policy/features.ts';
import { KEY_COMBOS, MODEL_ACTIONS } from '../../engine/policy/vocabulary.ts';
import { actionModelFiles, dataVocabulary } from './writeManifest.ts';
import { type Episode, runEpisode } from './episode.ts';
import { Rng } from './sim/random.ts';
import { simEpisode } from './sim/simEpisode.ts';
import { Perceiver } from '../../engine/perception/perceiver.ts';
import { captureScreen } from '../../electron/core/capture.ts';
import { taskEpisode } from './rendered/taskEpisode.ts';
import { generateTasks } from './tasks/generate.ts';
import { launchTaskBrowser } from './tasks/harness.ts';
import { startSandboxDisplay } from '../../electron/executor/sandboxDisplay.ts';

export interface GenerateOptions {
  /** `sim`: synthetic element-level screens; `tasks`: the rendered task suite read by real perception. */
  source: 'sim' | 'tasks';
  episodes: number;
  seed: number;
  out: string;
  /** The folder of the model acting during DAgger (its action-policy.onnx and vocab.json). */
  model?: string;
  beta?: number;
  /** Rendered tasks: each state is labelled under this many of the task's other phrasings too. */
  paraphrases?: number;
  /** Only every `count`-th task of the list, starting at `index` (one worker of several). */
  shard?: { index: number; count: number };
}

type Stats = Record<string, { episodes: number; success: number; samples: number; broken?: number }>;

export async function generate(o: GenerateOptions): Promise<Stats> {
  await mkdir(path.dirname(o.out), { recursive: true });
  // The tensor sizes train.py needs, from the one place that defines them.
  const dims = { token: TOKEN_FEATURES, element: ELEMENT_FEATURES, match: MATCH_CHANNELS, global: GLOBAL_FEATURES, keys: KEY_COMBOS.length, actions: MODEL_ACTIONS.length };
  writeFileSync(path.join(path.dirname(o.out), 'dims.json'), JSON.stringify(dims));
  const stream = createWriteStream(o.out);
  const policy = o.model ? await ActionModel.load(actionModelFiles(o.model), { minConfidence: 0 }) : undefined;
  const vocab = dataVocabulary();
  const rng = new Rng(o.seed * 7919 + 17);
  const stats: Stats = {};
  const shard = o.shard ?? { index: 0, count: 1 };
  const tasks = o.source === 'tasks' ? generateTasks({ split: 'train', seed: o.seed, count: o.episodes }) : [];
  const perceiver = o.source === 'tasks' ? await Perceiver.create({ threads: 1 }) : undefined;
  let browser = o.source === 'tasks' ? await launchTaskBrowser() : undefined;
  for (let i = shard.index; i < o.episodes; i += shard.count) {
    // A learned policy may close the browser (its window's close button, Ctrl+W): start another.
    if (browser && !browser.browser.isConnected()) browser = await launchTaskBrowser();
    const ep: Episode = perceiver ? await taskEpisode(tasks[i]!, perceiver, () => captureScreen(), browser) : simEpisode(o.seed * 1_000_003 + i);
    let r;
    try {
      r = await runEpisode(ep, { vocab, rng, policy, beta: o.beta, paraphrases: o.paraphrases });
    } finally {
      await ep.close().catch((e: unknown) => {
        if (browser?.browser.isConnected()) throw e;
      });
    }
    const s = (stats[ep.family] ??= { episodes: 0, success: 0, samples: 0 });
    s.episodes++;
    s.success += r.success ? 1 : 0;
    s.samples += r.samples.length;
    if (r.broken) s.broken = (s.broken ?? 0) + 1;
    for (const sample of r.samples) if (!stream.write(`${JSON.stringify(sample)}\n`)) await new Promise<void>((res) => stream.once('drain', () => res()));
  }
  await new Promise<void>((res) => stream.end(() => res()));
  await policy?.close();
  await perceiver?.dispose();
  await browser?.close();
  return stats;
}

/**
 * Rendered tasks in `shards` worker processes at once, each with its own Xvfb (a process can
 * capture only the display nut-js opened when it loaded): perception is single-threaded per
 * worker, and a worker waits for the screen to settle half of the time.
 */
export async function generateSharded(o: GenerateOptions, shards: number): Promise<Stats> {
  if (o.source !== 'tasks' || shards <= 1) return generate(o);
  const script = new URL(import.meta.url).pathname;
  const parts = await Promise.all(
    Array.from({ length: shards }, async (_, k) => {
      const display = await startSandboxDisplay();
      const out = `${o.out}.${k}`;
      const args = ['--import', 'tsx', script, '--source', 'tasks', '--episodes', String(o.episodes), '--seed', String(o.seed), '--out', out, '--shard', `${k}/${shards}`, '--beta', String(o.beta ?? 0), '--paraphrases', String(o.paraphrases ?? 0)];
      if (o.model) args.push('--model', o.model);
      try {
        const stdout = await new Promise<string>((resolve, reject) => {
          const child = spawn(process.execPath, args, { env: { ...process.env, DISPLAY: display.display }, stdio: ['ignore', 'pipe', 'inherit'] });
          let text = '';
          child.stdout.on('data', (d: Buffer) => (text += d.toString()));
          child.on('error', reject);
          child.on('close', (code) => (code === 0 ? resolve(text) : reject(new Error(`generate worker ${k}/${shards} exited with ${code}`))));
        });
        return { out, stats: (JSON.parse(stdout.trim().split('\n').at(-1)!) as { stats: Stats }).stats };
      } finally {
        await display.close();
      }
    }),
  );
  writeFileSync(o.out, parts.map((p) => readFileSync(p.out, 'utf8')).join(''));
  for (const p of parts) rmSync(p.out);
  const stats: Stats = {};
  for (const p of parts) {
    for (const [family, s] of Object.entries(p.stats)) {
      const t = (stats[family] ??= { episodes: 0, success: 0, samples: 0 });
      t.episodes += s.episodes;
      t.success += s.success;
      t.samples += s.samples;
      if (s.broken) t.broken = (t.broken ?? 0) + s.broken;
    }
  }
  return stats;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { source: { type: 'string', default: 'sim' }, episodes: { type: 'string', default: '2000' }, seed: { type: 'string', default: '1' }, out: { type: 'string' }, model: { type: 'string' }, beta: { type: 'string', default: '0' }, paraphrases: { type: 'string', default: '0' }, shards: { type: 'string', default: '1' }, shard: { type: 'string' } },
  });
  if (!values.out) throw new Error('--out FILE is required');
  const [index, count] = (values.shard ?? '0/1').split('/').map(Number);
  const options: GenerateOptions = {
    source: values.source === 'tasks' ? 'tasks' : 'sim',
    episodes: Number(values.episodes),
    seed: Number(values.seed),
    out: values.out,
    model: values.model,
    beta: Number(values.beta),
    paraphrases: Number(values.paraphrases),
    shard: { index: index!, count: count! },
  };
  const stats = await generateSharded(options, Number(values.shards));
  process.stdout.write(`${JSON.stringify({ out: values.out, stats })}\n`);
}
