// A test implementation of the preload API (`window.operant`), installed into the page before
// its scripts run. It records every call, answers with values the test chose, and lets the test
// fire the events the main process would send. The renderer cannot tell it from the real one:
// both are plain objects with the same named functions.
import type { Page } from 'playwright-core';
import type { EventChannel, IpcResult, OperantApi } from '../../electron/shared/ipc.ts';

export interface Call {
  name: keyof OperantApi;
  input: unknown;
}

/** Canned answers by method name; the default answers `{ ok: true, value: {} }`. */
export type Answers = Partial<Record<keyof OperantApi, IpcResult<unknown>>>;

/** Runs in the page (serialized by Playwright), so it must be self-contained. */
function install(answers: Answers) {
  const listeners: Record<string, Set<(payload: unknown) => void>> = {};
  const calls: { name: string; input: unknown }[] = [];
  const answer = (name: string) => async (input?: unknown) => {
    calls.push({ name, input: input === undefined ? null : JSON.parse(JSON.stringify(input)) });
    return (answers as Record<string, unknown>)[name] ?? { ok: true, value: {} };
  };
  const on = (channel: string) => (listener: (payload: unknown) => void) => {
    (listeners[channel] ??= new Set()).add(listener);
    return () => listeners[channel]!.delete(listener);
  };
  const api = {
    submit: answer('submit'),
    stop: answer('stop'),
    answerApproval: answer('answerApproval'),
    getAgentState: answer('getAgentState'),
    getSettings: answer('getSettings'),
    setSettings: answer('setSettings'),
    showView: answer('showView'),
    hideCommandBar: answer('hideCommandBar'),
    onAgentState: on('agent:state'),
    onStep: on('agent:step'),
    onApprovalRequest: on('agent:approval-request'),
    onSettingsChanged: on('settings:changed'),
    onShowView: on('app:show-view'),
  };
  Object.defineProperty(window, 'operant', { value: Object.freeze(api) });
  Object.defineProperty(window, '__test', {
    value: { calls, emit: (channel: string, payload: unknown) => listeners[channel]?.forEach((l) => l(payload)) },
  });
}

export async function installTestApi(page: Page, answers: Answers): Promise<void> {
  await page.addInitScript(install, answers);
}

export const calls = (page: Page) => page.evaluate(() => (window as unknown as { __test: { calls: Call[] } }).__test.calls);

export const emit = (page: Page, channel: EventChannel, payload: unknown) =>
  page.evaluate(([c, p]) => (window as unknown as { __test: { emit(c: string, p: unknown): void } }).__test.emit(c, p), [channel, payload] as const);

