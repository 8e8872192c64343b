// Every IPC channel, through the real router and the real zod schemas: it answers the app's own
// renderer, refuses every other sender and every malformed payload, and never runs the handler
// for a refused request. Only the sender object is made up (Electron's IPC event is not here).
import { describe, expect, it } from 'vitest';
import { AGENT_UNAVAILABLE } from '../../../electron/main/agentRunner.ts';
import { createRouter, type Handlers, registerIpc } from '../../../electron/main/ipcRouter.ts';
import { devRenderer, fileRenderer, type SenderLike } from '../../../electron/main/rendererLocation.ts';
import { INVOKE, INVOKE_SCHEMAS, type InvokeChannel } from '../../../electron/shared/ipc.ts';
import { assemble } from './appParts.ts';

const packaged = fileRenderer('/opt/Operant/resources/app.asar/.vite/renderer/main_window/index.html');
const dev = devRenderer('http://localhost:5173');
const from = (url: string, parent: unknown = null): SenderLike => ({ senderFrame: { url, parent } });

const trustedPackaged = from('file:///opt/Operant/resources/app.asar/.vite/renderer/main_window/index.html#/session');
const trustedDev = from('http://localhost:5173/#/bar');

const foreignToPackaged: [string, SenderLike][] = [
  ['a web page', from('https://evil.example/index.html')],
  ['another local file', from('file:///tmp/evil/index.html')],
  ['a sibling file of the app', from('file:///opt/Operant/resources/app.asar/.vite/renderer/main_window/other.html')],
  ['a path that climbs out', from('file:///opt/Operant/resources/app.asar/.vite/renderer/main_window/../../evil/index.html')],
  ['a subframe of the app', from('file:///opt/Operant/resources/app.asar/.vite/renderer/main_window/index.html', { url: 'x' })],
  ['a destroyed frame', { senderFrame: null }],
  ['a frame without parent information', { senderFrame: { url: trustedPackaged.senderFrame!.url } } as unknown as SenderLike],
  ['about:blank', from('about:blank')],
  ['devtools', from('devtools://devtools/bundled/inspector.html')],
  ['the dev server (not this build)', from('http://localhost:5173/')],
];

const foreignToDev: [string, SenderLike][] = [
  ['another port', from('http://localhost:5174/')],
  ['a look-alike host', from('http://localhost:5173.evil.example/')],
  ['https on the same host', from('https://localhost:5173/')],
  ['credentials in the URL', from('http://user:pass@localhost:5173/')],
  ['the packaged file', trustedPackaged],
  ['a subframe of the dev page', from('http://localhost:5173/', {})],
];

/** Payloads each channel must refuse. */
const MALFORMED: Record<InvokeChannel, unknown[]> = {
  'agent:submit': [undefined, null, 'open the editor', {}, { command: '' }, { command: '   ' }, { command: 'x'.repeat(2001) }, { command: 5 }, { command: 'ok', extra: 1 }],
  'agent:stop': [{}, 'now', 1, null],
  'agent:answer-approval': [undefined, {}, { requestId: 'a b', answer: 'approve' }, { requestId: 'ask1', answer: 'maybe' }, { requestId: 'ask1' }, { requestId: 'ask1', answer: 'approve', by: 'me' }],
  'agent:get-state': [{ x: 1 }, 'all'],
  'settings:get': [1, {}],
  'settings:set': [
    undefined,
    { policy: 'reckless' },
    { shortcuts: { commandBar: 'Space' } },
    { shortcuts: { commandBar: 'Ctrl+Foo' } },
    { shortcuts: { stop: 'Hyper+K' } },
    { shortcuts: { stop: 'Ctrl+Ctrl+K' } },
    { shortcuts: { other: 'Ctrl+K' } },
    { model: '../evil' },
    { theme: 'dark' },
  ],
  'window:show-view': [undefined, {}, { view: 'evil' }, { view: 'settings', url: 'https://evil.example' }],
  'window:hide-command-bar': [{ x: 1 }, true],
};

/** One acceptable payload per channel. */
const VALID: Record<InvokeChannel, unknown> = {
  'agent:submit': { command: 'Open the text editor' },
  'agent:stop': undefined,
  'agent:answer-approval': { requestId: 'ask1', answer: 'deny' },
  'agent:get-state': undefined,
  'settings:get': undefined,
  'settings:set': { policy: 'strict' },
  'window:show-view': { view: 'settings' },
  'window:hide-command-bar': undefined,
};

const channels = Object.keys(INVOKE_SCHEMAS) as InvokeChannel[];

/** The assembled handlers, counting how often each actually ran. */
function counted() {
  const parts = assemble();
  const ran: Partial<Record<InvokeChannel, number>> = {};
  const handlers = Object.fromEntries(
    channels.map((c) => [
      c,
      (input: never) => {
        ran[c] = (ran[c] ?? 0) + 1;
        return (parts.handlers[c] as (i: never) => unknown)(input);
      },
    ]),
  ) as unknown as Handlers;
  return { parts, ran, handlers };
}

