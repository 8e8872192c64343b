// Performs expert steps through real X input (xdotool), at screen pixels mapped by the harness:
// the same kind of events a person or Operant's executor produces, so a solved task proves the
// task is solvable from the screen, not only from the DOM.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { OperantError } from '../../../engine/errors.ts';
import type { OpenTask } from './harness.ts';
import type { ExpertStep } from './types.ts';

const run = promisify(execFile);

const KEYSYMS: Record<string, string> = {
  ctrl: 'ctrl', control: 'ctrl', shift: 'shift', alt: 'alt', super: 'super', meta: 'super', cmd: 'super',
  enter: 'Return', return: 'Return', esc: 'Escape', escape: 'Escape', tab: 'Tab', space: 'space',
  backspace: 'BackSpace', delete: 'Delete', del: 'Delete', home: 'Home', end: 'End',
  pageup: 'Prior', pagedown: 'Next', up: 'Up', down: 'Down', left: 'Left', right: 'Right',
  '-': 'minus', '=': 'equal', ',': 'comma', '.': 'period', '/': 'slash', ';': 'semicolon',
};

/** xdotool's name for one of our lowercase key names (`ctrl`, `s`, `enter`, `f5`). */
export function keysym(key: string): string {
  if (KEYSYMS[key]) return KEYSYMS[key];
  if (/^f\d{1,2}$/.test(key)) return key.toUpperCase();
  if (/^[a-z0-9]$/.test(key)) return key;
  throw new OperantError(`unknown key "${key}": use a lowercase name such as ctrl, shift, enter, tab, a, f5`, 2);
}

const WHEEL: Record<string, string> = { up: '4', down: '5', left: '6', right: '7' };

async function xdo(...args: string[]): Promise<void> {
  try {
    await run('xdotool', args, { env: process.env });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') throw new OperantError('xdotool is not installed: `apt-get install -y xdotool`', 1);
    throw new OperantError(`xdotool ${args.join(' ')} failed: ${err.message}`, 1);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Performs one expert step on the real display. */
export async function performStep(task: OpenTask, step: ExpertStep): Promise<void> {
  switch (step.type) {
    case 'click':
    case 'double_click':
    case 'right_click': {
      const p = task.toScreen(step);
      await xdo('mousemove', String(p.x), String(p.y));
      const button = step.type === 'right_click' ? '3' : '1';
      await xdo('click', ...(step.type === 'double_click' ? ['--repeat', '2', '--delay', '60'] : []), button);
      return;
    }
    case 'type':
      await xdo('type', '--delay', '8', '--', step.text);
      return;
    case 'hotkey':
      await xdo('key', step.keys.map(keysym).join('+'));
      return;
    case 'scroll': {
      const p = task.toScreen(step);
      await xdo('mousemove', String(p.x), String(p.y));
      await xdo('click', '--repeat', String(step.amount), '--delay', '30', WHEEL[step.direction]!);
      return;
    }
    case 'drag': {
      const a = task.toScreen(step.from);
      const b = task.toScreen(step.to);
      await xdo('mousemove', String(a.x), String(a.y));
      await xdo('mousedown', '1');
      // Intermediate moves: pages (and native sliders) follow the pointer only through motion events.
      for (let i = 1; i <= 8; i++) {
        await xdo('mousemove', String(Math.round(a.x + ((b.x - a.x) * i) / 8)), String(Math.round(a.y + ((b.y - a.y) * i) / 8)));
        await sleep(15);
      }
      await xdo('mouseup', '1');
      return;
    }
    case 'finished':
      return;
  }
}

/** Waits until the page has handled the input just sent and painted the result. */
export async function settle(task: OpenTask, ms = 60): Promise<void> {
  await sleep(ms);
  await task.page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
}

export interface ExpertRun {
  steps: ExpertStep[];
  /** Milliseconds per step: asking the expert, performing the input, waiting for the page. */
  timings: { decide: number; act: number; settle: number }[];
  done: boolean;
}

/** Drives a task with its expert through real input until it says done or `maxSteps` pass. */
export async function solveWithExpert(task: OpenTask, maxSteps = 30): Promise<ExpertRun> {
  const steps: ExpertStep[] = [];
  const timings: ExpertRun['timings'] = [];
  for (let i = 0; i < maxSteps; i++) {
    const t0 = performance.now();
    const step = await task.expert();
    if (!step) return { steps, timings, done: true };
    const t1 = performance.now();
    await performStep(task, step);
    const t2 = performance.now();
    await settle(task);
    steps.push(step);
    timings.push({ decide: t1 - t0, act: t2 - t1, settle: performance.now() - t2 });
  }
  return { steps, timings, done: (await task.expert()) === null };
}
