// `npm run eval:desktop [-- --agent "<command with {instruction}>"] [--only a,b]`
// Real desktop programs, not pages: GTK dialogs drawn by zenity, driven from pixels through
// `operant run` on the current X display. Zenity prints what the person entered or picked and
// exits with the button they pressed, so each task is scored by the program itself. None of these
// dialogs, their toolkit or their wording was used in training. Prints one JSON object.
import { spawn, spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checkDisplay } from '../electron/core/display.ts';
import { OperantError } from '../engine/errors.ts';
import { agentCommandLine, DEFAULT_AGENT, runAgentCommand } from '../models/action/tasks/agentCommand.ts';

interface DesktopTask {
  id: string;
  instruction: string;
  /** zenity's arguments; `--title` is how the harness finds its window. */
  args: string[];
  /** What zenity prints and its exit code when the task is done right (0: OK/Yes, 1: Cancel/No). */
  want: { stdout: string; code: number };
}

const FRUIT = ['--column', 'Fruit', 'Apple', 'Banana', 'Cherry', '--height', '300'];
const PICK = ['--column', 'Pick', '--column', 'Fruit', 'FALSE', 'Apple', 'FALSE', 'Banana', 'FALSE', 'Cherry', '--height', '300'];

export const DESKTOP_TASKS: DesktopTask[] = [
  { id: 'entry', instruction: 'Type "Ada Lovelace" into the name field and click OK', args: ['--entry', '--title', 'Sign up', '--text', 'Your name:'], want: { stdout: 'Ada Lovelace', code: 0 } },
  { id: 'entry_enter', instruction: 'Enter Grace as your name, then press OK', args: ['--entry', '--title', 'Sign up', '--text', 'Your name:'], want: { stdout: 'Grace', code: 0 } },
  { id: 'entry_cancel', instruction: 'Cancel this dialog', args: ['--entry', '--title', 'Rename', '--text', 'New name:'], want: { stdout: '', code: 1 } },
  { id: 'question_yes', instruction: 'Answer Yes', args: ['--question', '--title', 'Confirm', '--text', 'Delete the file?'], want: { stdout: '', code: 0 } },
  { id: 'question_no', instruction: 'Click No', args: ['--question', '--title', 'Confirm', '--text', 'Delete the file?'], want: { stdout: '', code: 1 } },
  { id: 'list', instruction: 'Select Cherry in the list and confirm with OK', args: ['--list', '--title', 'Fruit', ...FRUIT], want: { stdout: 'Cherry', code: 0 } },
  { id: 'radiolist', instruction: 'Choose Banana and click OK', args: ['--list', '--radiolist', '--title', 'Fruit', ...PICK], want: { stdout: 'Banana', code: 0 } },
  { id: 'checklist', instruction: 'Tick Apple and Cherry, then click OK', args: ['--list', '--checklist', '--title', 'Fruit', ...PICK], want: { stdout: 'Apple|Cherry', code: 0 } },
  { id: 'forms', instruction: 'Fill First name with "Ada" and Email with "ada@example.org", then click OK', args: ['--forms', '--title', 'Contact', '--add-entry', 'First name', '--add-entry', 'Email'], want: { stdout: 'Ada|ada@example.org', code: 0 } },
  { id: 'password', instruction: 'Type the password "hunter2" and press OK', args: ['--password', '--title', 'Unlock'], want: { stdout: 'hunter2', code: 0 } },
  { id: 'info', instruction: 'Dismiss the message', args: ['--info', '--title', 'Saved', '--text', 'Your changes were saved.'], want: { stdout: '', code: 0 } },
  { id: 'combo', instruction: 'Choose Kenya as the country and submit', args: ['--forms', '--title', 'Shipping', '--add-combo', 'Country', '--combo-values', 'France|Kenya|Peru'], want: { stdout: 'Kenya', code: 0 } },
  { id: 'scale', instruction: 'Set the volume to 75 and click OK', args: ['--scale', '--title', 'Volume', '--text', 'Volume', '--value', '20'], want: { stdout: '75', code: 0 } },
  { id: 'calendar', instruction: 'Pick March 14, 2025 and click OK', args: ['--calendar', '--title', 'Date', '--day', '1', '--month', '3', '--year', '2025', '--date-format', '%Y-%m-%d'], want: { stdout: '2025-03-14', code: 0 } },
  { id: 'list_columns', instruction: 'Select notes.txt and press OK', args: ['--list', '--title', 'Files', '--column', 'Name', '--column', 'Size', 'report.pdf', '2 MB', 'notes.txt', '4 KB', 'photo.png', '1 MB', '--height', '300'], want: { stdout: 'notes.txt', code: 0 } },
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until a window with this title is mapped (zenity takes a moment to start), then gives it
 * the keyboard focus, as a window manager does for a new dialog (Xvfb has none: without this, keys
 * go wherever the pointer happens to be).
 */
async function windowShown(title: string, timeoutMs = 15_000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const found = spawnSync('xdotool', ['search', '--onlyvisible', '--name', `^${title}$`], { encoding: 'utf8' });
    const id = found.status === 0 ? found.stdout.trim().split('\n')[0] : undefined;
    if (id) {
      spawnSync('xdotool', ['windowfocus', '--sync', id]);
      return true;
    }
    await sleep(200);
  }
  return false;
}

