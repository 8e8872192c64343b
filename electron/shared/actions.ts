// The one vocabulary of things Operant can do to a computer. Every producer (a model, a script,
// the renderer) emits these; only the executor performs them, after validating them here.
import { z } from 'zod';

const coord = z.number().finite().min(-100_000).max(100_000);

/** A point in screen pixels of a display (physical pixels; `display` defaults to the primary). */
export const ScreenPoint = z.strictObject({
  x: coord,
  y: coord,
  display: z.string().min(1).max(64).optional(),
});
export type ScreenPoint = z.infer<typeof ScreenPoint>;

export const ScrollDirection = z.enum(['up', 'down', 'left', 'right']);
export type ScrollDirection = z.infer<typeof ScrollDirection>;

/** Modifier keys: held while the other keys of a hotkey are tapped. */
export const MODIFIER_KEYS = ['ctrl', 'shift', 'alt', 'super'] as const;

const LETTERS = 'abcdefghijklmnopqrstuvwxyz'.split('');
const DIGITS = '0123456789'.split('');
// F13–F24 and the menu key are left out: many keymaps (Xvfb's among them) lack them, and XTEST
// input for a key the keymap lacks is an X protocol error that ends the process sending it.
const FUNCTION_KEYS = Array.from({ length: 12 }, (_, i) => `f${i + 1}`);
const NAMED_KEYS = [
  'enter', 'escape', 'tab', 'space', 'backspace', 'delete', 'insert', 'home', 'end', 'pageup', 'pagedown',
  'up', 'down', 'left', 'right', 'capslock', 'printscreen',
] as const;
const PUNCTUATION = ['`', '-', '=', '[', ']', '\\', ';', "'", ',', '.', '/'];

/** Every key the executor can press, by its canonical lowercase name. */
export const KEY_NAMES: readonly string[] = [...MODIFIER_KEYS, ...LETTERS, ...DIGITS, ...FUNCTION_KEYS, ...NAMED_KEYS, ...PUNCTUATION];
const KEY_SET = new Set(KEY_NAMES);

/** A canonical key name: `ctrl`, `shift`, `alt`, `super`, a letter, a digit, `enter`, `f5`, `pageup`, `/`… */
export const KeyName = z.string().refine((k) => KEY_SET.has(k), {
  error: (issue) => `unknown key ${JSON.stringify(issue.input)}: use one of ${KEY_NAMES.join(' ')}`,
});
export type KeyName = z.infer<typeof KeyName>;

export const Action = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('click'), at: ScreenPoint }),
  z.strictObject({ type: z.literal('double_click'), at: ScreenPoint }),
  z.strictObject({ type: z.literal('right_click'), at: ScreenPoint }),
  z.strictObject({ type: z.literal('middle_click'), at: ScreenPoint }),
  z.strictObject({ type: z.literal('move'), at: ScreenPoint }),
  z.strictObject({ type: z.literal('drag'), from: ScreenPoint, to: ScreenPoint }),
  z.strictObject({ type: z.literal('type'), text: z.string().max(100_000) }),
  z.strictObject({ type: z.literal('hotkey'), keys: z.array(KeyName).min(1).max(4) }),
  z.strictObject({ type: z.literal('scroll'), at: ScreenPoint.optional(), direction: ScrollDirection, amount: z.number().int().min(1).max(100).default(5) }),
  z.strictObject({ type: z.literal('wait'), ms: z.number().int().min(0).max(60_000).default(5000) }),
  z.strictObject({ type: z.literal('launch'), program: z.string().min(1).max(4096), args: z.array(z.string().max(4096)).max(64).default([]) }),
  z.strictObject({ type: z.literal('finished'), content: z.string().max(10_000).optional() }),
  z.strictObject({ type: z.literal('call_user'), reason: z.string().max(10_000).optional() }),
]);
export type Action = z.infer<typeof Action>;
export const ActionType = z.enum(Action.options.map((o) => o.shape.type.value) as [Action['type'], ...Action['type'][]]);
export type ActionType = Action['type'];

/** Actions that only report or pause: they never touch the mouse, the keyboard or a program. */
export const INERT_ACTIONS: readonly ActionType[] = ['wait', 'finished', 'call_user'];

/** The points an action touches, in order (empty for keyboard and inert actions). */
export function actionPoints(a: Action): ScreenPoint[] {
  switch (a.type) {
    case 'drag':
      return [a.from, a.to];
    case 'scroll':
      return a.at ? [a.at] : [];
    case 'click':
    case 'double_click':
    case 'right_click':
    case 'middle_click':
    case 'move':
      return [a.at];
    default:
      return [];
  }
}
