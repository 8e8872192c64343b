// The engine host's message protocol. The host runs inference (onnxruntime blocks its thread), so
// it lives in its own process: an Electron utilityProcess in the app, a Node child in the CLI.
// Every message is a request with an id and gets exactly one response with the same id.
import { z } from 'zod';

const requestId = z.number().int().nonnegative();

export const HostRequest = z.discriminatedUnion('type', [
  z.strictObject({ id: requestId, type: z.literal('ping') }),
  z.strictObject({
    id: requestId,
    type: z.literal('perceive'),
    /** A frame in RGBA, row-major, `width * height * 4` bytes. */
    frame: z.strictObject({ width: z.number().int().min(1).max(16_384), height: z.number().int().min(1).max(16_384), rgba: z.instanceof(Uint8Array) }),
  }),
]);
export type HostRequest = z.infer<typeof HostRequest>;
export type HostRequestType = HostRequest['type'];

export const Pong = z.strictObject({ pid: z.number().int(), uptimeMs: z.number(), versions: z.record(z.string(), z.string()) });
export type Pong = z.infer<typeof Pong>;

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
  perceive: unknown;
}
