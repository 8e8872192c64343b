// The engine host as an Electron utilityProcess: a native crash in inference ends that process,
// not the app, and the client rejects whatever was pending.
import { utilityProcess } from 'electron';
import type { HostChannel } from '../engineHost/client.ts';

export function forkUtilityHost(entry: string): HostChannel {
  const child = utilityProcess.fork(entry, [], { serviceName: 'Operant engine host', stdio: 'inherit' });
  return {
    send: (m) => child.postMessage(m),
    onMessage: (l) => child.on('message', l),
    onExit: (l) => child.on('exit', (code) => l(code)),
    kill: () => void child.kill(),
  };
}
