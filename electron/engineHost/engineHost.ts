// Entry of the engine host process. Under Electron's utilityProcess.fork() messages arrive on
// process.parentPort; under Node's child_process.fork() (the headless CLI, the tests) they
// arrive on the process's IPC channel. Both get the same handler; a run's events go out on the
// same channel as the responses.
import { handleRequest } from './handleRequest.ts';

interface ParentPortLike {
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort;

if (parentPort) {
  const post = (m: unknown) => parentPort.postMessage(m);
  parentPort.on('message', (e) => void handleRequest(e.data, post).then((r) => r && post(r)));
} else if (process.send) {
  const send = process.send.bind(process);
  process.on('message', (m) => void handleRequest(m, send).then((r) => r && send(r)));
  // The host lives exactly as long as its parent's channel.
  process.on('disconnect', () => process.exit(0));
} else {
  console.error('engine host: start it with Electron utilityProcess.fork() or Node child_process.fork(); it talks over their message channel, not stdin');
  process.exit(2);
}