describe('IPC router', () => {
  it('covers every channel of the contract', () => {
    expect(channels.sort()).toEqual(Object.values(INVOKE).sort());
    expect(Object.keys(MALFORMED).sort()).toEqual(channels);
  });

  for (const channel of channels) {
    describe(channel, () => {
      it('refuses every sender but the packaged renderer, without running the handler', async () => {
        const { ran, handlers } = counted();
        const routed = createRouter(handlers, packaged, () => undefined);
        for (const [, sender] of foreignToPackaged) {
          const r = await routed[channel](sender, VALID[channel]);
          expect(r).toEqual({ ok: false, error: { code: 'forbidden', message: expect.stringContaining(channel) } });
        }
        expect(ran[channel]).toBeUndefined();
      });

      it('refuses every sender but the dev server renderer in development', async () => {
        const { ran, handlers } = counted();
        const routed = createRouter(handlers, dev, () => undefined);
        for (const [, sender] of foreignToDev) expect((await routed[channel](sender, VALID[channel])).ok).toBe(false);
        expect(ran[channel]).toBeUndefined();
      });

      it('refuses malformed payloads with a message naming the channel', async () => {
        const { ran, handlers } = counted();
        const routed = createRouter(handlers, packaged, () => undefined);
        for (const payload of MALFORMED[channel]) {
          const r = await routed[channel](trustedPackaged, payload);
          expect(r.ok, `${channel} accepted ${JSON.stringify(payload)}`).toBe(false);
          if (!r.ok) {
            expect(r.error.code).toBe('bad-input');
            expect(r.error.message.startsWith(`${channel}: `)).toBe(true);
          }
        }
        expect(ran[channel]).toBeUndefined();
      });

      it('runs the handler for the app renderer with a valid payload', async () => {
        const { ran, handlers } = counted();
        for (const [location, sender] of [
          [packaged, trustedPackaged],
          [dev, trustedDev],
        ] as const) {
          await createRouter(handlers, location, () => undefined)[channel](sender, VALID[channel]);
        }
        expect(ran[channel]).toBe(2);
      });
    });
  }

  it('answers each valid request with what the app did', async () => {
    const { parts, handlers } = counted();
    const routed = createRouter(handlers, packaged, () => undefined);
    expect(await routed['agent:get-state'](trustedPackaged, undefined)).toEqual({ ok: true, value: { state: { status: 'idle' }, steps: [], approvals: [] } });
    const set = await routed['settings:set'](trustedPackaged, { policy: 'strict', shortcuts: { commandBar: 'Ctrl+Shift+K' } });
    expect(set.ok && set.value.settings).toEqual({ shortcuts: { commandBar: 'Ctrl+Shift+K', stop: 'Ctrl+Alt+Backspace' }, policy: 'strict', model: 'auto' });
    expect(await routed['window:show-view'](trustedPackaged, { view: 'settings' })).toEqual({ ok: true, value: { view: 'settings' } });
    expect(parts.windowCalls).toContain('showMain:settings:true');
    // This build has no agent loop: a command is refused with the reason, not pretended.
    expect(await routed['agent:submit'](trustedPackaged, { command: 'Open the text editor' })).toEqual({ ok: false, error: { code: 'failed', message: AGENT_UNAVAILABLE } });
    expect(await routed['agent:answer-approval'](trustedPackaged, { requestId: 'ask1', answer: 'deny' })).toEqual({
      ok: false,
      error: { code: 'bad-input', message: 'there is no open approval ask1: it was already answered, or the run ended' },
    });
  });

  it('turns an unexpected exception into a failed answer and logs it', async () => {
    const { handlers } = counted();
    const lines: string[] = [];
    const broken = { ...handlers, 'settings:get': () => { throw new TypeError('boom'); } } as Handlers;
    const r = await createRouter(broken, packaged, (l) => lines.push(l))['settings:get'](trustedPackaged, undefined);
    expect(r).toEqual({ ok: false, error: { code: 'failed', message: 'settings:get failed inside Operant: boom' } });
    expect(lines[0]).toContain('TypeError: boom');
  });

  it('logs refused senders', async () => {
    const lines: string[] = [];
    await createRouter(counted().handlers, packaged, (l) => lines.push(l))['agent:stop'](from('https://evil.example/'), undefined);
    expect(lines).toEqual(["refused agent:stop from https://evil.example/: not the app's own renderer"]);
  });

  it('registers every channel with ipcMain and removes them again', () => {
    const handled = new Map<string, unknown>();
    const ipcMain = { handle: (c: string, l: unknown) => void handled.set(c, l), removeHandler: (c: string) => void handled.delete(c) };
    const off = registerIpc(ipcMain, createRouter(counted().handlers, packaged));
    expect([...handled.keys()].sort()).toEqual(channels);
    off();
    expect(handled.size).toBe(0);
  });
});
