// The app's two windows: the main window (session timeline, settings) and the command bar, a
// small frameless always-on-top window that the global shortcut summons. Both load the same
// renderer at different routes; events reach them only after passing the contract's schemas.
import { BrowserWindow, screen } from 'electron';
import { EVENT, EVENT_SCHEMAS, type EventChannel, type EventPayload, type View } from '../shared/ipc.ts';
import { rendererUrl, type RendererLocation } from './rendererLocation.ts';
import { secureWebPreferences } from './security.ts';

const BAR = { width: 720, height: 120 };

export class AppWindows {
  private main: BrowserWindow | undefined;
  private bar: BrowserWindow | undefined;

  constructor(
    private readonly location: RendererLocation,
    private readonly preload: string,
  ) {}

  /** Shows (creating if needed) the main window at `view`; `focus: false` leaves focus where it is. */
  showMain(view: View, focus = true): void {
    if (!this.main || this.main.isDestroyed()) {
      this.main = new BrowserWindow({
        width: 1040,
        height: 760,
        minWidth: 720,
        minHeight: 520,
        show: false,
        title: 'Operant',
        backgroundColor: '#00000000',
        webPreferences: secureWebPreferences(this.preload),
      });
      const win = this.main;
      win.once('ready-to-show', () => (focus ? win.show() : win.showInactive()));
      void win.loadURL(rendererUrl(this.location, view));
      return;
    }
    this.main.webContents.send(EVENT.showView, EVENT_SCHEMAS[EVENT.showView].parse({ view }));
    if (!focus) {
      if (!this.main.isVisible()) this.main.showInactive();
      return;
    }
    if (this.main.isMinimized()) this.main.restore();
    this.main.show();
    this.main.focus();
  }

  toggleCommandBar(): void {
    if (this.bar && !this.bar.isDestroyed() && this.bar.isVisible()) {
      this.bar.hide();
      return;
    }
    const bar = this.prepareCommandBar();
    // Open on the display the person is looking at: the one under the pointer.
    const area = screen.getDisplayNearestPoint(screen.getCursorScreenPoint()).workArea;
    bar.setBounds({ x: Math.round(area.x + (area.width - BAR.width) / 2), y: Math.round(area.y + area.height * 0.18), ...BAR });
    const reveal = () => {
      bar.show();
      bar.focus();
    };
    // Shown before its first paint it would flash an empty frame.
    if (bar.webContents.isLoading()) bar.once('ready-to-show', reveal);
    else reveal();
  }

  hideCommandBar(): boolean {
    if (!this.bar || this.bar.isDestroyed() || !this.bar.isVisible()) return false;
    this.bar.hide();
    return true;
  }

  /**
   * Sends an event to every open window, after checking it against the contract. An event that
   * does not fit is logged and dropped here rather than thrown into the agent run that made it.
   */
  broadcast<C extends EventChannel>(channel: C, payload: EventPayload<C>): void {
    const checked = EVENT_SCHEMAS[channel].safeParse(payload);
    if (!checked.success) {
      console.error(`dropped a ${channel} event that breaks the IPC contract: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return;
    }
    for (const win of [this.main, this.bar]) if (win && !win.isDestroyed()) win.webContents.send(channel, checked.data);
  }

  closeAll(): void {
    for (const win of [this.main, this.bar]) if (win && !win.isDestroyed()) win.destroy();
  }

  /** Creates the command bar hidden (at startup), so the shortcut shows it without a load. */
  prepareCommandBar(): BrowserWindow {
    if (this.bar && !this.bar.isDestroyed()) return this.bar;
    this.bar = new BrowserWindow({
      ...BAR,
      show: false,
      frame: false,
      resizable: false,
      movable: true,
      minimizable: false,
      maximizable: false,
      fullscreenable: false,
      skipTaskbar: true,
      alwaysOnTop: true,
      title: 'Operant command bar',
      webPreferences: secureWebPreferences(this.preload),
    });
    // Above full-screen windows too, like a system launcher.
    this.bar.setAlwaysOnTop(true, 'screen-saver');
    const bar = this.bar;
    bar.on('blur', () => {
      if (!bar.isDestroyed() && !bar.webContents.isDevToolsOpened()) bar.hide();
    });
    void bar.loadURL(rendererUrl(this.location, 'bar'));
    return bar;
  }
}
