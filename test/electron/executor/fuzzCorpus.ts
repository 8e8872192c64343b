// Seeded generators of model outputs for fuzzing: valid actions printed in every form models use,
// then mutated the way model outputs go wrong (cut off, doubled, stray quotes, wrong digits).
import { KEY_NAMES } from '../../../electron/shared/actions.ts';
import { printAction } from '../../../electron/shared/grammar.ts';

export type Rng = () => number;

import { mulberry32 as rng } from '../../../engine/random.ts';

export { rng };

const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

const TEXT_PIECES = ['a', 'Z', ' ', '9', "'", '"', '\\', '\n', '\t', '(', ')', ',', '=', 'é', '日本', '🙂', 'hello', 'sk-abcdefghijklmnopqrstuv', 'Action:', '<|box_end|>'];
const RISKY_KEYS = ['ctrl', 'alt', 'shift', 'super', 'f4', 'tab', 'q', 'w', 'delete', 'escape', 's', 'c', 'v', 'enter'];
const PROGRAMS = ['xterm', '/usr/bin/xterm', 'rm', '/bin/sh', 'firefox', 'evil/xterm'];

function text(r: Rng, max: number): string {
  let s = '';
  for (let n = int(r, 0, max); n > 0; n--) s += pick(r, TEXT_PIECES);
  return s;
}

function point(r: Rng, opts: { integerPoints?: boolean; singleDisplay?: boolean }) {
  const x = opts.integerPoints ? int(r, 0, 1279) : int(r, -60, 1400) + (r() < 0.2 ? 0.5 : 0);
  const y = opts.integerPoints ? int(r, 0, 799) : int(r, -60, 900);
  if (opts.singleDisplay || r() < 0.8) return { x, y };
  return { x, y, display: pick(r, ['primary', 'hdmi-9']) };
}

/** A random action object (valid against the Action schema). */
export function randomAction(r: Rng, opts: { integerPoints?: boolean; singleDisplay?: boolean } = {}): Record<string, unknown> {
  const p = () => point(r, opts);
  switch (int(r, 0, 12)) {
    case 0: return { type: 'click', at: p() };
    case 1: return { type: 'double_click', at: p() };
    case 2: return { type: 'right_click', at: p() };
    case 3: return { type: 'middle_click', at: p() };
    case 4: return { type: 'move', at: p() };
    case 5: {
      const from = p();
      const to = p();
      return { type: 'drag', from, to: 'display' in from ? { ...to, display: from.display } : { x: to.x, y: to.y } };
    }
    case 6: return { type: 'type', text: text(r, 8) };
    case 7: return { type: 'hotkey', keys: [...new Set(Array.from({ length: int(r, 1, 4) }, () => (r() < 0.7 ? pick(r, RISKY_KEYS) : pick(r, KEY_NAMES))))] };
    case 8: return r() < 0.3 ? { type: 'scroll', direction: pick(r, ['up', 'down', 'left', 'right']), amount: int(r, 1, 20) } : { type: 'scroll', at: p(), direction: pick(r, ['up', 'down', 'left', 'right']), amount: int(r, 1, 20) };
    case 9: return { type: 'wait', ms: r() < 0.5 ? 5000 : int(r, 0, 20) };
    case 10: return { type: 'launch', program: pick(r, PROGRAMS), args: r() < 0.5 ? [] : [text(r, 2)] };
    case 11: return r() < 0.5 ? { type: 'finished' } : { type: 'finished', content: text(r, 4) };
    default: return r() < 0.5 ? { type: 'call_user' } : { type: 'call_user', reason: text(r, 4) };
  }
}

const NAME_ALIASES: Record<string, string[]> = { click: ['left_single'], left_double: ['double_click'], right_single: ['right_click'], mouse_move: ['hover'] };

/** Rewrites a printed action into the other forms models produce: boxes, special tokens, <point>, aliases. */
function restyle(r: Rng, printed: string): string {
  let s = printed.replace(/'\((-?[\d.]+),(-?[\d.]+)\)'/g, (_m, x: string, y: string) => {
    switch (int(r, 0, 3)) {
      case 0: return `'<|box_start|>(${x},${y})<|box_end|>'`;
      case 1: return `'[${x}, ${y}, ${x}, ${y}]'`;
      case 2: return `'<point>${x} ${y}</point>'`;
      default: return `'(${x},${y})'`;
    }
  });
  const name = /^\w+/.exec(s)![0];
  if (NAME_ALIASES[name] && r() < 0.3) s = pick(r, NAME_ALIASES[name]!) + s.slice(name.length);
  return s;
}

/** A model reply: an optional Thought, then one to three actions. */
export function randomReply(r: Rng): string {
  const actions = Array.from({ length: int(r, 1, 3) }, () => restyle(r, printAction(randomAction(r) as never)));
  const body = actions.join(r() < 0.5 ? '\n' : '\n\n');
  return r() < 0.5 ? `Thought: ${text(r, 5).replace(/Action:/g, '')}\nAction: ${body}` : r() < 0.5 ? `Action: ${body}` : body;
}

const NOISE = ["'", '"', '(', ')', '[', ']', ',', '=', '\\', '\n', ' ', '<|box_start|>', '<point>', '0', '9', '-', '.', 'é', '\u0000', 'Action:', 'Thought:', 'click(', 'x'];

/** Breaks a reply the way model outputs break: cut off, characters lost or doubled, stray tokens. */
export function mutate(r: Rng, s: string): string {
  let out = s;
  for (let n = int(r, 1, 4); n > 0; n--) {
    const at = int(r, 0, out.length);
    switch (int(r, 0, 5)) {
      case 0: out = out.slice(0, at); break;
      case 1: out = out.slice(0, at) + out.slice(at + int(r, 1, 4)); break;
      case 2: out = out.slice(0, at) + pick(r, NOISE) + out.slice(at); break;
      case 3: out = out.slice(0, at) + out.slice(at, at + int(r, 1, 12)) + out.slice(at); break;
      case 4: out = out.replace(/\d/, () => String(int(r, 0, 99999))); break;
      default: out = out.slice(0, at) + String.fromCharCode(int(r, 0, 0xffff)) + out.slice(at + 1);
    }
  }
  return out;
}
