// The caller's side of the engine host protocol: numbered requests, one pending promise each,
// a timeout per request, and every pending request rejected when the host exits. A run streams
// its steps and approval questions to the handlers its caller gave.
import { OperantError } from '../../engine/errors.ts';
import type { ApprovalAnswer, ApprovalRequest } from '../executor/outcome.ts';
import { HostEvent, type HostRequest, HostResponse, type HostResults, type Pong, type RunOutcome, type RunStep } from './protocol.ts';

/** A message channel to a host process: a utilityProcess or a Node child, adapted. */
export interface HostChannel {
  send(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

type RequestOf<T extends HostRequest['type']> = Omit<Extract<HostRequest, { type: T }>, 'id'>;

export interface RunHandlers {
  onStep(step: RunStep): void;
  /** Asks the person; the answer goes back to the host. */
  onQuestion(request: ApprovalRequest): Promise<ApprovalAnswer>;
}

/** A run in progress in the host. */
export interface RunHandle {
  done: Promise<RunOutcome>;
  /** Aborts the run and has the executor release what it holds; harmless once it ended. */
  stop(): void;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout> | undefined;
}

export class EngineHostClient {
  private nextId = 0;
  private pending = new Map<number, Pending>();
  private exited: string | undefined;
  private runs = new Map<number, RunHandlers>();

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

  request<T extends HostRequest['type']>(req: RequestOf<T>, id = this.nextId++): Promise<HostResults[T]> {
    if (this.exited) return Promise.reject(new OperantError(`${this.exited}: restart Operant`));
    // A run takes as long as its task; only its steps and the stop button bound it.
    const timeoutMs = req.type === 'run' ? undefined : this.timeoutMs;
    return new Promise((resolve, reject) => {
      const timer = timeoutMs === undefined ? undefined : setTimeout(() => {
        this.pending.delete(id);
        reject(new OperantError(`the engine host did not answer ${req.type} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      this.channel.send({ ...req, id });
    });
  }

  /** Starts the agent loop in the host on `req`; its events go to `handlers` until it ends. */
  run(req: RequestOf<'run'>, handlers: RunHandlers): RunHandle {
    const id = this.nextId++;
    this.runs.set(id, handlers);
    const done = this.request<'run'>(req, id).finally(() => this.runs.delete(id));
    return { done, stop: () => this.runs.has(id) && !this.exited && this.channel.send({ type: 'stop', run: id }) };
  }

  ping(): Promise<Pong> {
    return this.request<'ping'>({ type: 'ping' });
  }

  close(): void {
    this.channel.kill();
  }

  private receive(message: unknown) {
    const event = HostEvent.safeParse(message);
    if (event.success) return this.dispatch(event.data);
    const parsed = HostResponse.safeParse(message);
    if (!parsed.success) return;
    const p = this.pending.get(parsed.data.id);
    if (!p) return;
    this.pending.delete(parsed.data.id);
    clearTimeout(p.timer);
    if (parsed.data.ok) p.resolve(parsed.data.result);
    else p.reject(new OperantError(parsed.data.error));
  }

  private dispatch(event: HostEvent) {
    const handlers = this.runs.get(event.run);
    if (!handlers) return;
    if (event.type === 'step') return handlers.onStep(event.step);
    const { run, question } = event;
    // A dialog that fails is a denial, never a silent approval.
    void handlers.onQuestion(event.request).then(
      (answer) => this.answer(run, question, answer),
      () => this.answer(run, question, 'deny'),
    );
  }

  private answer(run: number, question: number, answer: ApprovalAnswer) {
    if (this.runs.has(run) && !this.exited) this.channel.send({ type: 'answer', run, question, answer });
  }
}
