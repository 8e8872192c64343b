// What the engine host does with one request. Pure of any transport, so the same code answers
// an Electron utilityProcess port and a Node child's IPC channel.
import { HostRequest, type HostResponse } from './protocol.ts';

const startedAt = performance.now();

/** Perception moves in here when engine/perception lands on main (a later issue). */
const PERCEPTION_MISSING = 'perception is not part of this build yet (engine/perception is not on main): use a build that includes it';

export async function handleRequest(message: unknown): Promise<HostResponse> {
  const parsed = HostRequest.safeParse(message);
  if (!parsed.success) {
    const raw = (message as { id?: unknown } | null)?.id;
    const id = typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 ? raw : -1;
    const error = `engine host: malformed request: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`).join('; ')}`;
    return { id, ok: false, error };
  }
  const req = parsed.data;
  switch (req.type) {
    case 'ping':
      return { id: req.id, ok: true, result: { pid: process.pid, uptimeMs: performance.now() - startedAt, versions: { ...process.versions } as Record<string, string> } };
    case 'perceive':
      return { id: req.id, ok: false, error: PERCEPTION_MISSING };
  }
}
