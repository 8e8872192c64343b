// The engine host's worker thread: owns the Perceiver, so inference (which blocks the thread
// it runs on) never stalls the caller's event loop.
import { parentPort, workerData } from 'node:worker_threads';
import { OperantError } from '../errors.ts';
import { Perceiver } from '../perception/perceiver.ts';
import type { Reply, Request } from './protocol.ts';

const port = parentPort!;
const { threads } = workerData as { threads?: number };

const failure = (e: unknown) => ({ message: (e as Error).message, ...(e instanceof OperantError ? { exitCode: e.exitCode } : {}) });

let perceiver: Perceiver;
try {
  perceiver = await Perceiver.create({ threads });
  port.postMessage({ ready: true });
} catch (e) {
  port.postMessage({ ready: false, ...failure(e) });
  process.exit(0);
}

// One request at a time, in order: the Perceiver keeps the previous frame as state.
let queue = Promise.resolve();
port.on('message', (req: Request) => {
  queue = queue.then(async () => {
    let reply: Reply;
    try {
      if (req.op === 'perceive') {
        const f = req.frame;
        const data = Buffer.from(f.data.buffer, f.data.byteOffset, f.data.byteLength);
        reply = { id: req.id, ok: true, result: await perceiver.perceive({ width: f.width, height: f.height, scale: f.scale, data }, req.opts) };
      } else if (req.op === 'reset') {
        perceiver.reset();
        reply = { id: req.id, ok: true };
      } else {
        await perceiver.dispose();
        reply = { id: req.id, ok: true };
      }
    } catch (e) {
      reply = { id: req.id, ok: false, ...failure(e) };
    }
    port.postMessage(reply);
    if (req.op === 'dispose') port.close();
  });
});
