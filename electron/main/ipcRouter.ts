// Turns plain handler functions into IPC handlers that check who is asking and what they sent.
// The result is a table of pure functions `(event, payload) => Promise<IpcResult>`, so tests run
// every channel with the real schemas and no Electron; `registerIpc` hands them to ipcMain.
import type { z } from 'zod';
import { OperantError } from '../../engine/errors.ts';
import { INVOKE_SCHEMAS, type InvokeChannel, type InvokeOutput, type IpcResult } from '../shared/ipc.ts';
import { isTrustedSender, type RendererLocation, type SenderLike } from './rendererLocation.ts';

type Input<C extends InvokeChannel> = z.infer<(typeof INVOKE_SCHEMAS)[C]['input']>;

/** The app logic behind each channel; inputs arrive already validated. */
export type Handlers = { [C in InvokeChannel]: (input: Input<C>) => InvokeOutput<C> | Promise<InvokeOutput<C>> };

export type Routed = { [C in InvokeChannel]: (event: SenderLike, payload: unknown) => Promise<IpcResult<InvokeOutput<C>>> };

const describeIssues = (error: z.ZodError) =>
  error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');

function route<C extends InvokeChannel>(channel: C, handler: Handlers[C], location: RendererLocation, log: (line: string) => void) {
  const schema = INVOKE_SCHEMAS[channel];
  return async (event: SenderLike, payload: unknown): Promise<IpcResult<InvokeOutput<C>>> => {
    if (!isTrustedSender(event, location)) {
      log(`refused ${channel} from ${event.senderFrame?.url ?? 'a destroyed frame'}: not the app's own renderer`);
      return { ok: false, error: { code: 'forbidden', message: `${channel} is only answered to the Operant window itself` } };
    }
    const input = schema.input.safeParse(payload);
    if (!input.success) return { ok: false, error: { code: 'bad-input', message: `${channel}: ${describeIssues(input.error)}` } };
    try {
      const value = await handler(input.data as Input<C>);
      // The output is checked too, so nothing beyond the contract ever reaches a renderer.
      return { ok: true, value: schema.output.parse(value) as InvokeOutput<C> };
    } catch (e) {
      if (e instanceof OperantError) return { ok: false, error: { code: e.exitCode === 2 ? 'bad-input' : 'failed', message: e.message } };
      log(`${channel} failed: ${(e as Error).stack ?? String(e)}`);
      return { ok: false, error: { code: 'failed', message: `${channel} failed inside Operant: ${(e as Error).message}` } };
    }
  };
}

export function createRouter(handlers: Handlers, location: RendererLocation, log: (line: string) => void = console.warn): Routed {
  const out: Partial<Record<InvokeChannel, unknown>> = {};
  for (const channel of Object.keys(INVOKE_SCHEMAS) as InvokeChannel[]) out[channel] = route(channel, handlers[channel], location, log);
  return out as Routed;
}

interface IpcMainLike {
  handle(channel: string, listener: (event: SenderLike, payload: unknown) => unknown): void;
  removeHandler(channel: string): void;
}

/** Registers every channel; the returned function removes them again. */
export function registerIpc(ipcMain: IpcMainLike, routed: Routed): () => void {
  const channels = Object.keys(routed) as InvokeChannel[];
  for (const channel of channels) ipcMain.handle(channel, (event, payload) => routed[channel](event, payload));
  return () => channels.forEach((c) => ipcMain.removeHandler(c));
}
