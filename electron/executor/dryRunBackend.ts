// The dry-run backend: the executor checks, asks and logs exactly as for real, and this backend
// touches nothing. The layout comes from the display when there is one (xrandr); with no display
// at all, a 1280x800 screen is assumed so that scripts can still be checked.
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
