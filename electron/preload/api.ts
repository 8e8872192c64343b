// Builds the API the renderer sees as `window.operant`: one named function per message of the
// IPC contract. The renderer never gets ipcRenderer, a channel name, or an IPC event object.
// Channel names are written out and checked against the contract's types, not imported as
// values: importing electron/shared/ipc.ts would pull zod into every window's preload.
import type { EventChannel, EventPayload, InvokeChannel, OperantApi } from '../shared/ipc.ts';

/** The part of Electron's ipcRenderer this module uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

export function createApi(ipc: IpcRendererLike): OperantApi {
  const call =
    <T>(channel: InvokeChannel) =>
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
    submit: call('agent:submit'),
    stop: () => call('agent:stop')(),
    answerApproval: call('agent:answer-approval'),
    getAgentState: () => call('agent:get-state')(),
    getSettings: () => call('settings:get')(),
    setSettings: call('settings:set'),
    showView: call('window:show-view'),
    hideCommandBar: () => call('window:hide-command-bar')(),
    onAgentState: subscribe('agent:state'),
    onStep: subscribe('agent:step'),
    onApprovalRequest: subscribe('agent:approval-request'),
    onSettingsChanged: subscribe('settings:changed'),
    onShowView: subscribe('app:show-view'),
  } satisfies Record<keyof OperantApi, unknown>) as OperantApi;
}
