// The caller's side of the engine host protocol: numbered requests, one pending promise each,
// a timeout per request, and every pending request rejected when the host exits.
import { OperantError } from '../../engine/errors.ts';
import { type HostRequest, HostResponse, type HostResults, type Pong } from './protocol.ts';

/** A message channel to a host process: a utilityProcess or a Node child, adapted. */
export interface HostChannel {
  send(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

type RequestOf<T extends HostRequest['type']> = Omit<Extract<HostRequest, { type: T }>, 'id'>;

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

export class EngineHostClient {
  private nextId = 0;
  private pending = new Map<number, Pending>();
  private exited: string | undefined;

  constructor(
    private readonly channel: HostChannel,
    private readonly timeoutMs = 30_000,
  ) {
    channel.onMessage((m) => this.receive(m));
    channel.onExit((code) => {
      this.exited = `the engine host exited (code ${code})`;
      for (const p of this.pending.values()) {
        clearTimeout(p.timer);
        p.reject(new OperantError(`${this.exited} before it answered: see the log above for its error, then restart Operant`));
      }
      this.pending.clear();
    });
  }

  request<T extends HostRequest['type']>(req: RequestOf<T>): Promise<HostResults[T]> {
    if (this.exited) return Promise.reject(new OperantError(`${this.exited}: restart Operant`));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new OperantError(`the engine host did not answer ${req.type} within ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      this.channel.send({ ...req, id });
    });
  }

  ping(): Promise<Pong> {
    return this.request<'ping'>({ type: 'ping' });
  }

  close(): void {
    this.channel.kill();
  }

  private receive(message: unknown) {
    const parsed = HostResponse.safeParse(message);
    if (!parsed.success) return;
    const p = this.pending.get(parsed.data.id);
    if (!p) return;
    this.pending.delete(parsed.data.id);
    clearTimeout(p.timer);
    if (parsed.data.ok) p.resolve(parsed.data.result);
    else p.reject(new OperantError(parsed.data.error));
  }
}
