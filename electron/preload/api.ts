// Builds the API the renderer sees as `window.operant`: one named function per message of the
// IPC contract. The renderer never gets ipcRenderer, a channel name, or an IPC event object.
import { EVENT, type EventChannel, type EventPayload, INVOKE, type OperantApi } from '../shared/ipc.ts';

/** The part of Electron's ipcRenderer this module uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

export function createApi(ipc: IpcRendererLike): OperantApi {
  const call =
    <T>(channel: string) =>
    (input?: unknown) =>
      (input === undefined ? ipc.invoke(channel) : ipc.invoke(channel, input)) as Promise<T>;
  const subscribe =
    <C extends EventChannel>(channel: C) =>
    (listener: (payload: EventPayload<C>) => void) => {
      const forward = (_event: unknown, payload: unknown) => listener(payload as EventPayload<C>);
      ipc.on(channel, forward);
      return () => void ipc.removeListener(channel, forward);
    };
  return Object.freeze({
    submit: call(INVOKE.submit),
    stop: () => call(INVOKE.stop)(),
    answerApproval: call(INVOKE.answerApproval),
    getAgentState: () => call(INVOKE.getAgentState)(),
    getSettings: () => call(INVOKE.getSettings)(),
    setSettings: call(INVOKE.setSettings),
    showView: call(INVOKE.showView),
    hideCommandBar: () => call(INVOKE.hideCommandBar)(),
    onAgentState: subscribe(EVENT.agentState),
    onStep: subscribe(EVENT.step),
    onApprovalRequest: subscribe(EVENT.approvalRequest),
    onSettingsChanged: subscribe(EVENT.settingsChanged),
    onShowView: subscribe(EVENT.showView),
  } satisfies Record<keyof OperantApi, unknown>) as OperantApi;
}
