// `npm run eval:tasks [-- --count N --seed S --families a,b --agent "<command with {instruction}>"]`
// Runs test-split tasks end to end on the current X display: each opens in a Chromium window, the
// agent works on it from the screen, and the page's own checker scores it. Prints one JSON object.
// `--agent expert` drives the tasks with their scripted expert through real input: it checks the
// harness and gives an upper bound. As a benchmark (`npm run bench -- evalTasks`) it runs both on
// one task per family and reports the agent's success as a ratio of the expert's.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { badInput, OperantError } from '../engine/errors.ts';
import { checkDisplay } from '../electron/core/display.ts';
import { DEFAULT_AGENT } from '../models/action/tasks/agentCommand.ts';
import { evaluate } from '../models/action/tasks/evaluate.ts';
import { FAMILIES, generateTasks } from '../models/action/tasks/generate.ts';
import { summarize } from '../models/action/tasks/summary.ts';
import type { Split } from '../models/action/tasks/types.ts';

export interface EvalArgs {
  count: number;
  seed: number;
  families?: string[];
  agent: string;
  split: Split;
  maxSteps: number;
  taskTimeoutMs: number;
  details: boolean;
  shotsDir?: string;
}

const USAGE = 'usage: npm run eval:tasks -- [--count N] [--seed S] [--families a,b] [--agent expert|"<command with {instruction}>"] [--split test|train] [--max-steps N] [--task-timeout SECONDS] [--details] [--shots DIR]';

function int(name: string, v: string | undefined, fallback: number, min: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw badInput(`--${name} must be a whole number ≥ ${min}, got "${v}"; ${USAGE}`);
  return n;
}

export function parseEvalArgs(argv: string[]): EvalArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        count: { type: 'string' }, seed: { type: 'string' }, families: { type: 'string' }, agent: { type: 'string' },
        split: { type: 'string' }, 'max-steps': { type: 'string' }, 'task-timeout': { type: 'string' }, details: { type: 'boolean' }, shots: { type: 'string' },
      },
    }));
  } catch (e) {
    throw badInput(`${(e as Error).message}; ${USAGE}`);
  }
  const split = (values.split ?? 'test') as Split;
  if (split !== 'test' && split !== 'train') throw badInput(`--split must be test or train, got "${values.split}"`);
  const families = values.families?.split(',').map((f) => f.trim()).filter(Boolean);
  return {
    count: int('count', values.count, 2 * (families?.length || FAMILIES.length), 1),
    seed: int('seed', values.seed, 1, 0),
    families,
    agent: values.agent?.trim() || DEFAULT_AGENT,
    split,
    maxSteps: int('max-steps', values['max-steps'], 15, 1),
    taskTimeoutMs: 1000 * int('task-timeout', values['task-timeout'], 180, 1),
    details: Boolean(values.details),
    shotsDir: values.shots,
  };
}

export async function runEval(args: EvalArgs) {
  checkDisplay();
  const tasks = generateTasks({ split: args.split, seed: args.seed, count: args.count, families: args.families });
  const results = await evaluate(tasks, {
    agent: args.agent,
    maxSteps: args.maxSteps,
    taskTimeoutMs: args.taskTimeoutMs,
    shotsDir: args.shotsDir,
    onResult: (r, i) => process.stderr.write(`[${i + 1}/${tasks.length}] ${r.success ? 'ok  ' : 'FAIL'} ${r.id} (${r.steps} steps, ${r.status}) ${JSON.stringify(r.instruction)}\n`),
  });
  return {
    split: args.split, seed: args.seed, agent: args.agent, maxSteps: args.maxSteps, display: process.env.DISPLAY,
    ...summarize(results),
    ...(args.details ? { tasks: results } : {}),
  };
}

/** The benchmark: the default agent and the expert on the same tasks, one per family. */
export default async function bench() {
  const base = parseEvalArgs(['--count', String(FAMILIES.length)]);
  const expert = await runEval({ ...base, agent: 'expert' });
  let agent: Awaited<ReturnType<typeof runEval>> | { error: string };
  try {
    agent = await runEval(base);
  } catch (e) {
    if (!(e instanceof OperantError)) throw e;
    agent = { error: e.message };
  }
  const rate = (r: typeof agent) => ('overall' in r ? r.overall.successRate : null);
  const expertRate = rate(expert);
  return { tasks: FAMILIES.length, expert, agent, agentToExpertSuccess: rate(agent) !== null && expertRate ? rate(agent)! / expertRate : null };
}

const isMain = process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
if (isMain) {
  try {
    process.stdout.write(`${JSON.stringify(await runEval(parseEvalArgs(process.argv.slice(2))), null, 2)}\n`);
  } catch (e) {
    const code = e instanceof OperantError ? e.exitCode : 1;
    process.stderr.write(`eval:tasks: ${(e as Error).message}\n`);
    process.stdout.write(`${JSON.stringify({ error: (e as Error).message })}\n`);
    process.exit(code);
  }
}
