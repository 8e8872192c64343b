// The engine host as a Node child process: how the headless CLI and the tests run it (the app
// uses an Electron utilityProcess instead, see electron/main/engineHostProcess.ts).
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { HostChannel } from './client.ts';

const HOST_ENTRY = fileURLToPath(new URL('./engineHost.ts', import.meta.url));

export function forkNodeHost(): HostChannel {
  // 'advanced' serialization carries frames as Uint8Array instead of JSON arrays.
  const child = fork(HOST_ENTRY, [], { execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return {
    send: (m) => child.send(m as object),
    onMessage: (l) => child.on('message', l),
    onExit: (l) => child.on('exit', (code) => l(code)),
    kill: () => child.kill(),
  };
}
