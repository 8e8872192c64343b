// End-to-end evaluation: each task opens in a real Chromium window, an agent (a command that sees
// only the screen, or the expert through real input) works on it, and the page's checker scores it.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { OperantError } from '../../../engine/errors.ts';
import { agentCommandLine, runAgentCommand } from './agentCommand.ts';
import { openTask } from './harness.ts';
import { solveWithExpert } from './realInput.ts';
import type { TaskSpec } from './types.ts';

export interface TaskResult {
  id: string;
  family: string;
  instruction: string;
  success: boolean;
  steps: number;
  /** The agent's own verdict (its final line's `status`, or `expert`). */
  status: string;
  exitCode?: number | null;
  error?: string;
  /** Per step, milliseconds per stage (capture, perceive, decide, act, …). */
  timings: Record<string, number>[];
  ms: number;
}

export interface EvalOptions {
  /** `expert`, or a shell template for the agent command (see agentCommand.ts). */
  agent: string;
  maxSteps: number;
  taskTimeoutMs: number;
  onResult?: (r: TaskResult, index: number) => void;
}

const sh = promisify(execFile);

/** Moves the pointer out of the way so no hover state leaks from one task into the next. */
async function parkPointer(): Promise<void> {
  await sh('xdotool', ['mousemove', '0', '0']).catch(() => undefined);
}

async function runOne(task: TaskSpec, opts: EvalOptions, first: boolean): Promise<TaskResult> {
  const base = { id: task.id, family: task.family, instruction: task.instruction };
  const open = await openTask(task);
  const started = performance.now();
  try {
    await parkPointer();
    if (opts.agent === 'expert') {
      const run = await solveWithExpert(open, opts.maxSteps);
      return { ...base, success: await open.check(), steps: run.steps.length, status: run.done ? 'finished' : 'max_steps', timings: run.timings, ms: performance.now() - started };
    }
    const run = await runAgentCommand(agentCommandLine(opts.agent, task.instruction, opts.maxSteps), { timeoutMs: opts.taskTimeoutMs });
    if (first && !run.steps.length && !run.final && run.exitCode !== 0) {
      throw new OperantError(
        `the agent command printed no JSON lines and exited ${run.timedOut ? 'on timeout' : `with code ${run.exitCode}`}` +
          (run.stderrTail || run.stray.length ? `: ${(run.stderrTail || run.stray.slice(-3).join(' ')).slice(0, 600).replace(/\.$/, '')}` : '') +
          `. Command: ${agentCommandLine(opts.agent, task.instruction, opts.maxSteps)}. ` +
          'Check that it exists on this branch (`node bin/operant.js --help` should list `run`), or pass --agent "<your command with {instruction}>"; `--agent expert` checks the harness itself.',
        1,
      );
    }
    const status = typeof run.final?.status === 'string' ? run.final.status : run.timedOut ? 'timeout' : `exit ${run.exitCode}`;
    return {
      ...base,
      success: await open.check(),
      steps: run.steps.length,
      status,
      exitCode: run.exitCode,
      ...(run.timedOut ? { error: `timed out after ${opts.taskTimeoutMs} ms` } : run.exitCode !== 0 && run.exitCode !== 2 ? { error: run.stderrTail.slice(0, 400) } : {}),
      timings: run.steps.map((s) => Object.fromEntries(Object.entries(s.timings).filter(([, v]) => typeof v === 'number'))),
      ms: performance.now() - started,
    };
  } finally {
    await open.close();
  }
}

export async function evaluate(tasks: TaskSpec[], opts: EvalOptions): Promise<TaskResult[]> {
  const results: TaskResult[] = [];
  for (const [i, task] of tasks.entries()) {
    const r = await runOne(task, opts, i === 0);
    results.push(r);
    opts.onResult?.(r, i);
  }
  return results;
}
