// The tray icon: where Operant lives when no window is open. Its menu names the shortcuts in
// force and offers Stop only while the agent is working.
import { Menu, nativeImage, Tray } from 'electron';
import type { AgentState, Settings } from '../shared/ipc.ts';
import trayIcon from './assets/tray.png';

export interface TrayActions {
  commandBar(): void;
  session(): void;
  settings(): void;
  stop(): void;
  quit(): void;
}

const STATUS_TEXT: Record<AgentState['status'], string> = {
  idle: 'ready',
  running: 'working…',
  stopping: 'stopping…',
  finished: 'done',
  needs_you: 'needs you',
  failed: 'failed',
  stopped: 'stopped',
};

export class AppTray {
  private readonly tray: Tray;

  constructor(private readonly actions: TrayActions) {
    this.tray = new Tray(nativeImage.createFromDataURL(trayIcon));
    this.tray.on('click', () => actions.commandBar());
  }

  update(state: AgentState, settings: Settings): void {
    const working = state.status === 'running' || state.status === 'stopping';
    this.tray.setToolTip(`Operant: ${STATUS_TEXT[state.status]}`);
    this.tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: 'Command bar', accelerator: settings.shortcuts.commandBar, click: () => this.actions.commandBar() },
        { label: 'Session', click: () => this.actions.session() },
        { label: 'Stop agent', accelerator: settings.shortcuts.stop, enabled: working, click: () => this.actions.stop() },
        { type: 'separator' },
        { label: 'Settings…', click: () => this.actions.settings() },
        { label: 'Quit Operant', click: () => this.actions.quit() },
      ]),
    );
  }

  destroy(): void {
    this.tray.destroy();
  }
}
