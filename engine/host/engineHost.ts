// The engine host: the Perceiver's API, run in a worker thread. onnxruntime's `run()` blocks the
// thread it is called on; here that is the worker's, so the app's or CLI's thread stays free.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { OperantError } from '../errors.ts';
import type { PerceiveFrame, PerceiveOptions } from '../perception/perceiver.ts';
import type { Perception } from '../perception/types.ts';
import type { Ready, Reply, Request } from './protocol.ts';

const require = createRequire(import.meta.url);

// The worker compiles its TypeScript with tsx, registered inside the worker: loader hooks of
// the parent thread do not reach worker threads.
const bootstrap = (tsxApi: string, entry: string) =>
  `import(${JSON.stringify(tsxApi)}).then((m) => { (m.register ?? m.default.register)(); return import(${JSON.stringify(entry)}); })`;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type Pending = { resolve: (r: Reply) => void; reject: (e: Error) => void };

export class EngineHost {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private closed = false;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (m: Reply) => {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      p?.resolve(m);
    });
    worker.on('error', (e) => this.failAll(new OperantError(`engine worker crashed: ${e.message}`)));
    worker.on('exit', (code) => {
      this.closed = true;
      this.failAll(new OperantError(`engine worker exited (code ${code})`));
    });
  }

  /** Starts the worker and waits until its models are loaded and verified. */
  static async start(opts: { threads?: number } = {}): Promise<EngineHost> {
    const entry = pathToFileURL(new URL('./engineWorker.ts', import.meta.url).pathname).href;
    // `require` finds the CommonJS build; the worker needs its ES module twin beside it.
    const tsxApi = pathToFileURL(require.resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
    const worker = new Worker(bootstrap(tsxApi, entry), { eval: true, workerData: { threads: opts.threads } });
    let onMessage!: (r: Ready) => void;
    let onError!: (e: Error) => void;
    let onExit!: (code: number) => void;
    const ready = await new Promise<Ready>((resolve, reject) => {
      onMessage = resolve;
      onError = reject;
      onExit = (code) => reject(new OperantError(`engine worker exited (code ${code}) before it was ready`));
      worker.once('message', onMessage).once('error', onError).once('exit', onExit);
    }).finally(() => worker.off('message', onMessage).off('error', onError).off('exit', onExit));
    if (!ready.ready) {
      await worker.terminate();
      throw new OperantError(ready.message, ready.exitCode ?? 1);
    }
    return new EngineHost(worker);
  }

  async perceive(frame: PerceiveFrame, opts?: PerceiveOptions): Promise<Perception> {
    const data = new Uint8Array(frame.data.buffer, frame.data.byteOffset, frame.data.byteLength);
    const reply = await this.send({ op: 'perceive', frame: { width: frame.width, height: frame.height, scale: frame.scale, data }, opts });
    return reply.result!;
  }

  async reset(): Promise<void> {
    await this.send({ op: 'reset' });
  }

  /** Releases the models and stops the worker; safe to call twice. */
  async dispose(): Promise<void> {
    if (this.closed) return;
    await this.send({ op: 'dispose' }).catch(() => undefined);
    this.closed = true;
    await this.worker.terminate();
  }

  private async send(req: DistributiveOmit<Request, 'id'>): Promise<Extract<Reply, { ok: true }>> {
    if (this.closed) throw new OperantError('the engine host was disposed: start a new one');
    const id = this.nextId++;
    const reply = await new Promise<Reply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...req, id } as Request);
    });
    if (!reply.ok) throw new OperantError(reply.message, reply.exitCode ?? 1);
    return reply;
  }

  private failAll(e: Error) {
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}
