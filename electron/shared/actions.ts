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

/** Key names are lowercase: letters, digits, and names such as `ctrl`, `shift`, `alt`, `super`, `enter`, `f5`. */
export const KeyName = z.string().regex(/^[a-z0-9][a-z0-9_]*$|^[-=[\]\\;',./`]$/, 'a lowercase key name such as "ctrl", "s", "enter" or "f5"');

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
export type ActionType = Action['type'];
