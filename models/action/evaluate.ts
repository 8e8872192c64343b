// Closed-loop evaluation of the action model: the policy alone acts until it says finished (or
// gives up), and the task's own checker scores the end state. Two suites: synthetic screens with
// held-out seeds, and the rendered task suite's test split (real Chromium, real perception, real
// X input). Usage: tsx models/action/evaluate.ts [--sim N] [--tasks N] [--model DIR] [--out report.json]
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Perceiver } from '../../engine/perception/perceiver.ts';
import { ActionModel } from '../../engine/policy/actionModel.ts';
import { actionModelFiles, dataVocabulary } from './writeManifest.ts';
import { type Episode, type RunResult, runEpisode } from './episode.ts';
import { captureScreen } from '../../electron/core/capture.ts';
import { taskEpisode } from './rendered/taskEpisode.ts';
import { Rng } from './sim/random.ts';
import { simEpisode } from './sim/simEpisode.ts';
import { generateTasks } from './tasks/generate.ts';

interface FamilyScore {
  episodes: number;
  success: number;
  steps: number;
}

export interface SuiteReport {
  episodes: number;
  success: number;
  rate: number;
  families: Record<string, FamilyScore & { rate: number }>;
  perceiveMs: { median: number; p95: number };
  decideMs: { median: number; p95: number };
}

const quantile = (xs: number[], q: number) => {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))]! * 10) / 10;
};

async function evaluateSuite(policy: ActionModel, episodes: AsyncIterable<Episode>, maxSteps: number): Promise<SuiteReport> {
  const families: Record<string, FamilyScore> = {};
  const observe: number[] = [];
  const decide: number[] = [];
  const vocab = dataVocabulary();
  const rng = new Rng(1);
  for await (const ep of episodes) {
    let r: RunResult | undefined;
    try {
      r = await runEpisode(ep, { vocab, rng, policy, beta: 0, maxSteps });
    } finally {
      // After the policy broke the task's window, closing what is left may fail too.
      await ep.close().catch((e: unknown) => {
        if (!r?.broken) throw e;
      });
    }
    const f = (families[ep.family] ??= { episodes: 0, success: 0, steps: 0 });
    f.episodes++;
    f.success += r.success ? 1 : 0;
    f.steps += r.steps;
    observe.push(...r.observeMs);
    decide.push(...r.decideMs);
  }
  const total = Object.values(families).reduce((a, f) => ({ episodes: a.episodes + f.episodes, success: a.success + f.success }), { episodes: 0, success: 0 });
  return {
    ...total,
    rate: Math.round((1000 * total.success) / Math.max(total.episodes, 1)) / 1000,
    families: Object.fromEntries(Object.entries(families).sort().map(([k, f]) => [k, { ...f, steps: Math.round((10 * f.steps) / f.episodes) / 10, rate: Math.round((1000 * f.success) / f.episodes) / 1000 }])),
    perceiveMs: { median: quantile(observe, 0.5), p95: quantile(observe, 0.95) },
    decideMs: { median: quantile(decide, 0.5), p95: quantile(decide, 0.95) },
  };
}

export async function evaluate(o: { model: Record<string, string>; sim: number; tasks: number; seed: number }): Promise<{ sim?: SuiteReport; tasks?: SuiteReport }> {
  const policy = await ActionModel.load(o.model);
  const out: { sim?: SuiteReport; tasks?: SuiteReport } = {};
  try {
    if (o.sim > 0) {
      out.sim = await evaluateSuite(policy, (async function* () {
        // Seeds far from the training ones: layouts, words and noise never seen in training.
        for (let i = 0; i < o.sim; i++) yield simEpisode(900_000_000 + o.seed * 10_007 + i);
      })(), 12);
    }
    if (o.tasks > 0) {
      const perceiver = await Perceiver.create({ threads: 1 });
      try {
        const tasks = generateTasks({ split: 'test', seed: o.seed, count: o.tasks });
        out.tasks = await evaluateSuite(policy, (async function* () {
          for (const t of tasks) yield await taskEpisode(t, perceiver, () => captureScreen());
        })(), 10);
      } finally {
        await perceiver.dispose();
      }
    }
  } finally {
    await policy.close();
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { sim: { type: 'string', default: '700' }, tasks: { type: 'string', default: '0' }, seed: { type: 'string', default: '1' }, model: { type: 'string', default: 'models/action' }, out: { type: 'string' } } });
  const report = await evaluate({ model: actionModelFiles(values.model!), sim: Number(values.sim), tasks: Number(values.tasks), seed: Number(values.seed) });
  const line = JSON.stringify(report);
  if (values.out) writeFileSync(values.out, `${JSON.stringify(report, null, 1)}\n`);
  process.stdout.write(`${line}\n`);
}
