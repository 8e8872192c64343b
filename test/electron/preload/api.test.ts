// The preload's API: exactly one named function per message of the contract, each bound to its
// own channel; listeners get the payload only, never Electron's event (which carries `sender`).
import { describe, expect, it } from 'vitest';
import { createApi, type IpcRendererLike } from '../../../electron/preload/api.ts';
import { EVENT, INVOKE, type OperantApi } from '../../../electron/shared/ipc.ts';

/** Records what the API asks of ipcRenderer (the real one needs the Electron binary). */
function recorder() {
  const invoked: unknown[][] = [];
  const listeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>();
  const ipc: IpcRendererLike = {
    invoke: async (...args) => {
      invoked.push(args);
      return { ok: true, value: args[0] };
    },
    on: (channel, l) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(l)),
    removeListener: (channel, l) => listeners.get(channel)?.delete(l),
  };
  const fire = (channel: string, payload: unknown) => listeners.get(channel)?.forEach((l) => l({ sender: 'the ipcRenderer event' }, payload));
  return { ipc, invoked, listeners, fire };
}

describe('preload API', () => {
  it('has one function per invoke channel and one subscription per event, nothing else', () => {
    const api = createApi(recorder().ipc);
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.keys(api).sort()).toEqual(
      ['answerApproval', 'getAgentState', 'getSettings', 'hideCommandBar', 'onAgentState', 'onApprovalRequest', 'onSettingsChanged', 'onShowView', 'onStep', 'setSettings', 'showView', 'stop', 'submit'].sort(),
    );
    expect(Object.values(api).every((v) => typeof v === 'function')).toBe(true);
    expect(Object.keys(api).filter((k) => !k.startsWith('on'))).toHaveLength(Object.keys(INVOKE).length);
    expect(Object.keys(api).filter((k) => k.startsWith('on'))).toHaveLength(Object.keys(EVENT).length);
  });

  it('sends each request on its own channel with only its input', async () => {
    const { ipc, invoked } = recorder();
    const api = createApi(ipc);
    await api.submit({ command: 'open the editor' });
    await api.stop();
    await api.answerApproval({ requestId: 'ask1', answer: 'approve' });
    await api.getAgentState();
    await api.getSettings();
    await api.setSettings({ policy: 'strict' });
    await api.showView({ view: 'settings' });
    await api.hideCommandBar();
    expect(invoked).toEqual([
      [INVOKE.submit, { command: 'open the editor' }],
      [INVOKE.stop],
      [INVOKE.answerApproval, { requestId: 'ask1', answer: 'approve' }],
      [INVOKE.getAgentState],
      [INVOKE.getSettings],
      [INVOKE.setSettings, { policy: 'strict' }],
      [INVOKE.showView, { view: 'settings' }],
      [INVOKE.hideCommandBar],
    ]);
  });

  it('does not forward what a click handler passes to a no-input function', async () => {
    const { ipc, invoked } = recorder();
    const api = createApi(ipc);
    await (api.stop as (e: unknown) => Promise<unknown>)({ type: 'click', target: {} });
    expect(invoked).toEqual([[INVOKE.stop]]);
  });

  it('hands listeners the payload alone and unsubscribes', () => {
    const { ipc, listeners, fire } = recorder();
    const api: OperantApi = createApi(ipc);
    const got: unknown[][] = [];
    const off = api.onStep((...args) => void got.push(args));
    fire(EVENT.step, { index: 0 });
    expect(got).toEqual([[{ index: 0 }]]);
    off();
    expect(listeners.get(EVENT.step)?.size).toBe(0);
    fire(EVENT.step, { index: 1 });
    expect(got).toHaveLength(1);
  });
});
