// `npm run eval:desktop [-- --agent "<command with {instruction}>"] [--only a,b]`
// Real desktop programs, not pages, driven from pixels through `operant run` on the current X
// display: GTK dialogs drawn by zenity, and the Mousepad text editor (menus, dialogs, typing,
// shortcuts). Each task is scored by the program itself: what zenity prints and its exit code,
// the window Mousepad opened, or the file it saved. None of these programs, their toolkit or their
// wording was used in training. Prints one JSON object.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checkDisplay } from '../electron/core/display.ts';
import { OperantError } from '../engine/errors.ts';
import { agentCommandLine, DEFAULT_AGENT, runAgentCommand } from '../models/action/tasks/agentCommand.ts';

/** Done right: zenity printed this and exited so (0: OK/Yes, 1: Cancel/No); a window with this title is open; a file holds this. */
type Want = { stdout: string; code: number } | { window: string } | { file: string; content: string };

interface DesktopTask {
  id: string;
  instruction: string;
  /** The program and its arguments; `{dir}` is the task's own scratch folder. */
  command: string[];
  want: Want;
  /** Files written into `{dir}` before the program starts. */
  files?: Record<string, string>;
}

const zenity = (id: string, instruction: string, args: string[], want: { stdout: string; code: number }): DesktopTask =>
  ({ id, instruction, command: ['zenity', ...args], want });
/** Mousepad editing `{dir}/notes.txt`, which holds `text`. */
const mousepad = (id: string, instruction: string, want: Want, text = ''): DesktopTask =>
  ({ id, instruction, command: ['mousepad', '--disable-server', '{dir}/notes.txt'], want, files: { 'notes.txt': text } });

const FRUIT = ['--column', 'Fruit', 'Apple', 'Banana', 'Cherry', '--height', '300'];
const PICK = ['--column', 'Pick', '--column', 'Fruit', 'FALSE', 'Apple', 'FALSE', 'Banana', 'FALSE', 'Cherry', '--height', '300'];

