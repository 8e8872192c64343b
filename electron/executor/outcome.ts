// The shapes the executor reports in, shared by the executor process and its clients.
import { z } from 'zod';
import { Action } from '../shared/actions.ts';

export const ApprovalRequest = z.strictObject({ action: Action, reasons: z.array(z.string()), summary: z.string() });
export type ApprovalRequest = z.infer<typeof ApprovalRequest>;

/** 'always' approves this kind of action (same type and same reasons) for the rest of the session. */
export const ApprovalAnswer = z.enum(['approve', 'deny', 'always']);
export type ApprovalAnswer = z.infer<typeof ApprovalAnswer>;

export const ActionOutcome = z.strictObject({
  status: z.enum(['performed', 'denied', 'failed', 'stopped', 'dry_run']),
  reason: z.string().optional(),
  approvedBy: z.enum(['policy', 'user', 'session']).optional(),
  ms: z.number(),
  screenBefore: z.string().optional(),
  screenAfter: z.string().optional(),
});
export type ActionOutcome = z.infer<typeof ActionOutcome>;
