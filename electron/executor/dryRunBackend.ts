// The dry-run backend: the executor checks, asks and logs exactly as for real, and this backend
// touches nothing. It still reports the screen size so the one-display layout is the real one.
import type { Backend } from './backend.ts';

export function createDryRunBackend(size = { width: 1280, height: 800 }): Backend {
  return {
    kind: 'dry-run',
    screenSize: async () => size,
    screenHash: async () => undefined,
    activeWindowTitle: async () => undefined,
    perform: async (_action, _points, signal) => signal.throwIfAborted(),
    release: async () => {},
  };
}