export async function runDesktopTask(task: DesktopTask, agent: string, maxSteps = 12) {
  const title = task.args[task.args.indexOf('--title') + 1]!;
  const dialog = spawn('zenity', task.args, { stdio: ['ignore', 'pipe', 'ignore'] });
  let stdout = '';
  dialog.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  const exited = new Promise<number | null>((resolve) => dialog.on('close', (code) => resolve(code)));
  dialog.on('error', () => {});
  try {
    if (!(await windowShown(title))) throw new OperantError('zenity did not open a window: install it with `apt-get install -y zenity`', 2);
    await sleep(500); // GTK draws the window after mapping it
    const run = await runAgentCommand(agentCommandLine(agent, task.instruction, maxSteps), { timeoutMs: 120_000 });
    const code = await Promise.race([exited, sleep(4000).then(() => 'open' as const)]);
    const got = { stdout: stdout.trim(), code: code === 'open' ? null : code };
    return {
      id: task.id, instruction: task.instruction, success: got.code === task.want.code && got.stdout === task.want.stdout,
      got, want: task.want, steps: run.steps.length, status: run.final?.status ?? (run.timedOut ? 'timed out' : `exit ${run.exitCode}`),
      actions: run.steps.map((s) => s.actionText),
    };
  } finally {
    dialog.kill();
  }
}

export async function runDesktopEval(opts: { agent?: string; only?: string[] } = {}) {
  checkDisplay();
  if (spawnSync('zenity', ['--version']).error) throw new OperantError('zenity is not installed: `apt-get install -y zenity`', 2);
  const tasks = DESKTOP_TASKS.filter((t) => !opts.only?.length || opts.only.includes(t.id));
  const results = [];
  for (const [i, t] of tasks.entries()) {
    const r = await runDesktopTask(t, opts.agent ?? DEFAULT_AGENT);
    process.stderr.write(`[${i + 1}/${tasks.length}] ${r.success ? 'ok  ' : 'FAIL'} ${t.id} (${r.steps} steps) ${JSON.stringify(r.got)}\n`);
    results.push(r);
  }
  const solved = results.filter((r) => r.success).length;
  return { program: 'zenity (GTK 3)', solved, total: results.length, successRate: results.length ? solved / results.length : 0, tasks: results };
}

const isMain = process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
if (isMain) {
  try {
    const { values } = parseArgs({ options: { agent: { type: 'string' }, only: { type: 'string' } } });
    process.stdout.write(`${JSON.stringify(await runDesktopEval({ agent: values.agent, only: values.only?.split(',') }), null, 2)}\n`);
  } catch (e) {
    process.stderr.write(`eval:desktop: ${(e as Error).message}\n`);
    process.stdout.write(`${JSON.stringify({ error: (e as Error).message })}\n`);
    process.exit(e instanceof OperantError ? e.exitCode : 1);
  }
}
