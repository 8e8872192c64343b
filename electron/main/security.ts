// Locks every web contents to the app's own renderer: a CSP header on its responses, no
// navigation elsewhere, no new windows, no <webview>, no permission prompts.
import type { Session, WebContents, WebPreferences } from 'electron';
import { isRendererUrl, type RendererLocation } from './rendererLocation.ts';

/** The only web preferences an Operant window is created with. */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

export function lockDownSession(session: Session, location: RendererLocation, csp: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const responseHeaders = { ...details.responseHeaders };
    if (isRendererUrl(details.url, location)) responseHeaders['Content-Security-Policy'] = [csp];
    callback({ responseHeaders });
  });
  // Operant asks for nothing the browser would prompt for (the microphone comes with voice input).
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export function lockDownContents(contents: WebContents, location: RendererLocation): void {
  const stayHome = (event: { preventDefault(): void }, url: string) => {
    if (!isRendererUrl(url, location)) event.preventDefault();
  };
  contents.on('will-navigate', (event) => stayHome(event, event.url));
  contents.on('will-redirect', (event) => stayHome(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
