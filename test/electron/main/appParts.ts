// The main process's parts, assembled as main.ts does but without Electron: a real settings
// file in a temporary folder, a real AgentSession, and recorders where Electron's own objects
// (globalShortcut, windows) would be.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ModelChoice, View } from '../../../electron/shared/ipc.ts';
import { AGENT_UNAVAILABLE } from '../../../electron/main/agentRunner.ts';
import { type AgentRunner, AgentSession } from '../../../electron/main/agentSession.ts';
import { createHandlers } from '../../../electron/main/appHandlers.ts';
import type { Handlers } from '../../../electron/main/ipcRouter.ts';
import { SettingsService } from '../../../electron/main/settingsService.ts';
import { SettingsStore } from '../../../electron/main/settingsStore.ts';
import { type GlobalShortcutLike, ShortcutKeeper } from '../../../electron/main/shortcuts.ts';

export const MODELS: ModelChoice[] = [{ id: 'example-act', task: 'gui-action', label: 'example-act' }];

/** Stands in for Electron's globalShortcut: keys in `taken` belong to another program. */
export class ShortcutRecorder implements GlobalShortcutLike {
  readonly registered = new Map<string, () => void>();
  constructor(readonly taken = new Set<string>()) {}
  register(accelerator: string, callback: () => void): boolean {
    if (this.taken.has(accelerator) || this.registered.has(accelerator)) return false;
    this.registered.set(accelerator, callback);
    return true;
  }
  unregister(accelerator: string): void {
    this.registered.delete(accelerator);
  }
}

export function assemble(runner?: AgentRunner, taken?: Set<string>) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'operant-main-'));
  const events: { channel: string; payload: unknown }[] = [];
  const windowCalls: string[] = [];
  const store = new SettingsStore(path.join(dir, 'settings.json'));
  const globalShortcut = new ShortcutRecorder(taken);
  const keeper = new ShortcutKeeper(globalShortcut, { commandBar: () => windowCalls.push('toggleCommandBar'), stop: () => agent.stop() });
  const settings = new SettingsService(store, keeper, () => MODELS, (view) => events.push({ channel: 'settings:changed', payload: view }));
  const agent = new AgentSession(runner, AGENT_UNAVAILABLE, () => store.get(), {
    state: (payload) => events.push({ channel: 'agent:state', payload }),
    step: (payload) => events.push({ channel: 'agent:step', payload }),
    approvalRequest: (payload) => events.push({ channel: 'agent:approval-request', payload }),
  });
  const windows = {
    showMain: (view: View, focus = true) => void windowCalls.push(`showMain:${view}:${focus}`),
    hideCommandBar: () => (windowCalls.push('hideCommandBar'), true),
  };
  const handlers: Handlers = createHandlers(agent, settings, windows);
  return { dir, store, globalShortcut, keeper, settings, agent, handlers, events, windowCalls };
}
