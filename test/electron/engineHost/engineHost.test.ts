// The engine host as a real process (a Node child, as the headless CLI runs it) answering the
// typed protocol; the Electron bundle of the same entry is tested in test/electron/main/forgeBuild.test.ts.
import { afterAll, describe, expect, it } from 'vitest';
import { EngineHostClient, type HostChannel } from '../../../electron/engineHost/client.ts';
import { handleRequest } from '../../../electron/engineHost/handleRequest.ts';
import { forkNodeHost } from '../../../electron/engineHost/nodeHost.ts';

const clients: EngineHostClient[] = [];
afterAll(() => clients.forEach((c) => c.close()));

function open(channel: HostChannel, timeoutMs?: number) {
  const client = new EngineHostClient(channel, timeoutMs);
  clients.push(client);
  return client;
}

describe('engine host protocol', () => {
  it('answers ping with its own process', async () => {
    const pong = await open(forkNodeHost()).ping();
    expect(pong.pid).not.toBe(process.pid);
    expect(pong.versions.node).toBe(process.versions.node);
  });

  it('answers a frame whose bytes do not match its size with perception\'s own error', async () => {
    const client = open(forkNodeHost());
    await expect(client.request<'perceive'>({ type: 'perceive', frame: { width: 2, height: 2, rgba: new Uint8Array(8) } })).rejects.toThrow(/frame/);
    // The host survives the bad frame and reads a good one.
    expect(await client.request<'perceive'>({ type: 'perceive', frame: { width: 2, height: 1, rgba: new Uint8Array(8) } })).toMatchObject({ width: 2, height: 1, elements: [] });
  });

  it('answers malformed requests with an error, not silence', async () => {
    expect(await handleRequest({ id: 3, type: 'dance' })).toMatchObject({ id: 3, ok: false, error: expect.stringContaining('malformed request') });
    expect(await handleRequest('ping')).toMatchObject({ id: -1, ok: false });
    expect(await handleRequest({ id: 4, type: 'perceive', frame: { width: 0, height: 1, rgba: new Uint8Array(0) } })).toMatchObject({ id: 4, ok: false, error: expect.stringContaining('frame.width') });
  });

  it('rejects pending requests when the host dies', async () => {
    const channel = forkNodeHost();
    const client = open(channel, 20_000);
    await client.ping();
    const pending = client.ping();
    channel.kill();
    // The ping may have been answered before the kill landed; if not, it must reject clearly.
    await pending.catch((e: Error) => expect(e.message).toMatch(/the engine host exited/));
    await new Promise((r) => setTimeout(r, 200));
    await expect(client.ping()).rejects.toThrow(/the engine host exited .*: restart Operant/);
  });

  it('times out a request the host never answers', async () => {
    const silent: HostChannel = { send: () => undefined, onMessage: () => undefined, onExit: () => undefined, kill: () => undefined };
    await expect(open(silent, 50).ping()).rejects.toThrow('the engine host did not answer ping within 50 ms');
  });
});
