// The messages between an executor client and the executor process. Both sides validate every
// message they receive: the executor trusts nothing that arrives over the channel.
import { z } from 'zod';
import { ActionOutcome, ApprovalAnswer, ApprovalRequest } from './outcome.ts';
import { Policy } from './policy.ts';

const DisplayInfo = z.strictObject({
  id: z.string().min(1),
  bounds: z.strictObject({ x: z.number(), y: z.number(), width: z.number().positive(), height: z.number().positive() }),
  scaleFactor: z.number().positive().max(8),
  primary: z.boolean().optional(),
  nativeOrigin: z.strictObject({ x: z.number(), y: z.number() }).optional(),
});

export const ToExecutor = z.discriminatedUnion('t', [
  z.strictObject({
    t: z.literal('init'),
    policy: Policy,
    dryRun: z.boolean(),
    auditPath: z.string().min(1),
    sessionId: z.string().min(1),
    canAsk: z.boolean(),
    screenHashes: z.boolean(),
    typingRate: z.number().min(0).max(100_000).optional(),
    layout: z.array(DisplayInfo).min(1).optional(),
  }),
  // `action` and `context` stay unknown here: the executor validates them and reports a clear failure.
  z.strictObject({ t: z.literal('perform'), id: z.number().int(), action: z.unknown(), context: z.unknown().optional() }),
  z.strictObject({ t: z.literal('answer'), id: z.number().int(), answer: ApprovalAnswer }),
  z.strictObject({ t: z.literal('stop'), id: z.number().int() }),
  z.strictObject({ t: z.literal('close') }),
]);
export type ToExecutor = z.infer<typeof ToExecutor>;

export const FromExecutor = z.discriminatedUnion('t', [
  z.strictObject({ t: z.literal('ready'), backend: z.enum(['nut-js', 'dry-run']), layout: z.array(DisplayInfo) }),
  z.strictObject({ t: z.literal('ask'), id: z.number().int(), request: ApprovalRequest }),
  z.strictObject({ t: z.literal('outcome'), id: z.number().int(), outcome: ActionOutcome }),
  z.strictObject({ t: z.literal('held'), keys: z.array(z.string()), buttons: z.array(z.enum(['left', 'right', 'middle'])) }),
  z.strictObject({ t: z.literal('stopped'), id: z.number().int() }),
  z.strictObject({ t: z.literal('fatal'), message: z.string() }),
]);
export type FromExecutor = z.infer<typeof FromExecutor>;
