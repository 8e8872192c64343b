// Turns text and hotkeys into key presses. libnut's own typeString on X11 drops the shift of
// symbols ("!" comes out as "1") and types nothing for characters outside the keymap, so on
// Linux the executor types printable ASCII as explicit key presses (US layout, the layout of
// Xvfb and of most X servers' default map) and hands every other character to the platform's
// Unicode path. Plans are plain data: tested as tables, performed in small stoppable chunks.
import { MODIFIER_KEYS, type KeyName } from '../shared/actions.ts';

/** `key_down`/`key_up` exist only here, inside the executor: models and scripts cannot hold keys. */
export type KeyStep = { kind: 'key_down'; key: KeyName } | { kind: 'key_up'; key: KeyName } | { kind: 'text'; text: string };

const SHIFTED: Record<string, KeyName> = {
  '~': '`', '!': '1', '@': '2', '#': '3', $: '4', '%': '5', '^': '6', '&': '7', '*': '8', '(': '9', ')': '0',
  _: '-', '+': '=', '{': '[', '}': ']', '|': '\\', ':': ';', '"': "'", '<': ',', '>': '.', '?': '/',
};
const PLAIN = new Set('abcdefghijklmnopqrstuvwxyz0123456789`-=[]\\;\',./'.split(''));
const CONTROL: Record<string, KeyName> = { '\n': 'enter', '\r': 'enter', '\t': 'tab' };

const tap = (key: KeyName): KeyStep[] => [{ kind: 'key_down', key }, { kind: 'key_up', key }];
const shifted = (key: KeyName): KeyStep[] => [{ kind: 'key_down', key: 'shift' }, ...tap(key), { kind: 'key_up', key: 'shift' }];

function stepsForChar(c: string, keysForAscii: boolean): KeyStep[] | undefined {
  if (CONTROL[c]) return tap(CONTROL[c]);
  if (!keysForAscii) return undefined;
  if (c === ' ') return tap('space');
  if (PLAIN.has(c)) return tap(c);
  if (c >= 'A' && c <= 'Z') return shifted(c.toLowerCase());
  if (SHIFTED[c]) return shifted(SHIFTED[c]);
  return undefined;
}

/** Key steps for typing `text`. New lines and tabs are always keys; `keysForAscii` (X11) makes printable ASCII keys too. */
export function planText(text: string, keysForAscii: boolean, chunk = 8): KeyStep[] {
  const steps: KeyStep[] = [];
  const pushText = (s: string) => {
    const last = steps[steps.length - 1];
    if (last?.kind === 'text' && [...last.text].length < chunk) last.text += s;
    else steps.push({ kind: 'text', text: s });
  };
  const chars = [...text.replace(/\r\n/g, '\n')];
  for (const c of chars) {
    const keys = stepsForChar(c, keysForAscii);
    if (keys) steps.push(...keys);
    else pushText(c);
  }
  return steps;
}

/** Key steps for a hotkey: modifiers down first, the other keys tapped in order, everything up in reverse. */
export function planHotkey(keys: readonly KeyName[]): KeyStep[] {
  const isMod = (k: KeyName) => (MODIFIER_KEYS as readonly string[]).includes(k);
  const order = [...keys.filter(isMod), ...keys.filter((k) => !isMod(k))];
  return [...order.map((key): KeyStep => ({ kind: 'key_down', key })), ...[...order].reverse().map((key): KeyStep => ({ kind: 'key_up', key }))];
}
