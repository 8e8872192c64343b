// Releasing keys and buttons from outside an executor that died or was killed. On X11 one
// `xdotool keyup … mouseup …` does it in milliseconds; elsewhere (or without xdotool) a fresh
// short-lived process loads nut-js and releases them (a second or more: it starts Node and tsx).
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { OperantError } from '../../engine/errors.ts';
import { MODIFIER_KEYS } from '../shared/actions.ts';

const run = promisify(execFile);
const releaseEntry = fileURLToPath(new URL('./release.ts', import.meta.url));

export interface Held {
  keys: string[];
  buttons: string[];
}

const X_KEYSYMS: Record<string, string> = {
  ctrl: 'Control_L', shift: 'Shift_L', alt: 'Alt_L', super: 'Super_L', enter: 'Return', escape: 'Escape', tab: 'Tab', space: 'space',
  backspace: 'BackSpace', delete: 'Delete', insert: 'Insert', home: 'Home', end: 'End', pageup: 'Prior', pagedown: 'Next',
  up: 'Up', down: 'Down', left: 'Left', right: 'Right', capslock: 'Caps_Lock', printscreen: 'Print',
  '`': 'grave', '-': 'minus', '=': 'equal', '[': 'bracketleft', ']': 'bracketright', '\\': 'backslash', ';': 'semicolon', "'": 'apostrophe', ',': 'comma', '.': 'period', '/': 'slash',
};
const X_BUTTONS: Record<string, string> = { left: '1', middle: '2', right: '3' };

const keysym = (key: string) => X_KEYSYMS[key] ?? (/^[a-z0-9]$/.test(key) ? key : /^f([1-9]|1[0-2])$/.test(key) ? key.toUpperCase() : undefined);

/** xdotool arguments releasing what was held plus every modifier; undefined when a key has no known keysym. */
export function xdotoolReleaseArgs(held: Held): string[] | undefined {
  const keys = [...new Set([...held.keys, ...MODIFIER_KEYS])].map(keysym);
  if (keys.some((k) => k === undefined)) return undefined;
  const buttons = held.buttons.map((b) => X_BUTTONS[b]).filter((b): b is string => b !== undefined);
  return ['keyup', ...(keys as string[]), ...buttons.flatMap((b) => ['mouseup', b])];
}

/** Spawns a TypeScript entry with the tsx loader (as plain Node inside Electron). */
export function spawnTs(entry: string, args: string[], display: string, ipc: boolean): ChildProcess {
  const asNode = process.versions.electron ? { ELECTRON_RUN_AS_NODE: '1' } : {};
  return spawn(process.execPath, ['--import', import.meta.resolve('tsx'), entry, ...args], {
    env: { ...process.env, ...asNode, DISPLAY: display },
    stdio: ipc ? ['ignore', 'inherit', 'inherit', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
}

export async function releaseWithNut(display: string, held: Held): Promise<void> {
  const child = spawnTs(releaseEntry, [JSON.stringify(held)], display, false);
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  if (code !== 0) throw new OperantError(`could not release held keys after the executor died: ${stderr.trim().slice(-400)}`, 1);
}

export async function releaseFromOutside(display: string, held: Held): Promise<void> {
  const args = process.platform === 'linux' ? xdotoolReleaseArgs(held) : undefined;
  if (args) {
    try {
      await run('xdotool', args, { env: { ...process.env, DISPLAY: display }, timeout: 5000 });
      return;
    } catch {
      // No xdotool, or it failed: the nut-js process below does the same, only slower.
    }
  }
  await releaseWithNut(display, held);
}
