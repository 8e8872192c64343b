// What the engine host does with one message. Pure of any transport, so the same code answers
// an Electron utilityProcess port and a Node child's IPC channel. The agent core (perception,
// the policy, the executor client) is imported on first use: pinging the host loads no models.
import { HostControl, type HostEvent, HostRequest, type HostResponse } from './protocol.ts';

const startedAt = performance.now();

const core = () => import('./agentRun.ts');

/** Answers a request; a control message (stop, an approval answer) has no answer of its own. */
export async function handleRequest(message: unknown, emit: (e: HostEvent) => void = () => undefined): Promise<HostResponse | undefined> {
  const control = HostControl.safeParse(message);
  if (control.success) {
    (await core()).control(control.data);
    return undefined;
  }
  const parsed = HostRequest.safeParse(message);
  if (!parsed.success) {
    const raw = (message as { id?: unknown } | null)?.id;
    const id = typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 ? raw : -1;
    const error = `engine host: malformed request: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`).join('; ')}`;
    return { id, ok: false, error };
  }
  const req = parsed.data;
  try {
    switch (req.type) {
      case 'ping':
        return { id: req.id, ok: true, result: { pid: process.pid, uptimeMs: performance.now() - startedAt, versions: { ...process.versions } as Record<string, string> } };
      case 'perceive': {
        const { width, height, rgba } = req.frame;
        // Perception reads pixels as 32-bit words; a deserialized array may start mid-word.
        const data = rgba.byteOffset % 4 === 0 ? Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength) : Buffer.alloc(rgba.byteLength);
        if (data.buffer !== rgba.buffer) data.set(rgba);
        const perceiver = await (await core()).sharedPerceiver();
        // A one-off frame shares nothing with the last one: read all of it.
        return { id: req.id, ok: true, result: await perceiver.perceive({ width, height, data }, { incremental: false }) };
      }
      case 'run':
        return { id: req.id, ok: true, result: await (await core()).runTask(req, emit) };
    }
  } catch (e) {
    return { id: req.id, ok: false, error: (e as Error).message };
  }
}