export const DESKTOP_TASKS: DesktopTask[] = [
  zenity('entry', 'Type "Ada Lovelace" into the name field and click OK', ['--entry', '--title', 'Sign up', '--text', 'Your name:'], { stdout: 'Ada Lovelace', code: 0 }),
  zenity('entry_enter', 'Enter Grace as your name, then press OK', ['--entry', '--title', 'Sign up', '--text', 'Your name:'], { stdout: 'Grace', code: 0 }),
  zenity('entry_cancel', 'Cancel this dialog', ['--entry', '--title', 'Rename', '--text', 'New name:'], { stdout: '', code: 1 }),
  zenity('question_yes', 'Answer Yes', ['--question', '--title', 'Confirm', '--text', 'Delete the file?'], { stdout: '', code: 0 }),
  zenity('question_no', 'Click No', ['--question', '--title', 'Confirm', '--text', 'Delete the file?'], { stdout: '', code: 1 }),
  zenity('list', 'Select Cherry in the list and confirm with OK', ['--list', '--title', 'Fruit', ...FRUIT], { stdout: 'Cherry', code: 0 }),
  zenity('radiolist', 'Choose Banana and click OK', ['--list', '--radiolist', '--title', 'Fruit', ...PICK], { stdout: 'Banana', code: 0 }),
  zenity('checklist', 'Tick Apple and Cherry, then click OK', ['--list', '--checklist', '--title', 'Fruit', ...PICK], { stdout: 'Apple|Cherry', code: 0 }),
  zenity('forms', 'Fill First name with "Ada" and Email with "ada@example.org", then click OK', ['--forms', '--title', 'Contact', '--add-entry', 'First name', '--add-entry', 'Email'], { stdout: 'Ada|ada@example.org', code: 0 }),
  zenity('password', 'Type the password "hunter2" and press OK', ['--password', '--title', 'Unlock'], { stdout: 'hunter2', code: 0 }),
  zenity('info', 'Dismiss the message', ['--info', '--title', 'Saved', '--text', 'Your changes were saved.'], { stdout: '', code: 0 }),
  zenity('combo', 'Choose Kenya as the country and submit', ['--forms', '--title', 'Shipping', '--add-combo', 'Country', '--combo-values', 'France|Kenya|Peru'], { stdout: 'Kenya', code: 0 }),
  zenity('scale', 'Set the volume to 75 and click OK', ['--scale', '--title', 'Volume', '--text', 'Volume', '--value', '20'], { stdout: '75', code: 0 }),
  zenity('calendar', 'Pick March 14, 2025 and click OK', ['--calendar', '--title', 'Date', '--day', '1', '--month', '3', '--year', '2025', '--date-format', '%Y-%m-%d'], { stdout: '2025-03-14', code: 0 }),
  zenity('list_columns', 'Select notes.txt and press OK', ['--list', '--title', 'Files', '--column', 'Name', '--column', 'Size', 'report.pdf', '2 MB', 'notes.txt', '4 KB', 'photo.png', '1 MB', '--height', '300'], { stdout: 'notes.txt', code: 0 }),
  mousepad('mp_about', 'Open the About window from the Help menu', { window: 'About Mousepad' }),
  mousepad('mp_prefs', 'Open Preferences from the Edit menu', { window: 'Mousepad Preferences' }),
  mousepad('mp_find', 'Open Find and Replace from the Search menu', { window: 'Find and Replace' }),
  mousepad('mp_goto', 'Open the Go To dialog with Ctrl+L', { window: 'Go To' }),
  mousepad('mp_type_save', 'Type "Buy milk" in the document, then save it with Ctrl+S', { file: 'notes.txt', content: 'Buy milk' }),
  mousepad('mp_replace_save', 'Select all the text with Ctrl+A, type "final" over it and press Ctrl+S', { file: 'notes.txt', content: 'final' }, 'draft'),
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The ids of the visible windows whose title is exactly `title`. */
function windowsNamed(title: string): string[] {
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const found = spawnSync('xdotool', ['search', '--onlyvisible', '--name', `^${escaped}$`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim().split('\n').filter(Boolean) : [];
}

/**
 * Waits until the process shows a window (a program takes a moment to start), then gives it the
 * keyboard focus, as a window manager does for a new window (Xvfb has none: without this, keys go
 * wherever the pointer happens to be).
 */
async function windowShown(pid: number, timeoutMs = 30_000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const found = spawnSync('xdotool', ['search', '--onlyvisible', '--pid', String(pid)], { encoding: 'utf8' });
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
  const dir = mkdtempSync(path.join(os.tmpdir(), 'operant-desktop-'));
  for (const [name, text] of Object.entries(task.files ?? {})) writeFileSync(path.join(dir, name), text);
  const [program, ...args] = task.command.map((a) => a.replaceAll('{dir}', dir));
  // A fresh profile per task: Mousepad restores the documents of an instance that did not exit
  // cleanly (every task's instance is killed), which opened a second window and hid the first.
  const profile = { XDG_CONFIG_HOME: path.join(dir, '.config'), XDG_DATA_HOME: path.join(dir, '.local/share'), XDG_CACHE_HOME: path.join(dir, '.cache'), GSETTINGS_BACKEND: 'memory', NO_AT_BRIDGE: '1' };
  const child = spawn(program!, args, { stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, ...profile } });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  child.on('error', () => {});
  try {
    if (!child.pid || !(await windowShown(child.pid))) throw new OperantError(`${program} did not show a window within 30 s`, 1);
    await sleep(500); // GTK draws the window after mapping it
    const run = await runAgentCommand(agentCommandLine(agent, task.instruction, maxSteps), { timeoutMs: 120_000 });
    let success: boolean;
    let got: unknown;
    const want = task.want;
    if ('code' in want) {
      const code = await Promise.race([exited, sleep(4000).then(() => 'open' as const)]);
      got = { stdout: stdout.trim(), code: code === 'open' ? null : code };
      success = code === want.code && stdout.trim() === want.stdout;
    } else if ('window' in want) {
      await sleep(1000); // a dialog takes a moment to map
      success = windowsNamed(want.window).length > 0;
      got = { window: success };
    } else {
      await sleep(1000); // saving is quick, but not instant
      const content = readFileSync(path.join(dir, want.file), 'utf8');
      got = { content };
      success = content.trim() === want.content;
    }
    return {
      id: task.id, instruction: task.instruction, success, got, want,
      steps: run.steps.length, status: run.final?.status ?? (run.timedOut ? 'timed out' : `exit ${run.exitCode}`),
      actions: run.steps.map((s) => s.actionText),
    };
  } finally {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runDesktopEval(opts: { agent?: string; only?: string[] } = {}) {
  checkDisplay();
  const tasks = DESKTOP_TASKS.filter((t) => !opts.only?.length || opts.only.includes(t.id));
  for (const program of new Set(tasks.map((t) => t.command[0]!))) {
    if (spawnSync(program, ['--version']).error) throw new OperantError(`${program} is not installed: \`apt-get install -y ${program}\``, 2);
  }
  const results: Awaited<ReturnType<typeof runDesktopTask>>[] = [];
  for (const [i, t] of tasks.entries()) {
    // A program that fails to start is that task's failure, not the end of the evaluation.
    const r = await runDesktopTask(t, opts.agent ?? DEFAULT_AGENT).catch((e: Error) => ({
      id: t.id, instruction: t.instruction, success: false, got: { error: e.message } as unknown, want: t.want, steps: 0, status: 'error', actions: [] as string[],
    }));
    process.stderr.write(`[${i + 1}/${tasks.length}] ${r.success ? 'ok  ' : 'FAIL'} ${t.id} (${r.steps} steps) ${JSON.stringify(r.got)}\n`);
    results.push(r);
  }
  const solved = results.filter((r) => r.success).length;
  const byProgram = Object.fromEntries([...new Set(tasks.map((t) => t.command[0]!))].map((p) => {
    const mine = results.filter((_, i) => tasks[i]!.command[0] === p);
    return [p, { solved: mine.filter((r) => r.success).length, total: mine.length }];
  }));
  return { programs: 'zenity and mousepad (GTK 3)', solved, total: results.length, successRate: results.length ? solved / results.length : 0, byProgram, tasks: results };
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
