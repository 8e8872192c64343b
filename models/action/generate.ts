// Data generation: runs task episodes with the expert (and, for DAgger, the learned policy) and
// writes one JSON line per labelled state. Usage:
//   tsx models/action/generate.ts --source sim --episodes 3000 --seed 1 --out data/sim.jsonl
//       [--model models/action/action-policy.onnx --vocab models/action/vocab.json --beta 0.3]
import { createWriteStream, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ActionModel } from '../../engine/policy/actionModel.ts';
import { ELEMENT_FEATURES, GLOBAL_FEATURES, MATCH_CHANNELS, TOKEN_FEATURES } from '../../engine/policy/features.ts';
import { KEY_COMBOS, MODEL_ACTIONS } from '../../engine/policy/vocabulary.ts';
import { makeVocabulary } from '../../engine/policy/vocabularyFile.ts';
import { type Episode, runEpisode } from './episode.ts';
import { Rng } from './sim/random.ts';
import { simEpisode } from './sim/simEpisode.ts';
import { Perceiver } from '../../engine/perception/perceiver.ts';
import { captureScreen } from '../../electron/core/capture.ts';
import { taskEpisode } from './rendered/taskEpisode.ts';
import { generateTasks } from './tasks/generate.ts';

export interface GenerateOptions {
  /** `sim`: synthetic element-level screens; `tasks`: the rendered task suite read by real perception. */
  source: 'sim' | 'tasks';
  episodes: number;
  seed: number;
  out: string;
  model?: { model: string; vocab: string };
  beta?: number;
}

export async function generate(o: GenerateOptions): Promise<Record<string, { episodes: number; success: number; samples: number }>> {
  await mkdir(path.dirname(o.out), { recursive: true });
  // The tensor sizes train.py needs, from the one place that defines them.
  const dims = { token: TOKEN_FEATURES, element: ELEMENT_FEATURES, match: MATCH_CHANNELS, global: GLOBAL_FEATURES, keys: KEY_COMBOS.length, actions: MODEL_ACTIONS.length };
  writeFileSync(path.join(path.dirname(o.out), 'dims.json'), JSON.stringify(dims));
  const stream = createWriteStream(o.out);
  const policy = o.model ? await ActionModel.load(o.model, { minConfidence: 0 }) : undefined;
  const vocab = makeVocabulary([]);
  const rng = new Rng(o.seed * 7919 + 17);
  const stats: Record<string, { episodes: number; success: number; samples: number }> = {};
  const tasks = o.source === 'tasks' ? generateTasks({ split: 'train', seed: o.seed, count: o.episodes }) : [];
  const perceiver = o.source === 'tasks' ? await Perceiver.create({ threads: 1 }) : undefined;
  for (let i = 0; i < o.episodes; i++) {
    const ep: Episode = perceiver ? await taskEpisode(tasks[i]!, perceiver, () => captureScreen()) : simEpisode(o.seed * 1_000_003 + i);
    let r;
    try {
      r = await runEpisode(ep, { vocab, rng, policy, beta: o.beta });
    } finally {
      await ep.close();
    }
    const s = (stats[ep.family] ??= { episodes: 0, success: 0, samples: 0 });
    s.episodes++;
    s.success += r.success ? 1 : 0;
    s.samples += r.samples.length;
    for (const sample of r.samples) if (!stream.write(`${JSON.stringify(sample)}\n`)) await new Promise<void>((res) => stream.once('drain', () => res()));
  }
  await new Promise<void>((res) => stream.end(() => res()));
  await policy?.close();
  await perceiver?.dispose();
  return stats;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { source: { type: 'string', default: 'sim' }, episodes: { type: 'string', default: '2000' }, seed: { type: 'string', default: '1' }, out: { type: 'string' }, model: { type: 'string' }, vocab: { type: 'string' }, beta: { type: 'string', default: '0' } },
  });
  if (!values.out) throw new Error('--out FILE is required');
  const stats = await generate({
    source: values.source === 'tasks' ? 'tasks' : 'sim',
    episodes: Number(values.episodes),
    seed: Number(values.seed),
    out: values.out,
    model: values.model ? { model: values.model, vocab: values.vocab ?? path.join(path.dirname(values.model), 'vocab.json') } : undefined,
    beta: Number(values.beta),
  });
  process.stdout.write(`${JSON.stringify({ out: values.out, stats })}\n`);
}
