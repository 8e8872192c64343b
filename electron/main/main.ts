// Entry of the Electron main process: lifecycle, security, windows, tray, global shortcuts, the
// IPC router and the engine host. It stays in the tray when its windows close.
import { app, globalShortcut, ipcMain, session } from 'electron';
import path from 'node:path';
import { EngineHostClient } from '../engineHost/client.ts';
import { EVENT, type View } from '../shared/ipc.ts';
import { AGENT_UNAVAILABLE, createAgentRunner } from './agentRunner.ts';
import { AgentSession } from './agentSession.ts';
import { createHandlers } from './appHandlers.ts';
import { buildCsp } from './csp.ts';
import { forkUtilityHost } from './engineHostProcess.ts';
import { HostAgentCore } from './hostAgentCore.ts';
import { createRouter, registerIpc } from './ipcRouter.ts';
import { listActionModels } from './modelChoices.ts';
import { devRenderer, fileRenderer } from './rendererLocation.ts';
import { lockDownContents, lockDownSession } from './security.ts';
import { SettingsService } from './settingsService.ts';
import { SettingsStore } from './settingsStore.ts';
import { ShortcutKeeper } from './shortcuts.ts';
import { AppTray } from './tray.ts';
import { AppWindows } from './windows.ts';

function start() {
  const location = MAIN_WINDOW_VITE_DEV_SERVER_URL
    ? devRenderer(MAIN_WINDOW_VITE_DEV_SERVER_URL)
    : fileRenderer(path.join(__dirname, `../renderer/${MAIN_WINDOW_VITE_NAME}/index.html`));
  lockDownSession(session.defaultSession, location, buildCsp({ dev: location.kind === 'dev', devScriptHashes: OPERANT_DEV_SCRIPT_HASHES }));
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents, location));

  const windows = new AppWindows(location, path.join(__dirname, 'preload.cjs'));
  const store = new SettingsStore(path.join(app.getPath('userData'), 'settings.json'));
  const show = (view: View) => windows.showMain(view);
  const keeper = new ShortcutKeeper(globalShortcut, { commandBar: () => windows.toggleCommandBar(), stop: () => agent.stop() });
  const settings = new SettingsService(store, keeper, () => listActionModels(path.join(app.getAppPath(), 'models', 'manifests')), (view) => {
    windows.broadcast(EVENT.settingsChanged, view);
    tray.update(agent.snapshot().state, view.settings);
  });
  // The agent loop, perception and the executor client run in the engine host, not here.
  const host = new EngineHostClient(forkUtilityHost(path.join(__dirname, 'engineHostBoot.cjs')));
  const agent = new AgentSession(createAgentRunner(new HostAgentCore(host)), AGENT_UNAVAILABLE, () => store.get(), {
    state: (state) => {
      windows.broadcast(EVENT.agentState, state);
      tray.update(state, store.get());
    },
    step: (step) => windows.broadcast(EVENT.step, step),
    approvalRequest: (request) => {
      // An approval needs the person: bring the session window forward.
      windows.showMain('session');
      windows.broadcast(EVENT.approvalRequest, request);
    },
  });
  const tray = new AppTray({
    commandBar: () => windows.toggleCommandBar(),
    session: () => show('session'),
    settings: () => show('settings'),
    stop: () => agent.stop(),
    quit: () => app.quit(),
  });
  tray.update(agent.snapshot().state, store.get());
  const unregisterIpc = registerIpc(ipcMain, createRouter(createHandlers(agent, settings, windows), location));

  host.ping().then(
    (pong) => console.log(`engine host ready (pid ${pong.pid})`),
    (e: Error) => console.error(`engine host did not start: ${e.message}`),
  );

  windows.prepareCommandBar();
  const problems = [store.loadProblem, settings.start()].filter((p) => p !== undefined);
  problems.forEach((p) => console.warn(p));
  // A shortcut that could not be registered is fixed in Settings, so open it.
  show(problems.length ? 'settings' : 'session');

  // Starting Operant again brings the running one forward instead of a second tray icon.
  app.on('second-instance', () => show('session'));
  app.on('will-quit', () => {
    agent.stop();
    keeper.dispose();
    unregisterIpc();
    host.close();
    tray.destroy();
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Every renderer runs sandboxed, whatever a window's options say.
  app.enableSandbox();
  // Living in the tray: closing the last window does not quit.
  app.on('window-all-closed', () => undefined);
  void app.whenReady().then(start);
}
