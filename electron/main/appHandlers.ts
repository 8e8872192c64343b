// What each IPC channel does, in terms of the app's parts. Kept apart from main.ts so tests can
// drive every channel through the real router with a real session and real settings.
import type { View } from '../shared/ipc.ts';
import type { AgentSession } from './agentSession.ts';
import type { Handlers } from './ipcRouter.ts';
import type { SettingsService } from './settingsService.ts';

export interface WindowControl {
  showMain(view: View, focus?: boolean): void;
  hideCommandBar(): boolean;
}

export function createHandlers(session: AgentSession, settings: SettingsService, windows: WindowControl): Handlers {
  return {
    'agent:submit': ({ command }) => {
      const state = session.submit(command);
      // The bar has done its job; the session window shows the run without taking focus from
      // the program the agent is about to work in.
      windows.hideCommandBar();
      windows.showMain('session', false);
      return state;
    },
    'agent:stop': () => session.stop(),
    'agent:answer-approval': (answer) => session.answer(answer),
    'agent:get-state': () => session.snapshot(),
    'settings:get': () => settings.view(),
    'settings:set': (patch) => settings.update(patch),
    'window:show-view': ({ view }) => {
      windows.showMain(view);
      return { view };
    },
    'window:hide-command-bar': () => ({ hidden: windows.hideCommandBar() }),
  };
}
