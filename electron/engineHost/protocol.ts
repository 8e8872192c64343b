// The engine host's message protocol. The host runs inference (onnxruntime blocks its thread), so
// it lives in its own process: an Electron utilityProcess in the app, a Node child in the CLI.
// Every request has an id and gets exactly one response with the same id. A `run` request also
// streams events (steps, approval questions) while it works, and takes control messages (an
// approval answer, stop) that get no response of their own.
import { z } from 'zod';
import type { Perception } from '../../engine/perception/types.ts';
import { ApprovalRequest as ExecutorApprovalRequest } from '../executor/outcome.ts';
import { PolicyPreset, StepEvent } from '../shared/ipc.ts';

const requestId = z.number().int().nonnegative();

export const HostRequest = z.discriminatedUnion('type', [
  z.strictObject({ id: requestId, type: z.literal('ping') }),
  z.strictObject({
    id: requestId,
    type: z.literal('perceive'),
    /** A frame in RGBA, row-major, `width * height * 4` bytes. */
    frame: z.strictObject({ width: z.number().int().min(1).max(16_384), height: z.number().int().min(1).max(16_384), rgba: z.instanceof(Uint8Array) }),
  }),
  z.strictObject({
    id: requestId,
    type: z.literal('run'),
    instruction: z.string().trim().min(1).max(2000),
    /** `auto`, a registry id of task gui-action, `embedded`, or `endpoint:<url>`. */
    model: z.string().min(1).max(2000),
    policy: PolicyPreset,
    maxSteps: z.number().int().min(1).max(200),
    /** The X display to act on; the host's $DISPLAY when left out. */
    display: z.string().max(200).optional(),
  }),
]);
export type HostRequest = z.infer<typeof HostRequest>;
export type HostRequestType = HostRequest['type'];

/** Messages to the host about a run in progress; `run` is the id of its `run` request. */
export const HostControl = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('stop'), run: requestId }),
  z.strictObject({ type: z.literal('answer'), run: requestId, question: requestId, answer: z.enum(['approve', 'deny', 'always']) }),
]);
export type HostControl = z.infer<typeof HostControl>;

export const RunStep = StepEvent.omit({ sessionId: true });
export type RunStep = z.infer<typeof RunStep>;

/** What the host tells its parent while a run works. */
export const HostEvent = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('step'), run: requestId, step: RunStep }),
  z.strictObject({ type: z.literal('question'), run: requestId, question: requestId, request: ExecutorApprovalRequest }),
]);
export type HostEvent = z.infer<typeof HostEvent>;

export const Pong = z.strictObject({ pid: z.number().int(), uptimeMs: z.number(), versions: z.record(z.string(), z.string()) });
export type Pong = z.infer<typeof Pong>;

export const RunOutcome = z.strictObject({
  status: z.enum(['finished', 'call_user', 'max_steps', 'loop', 'stopped', 'denied', 'failed']),
  steps: z.number().int().min(0),
  reason: z.string().optional(),
  content: z.string().optional(),
  ms: z.number().min(0),
});
export type RunOutcome = z.infer<typeof RunOutcome>;

/** A response to a request too malformed to have an id carries id -1. */
const responseId = z.number().int().min(-1);

export const HostResponse = z.union([
  z.strictObject({ id: responseId, ok: z.literal(true), result: z.unknown() }),
  z.strictObject({ id: responseId, ok: z.literal(false), error: z.string() }),
]);
export type HostResponse = z.infer<typeof HostResponse>;

/** What each request type answers. */
export interface HostResults {
  ping: Pong;
  perceive: Perception;
  run: RunOutcome;
}
