// End-to-end evaluation: each task opens in a real Chromium window, an agent (a command that sees
// only the screen, or the expert through real input) works on it, and the page's checker scores it.
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { OperantError } from '../../../engine/errors.ts';
import { type AgentRun, agentCommandLine, runAgentCommand } from './agentCommand.ts';
import { launchTaskBrowser, type OpenTask, openTask, type TaskBrowser } from './harness.ts';
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
  /** Where to save a screenshot of each failed task's page (`<task id>.png`), if anywhere. */
  shotsDir?: string;
  onResult?: (r: TaskResult, index: number) => void;
}

const sh = promisify(execFile);

/** Moves the pointer out of the way so no hover state leaks from one task into the next. */
async function parkPointer(): Promise<void> {
  await sh('xdotool', ['mousemove', '0', '0']).catch(() => undefined);
}

async function runOne(task: TaskSpec, opts: EvalOptions, browser: TaskBrowser, first: boolean): Promise<TaskResult> {
  const open = await openTask(task, { browser });
  try {
    const result = await attempt(task, open, opts, first);
    if (!result.success && opts.shotsDir && !open.page.isClosed()) {
      mkdirSync(opts.shotsDir, { recursive: true });
      writeFileSync(path.join(opts.shotsDir, `${task.id}.png`), await open.screenshot());
    }
    return result;
  } finally {
    await open.close();
  }
}

/** Why the task page is no longer there (the agent navigated away or closed it), or undefined. */
async function pageLeft(open: OpenTask): Promise<string | undefined> {
  if (open.page.isClosed()) return 'the task page was closed';
  const url = open.page.url();
  const present = await open.page.evaluate(() => Boolean(window.operantTask)).catch(() => false);
  return present ? undefined : `the task page is gone (now at ${url})`;
}

/** The clear error for an agent command that cannot run at all (missing, crashing on start). */
function agentUnavailable(run: AgentRun, commandLine: string): OperantError {
  const said = (run.stderrTail || run.stray.slice(-3).join(' ')).slice(0, 600).replace(/\.$/, '');
  return new OperantError(
    `the agent command printed no JSON lines and exited ${run.timedOut ? 'on timeout' : `with code ${run.exitCode}`}${said ? `: ${said}` : ''}. ` +
      `Command: ${commandLine}. Check that it exists on this branch (\`node bin/operant.js --help\` should list \`run\`), ` +
      'or pass --agent "<your command with {instruction}>"; `--agent expert` checks the harness itself.',
    1,
  );
}

async function attempt(task: TaskSpec, open: OpenTask, opts: EvalOptions, first: boolean): Promise<TaskResult> {
  const base = { id: task.id, family: task.family, instruction: task.instruction };
  const started = performance.now();
  await parkPointer();
  if (opts.agent === 'expert') {
    const run = await solveWithExpert(open, opts.maxSteps);
    return { ...base, success: await open.check(), steps: run.steps.length, status: run.done ? 'finished' : 'max_steps', timings: run.timings, ms: performance.now() - started };
  }
  const commandLine = agentCommandLine(opts.agent, task.instruction, opts.maxSteps);
  const run = await runAgentCommand(commandLine, { timeoutMs: opts.taskTimeoutMs });
  // Only the first task can tell "the agent is missing" from "the agent failed this task".
  if (first && !run.steps.length && !run.final && run.exitCode !== 0) throw agentUnavailable(run, commandLine);
  const status = typeof run.final?.status === 'string' ? run.final.status : run.timedOut ? 'timeout' : `exit ${run.exitCode}`;
  const left = await pageLeft(open);
  const error = left ?? (run.timedOut ? `timed out after ${opts.taskTimeoutMs} ms` : run.exitCode !== 0 && run.exitCode !== 2 ? run.stderrTail.slice(0, 400) : undefined);
  return {
    ...base,
    success: !left && (await open.check()),
    steps: run.steps.length,
    status,
    exitCode: run.exitCode,
    ...(error ? { error } : {}),
    timings: run.steps.map((s) => Object.fromEntries(Object.entries(s.timings).filter(([, v]) => typeof v === 'number'))),
    ms: performance.now() - started,
  };
}

export async function evaluate(tasks: TaskSpec[], opts: EvalOptions): Promise<TaskResult[]> {
  const results: TaskResult[] = [];
  // One Chromium for the run: each task opens (and closes) its own window in it.
  const browser = await launchTaskBrowser();
  try {
    for (const [i, task] of tasks.entries()) {
      const r = await runOne(task, opts, browser, i === 0);
      results.push(r);
      opts.onResult?.(r, i);
    }
  } finally {
    await browser.close();
  }
  return results;
}
