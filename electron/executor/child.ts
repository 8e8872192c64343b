// The executor process. Started by ExecutorClient (`node --import tsx child.ts` from the CLI, a
// utility process in the app). It is the only process that loads nut-js for input; it exits,
// releasing what it holds, when its parent goes away.
import { checkDisplay } from '../core/display.ts';
import { AuditLog } from './audit.ts';
import { type Backend, HeldInput } from './backend.ts';
import { backendSpaceFor, singleDisplay } from './displays.ts';
import { createDryRunBackend } from './dryRunBackend.ts';
import { Executor } from './executor.ts';
import { x11Monitors } from './x11Monitors.ts';
import type { ApprovalAnswer } from './outcome.ts';
import { type FromExecutor, ToExecutor } from './protocol.ts';

interface Port {
  send(m: FromExecutor): void;
  onMessage(fn: (m: unknown) => void): void;
}

/** Node's IPC channel, or Electron's parentPort when forked as a utility process. */
function parentPort(): Port {
  const electronPort = (process as unknown as { parentPort?: { postMessage(m: unknown): void; on(e: 'message', fn: (ev: { data: unknown }) => void): void } }).parentPort;
  if (electronPort) return { send: (m) => electronPort.postMessage(m), onMessage: (fn) => electronPort.on('message', (ev) => fn(ev.data)) };
  if (!process.send) throw new Error('the executor must be started by ExecutorClient (no IPC channel)');
  // After the parent is gone there is no one to tell; 'disconnect' shuts the executor down.
  return { send: (m) => void (process.connected && process.send!(m)), onMessage: (fn) => process.on('message', fn) };
}

const port = parentPort();
let executor: Executor | undefined;
let backend: Backend | undefined;
const held = new HeldInput((h) => port.send({ t: 'held', ...h }));
const answers = new Map<number, (a: ApprovalAnswer) => void>();
let askId = 0;

async function init(m: Extract<ToExecutor, { t: 'init' }>): Promise<void> {
  if (m.dryRun) backend = createDryRunBackend();
  else {
    checkDisplay();
    backend = await (await import('./nutBackend.ts')).createNutBackend({ typingRate: m.typingRate });
  }
  const size = await backend.screenSize();
  // A dry run reads the real layout too where there is a display: coordinates map the same way.
  const monitors = process.platform === 'linux' && process.env.DISPLAY ? await x11Monitors() : undefined;
  const layout = m.layout ?? monitors ?? singleDisplay(size.width, size.height);
  const audit = new AuditLog(m.auditPath, m.sessionId);
  audit.write({ phase: 'session', pid: process.pid, policy: m.policy, backend: backend.kind, display: process.env.DISPLAY, layout });
  executor = new Executor({
    backend,
    policy: m.policy,
    audit,
    layout,
    space: backendSpaceFor(process.platform),
    held,
    screenHashes: m.screenHashes,
    ask: m.canAsk
      ? (request) =>
          new Promise<ApprovalAnswer>((resolve) => {
            const id = ++askId;
            answers.set(id, resolve);
            port.send({ t: 'ask', id, request });
          })
      : undefined,
  });
  port.send({ t: 'ready', backend: backend.kind, layout });
}

async function handle(raw: unknown): Promise<void> {
  const parsed = ToExecutor.safeParse(raw);
  if (!parsed.success) {
    port.send({ t: 'fatal', message: `malformed message to the executor: ${parsed.error.issues[0]?.message}` });
    return;
  }
  const m = parsed.data;
  if (m.t === 'init') return init(m);
  if (m.t === 'close') return shutdown(0);
  if (!executor) {
    // A stop before init has nothing to halt; anything else before init is a client bug.
    if (m.t === 'stop') port.send({ t: 'stopped', id: m.id });
    else port.send({ t: 'fatal', message: `"${m.t}" before init` });
    return;
  }
  if (m.t === 'perform') {
    const outcome = await executor.perform(m.action, m.context);
    port.send({ t: 'outcome', id: m.id, outcome });
  } else if (m.t === 'answer') {
    answers.get(m.id)?.(m.answer);
    answers.delete(m.id);
  } else {
    await executor.stop();
    port.send({ t: 'stopped', id: m.id });
  }
}

async function shutdown(code: number): Promise<never> {
  if (executor) await executor.stop();
  else if (backend) await backend.release(held);
  await backend?.close?.();
  process.exit(code);
}

port.onMessage((m) => {
  handle(m).catch((e: Error) => {
    port.send({ t: 'fatal', message: e.message });
    void shutdown(1);
  });
});
// Ctrl+C in a terminal reaches the whole process group: stop and release, and let the parent decide.
process.on('SIGINT', () => void executor?.stop());
process.on('SIGTERM', () => void shutdown(0));
process.on('disconnect', () => void shutdown(0));
