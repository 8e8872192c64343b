// The lock-down of sessions and web contents, driven through recorders shaped like Electron's
// Session and WebContents (the binary is not here): the CSP header goes on the app's pages only,
// permissions are refused, navigation away is prevented, new windows and <webview> are denied.
import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildCsp } from '../../../electron/main/csp.ts';
import { devRenderer, fileRenderer } from '../../../electron/main/rendererLocation.ts';
import { lockDownContents, lockDownSession, secureWebPreferences } from '../../../electron/main/security.ts';
import { StepEvent } from '../../../electron/shared/ipc.ts';

const app = fileRenderer('/opt/Operant/app/.vite/renderer/main_window/index.html');

function navigation(url: string) {
  const event = { url, prevented: false, preventDefault: () => void (event.prevented = true) };
  return event;
}

describe('window lock-down', () => {
  it('creates every window sandboxed, isolated and without Node', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toMatchObject({ preload: '/app/preload.cjs', contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
  });

  it('keeps navigation on the app, and denies new windows and webviews', () => {
    const contents = new EventEmitter() as EventEmitter & { openHandler?: () => unknown; setWindowOpenHandler(h: () => unknown): void };
    contents.setWindowOpenHandler = (h) => void (contents.openHandler = h);
    lockDownContents(contents as unknown as WebContents, app);
    for (const [url, allowed] of [
      ['file:///opt/Operant/app/.vite/renderer/main_window/index.html#/settings', true],
      ['https://evil.example/', false],
      ['file:///etc/passwd', false],
    ] as const) {
      for (const name of ['will-navigate', 'will-redirect']) {
        const e = navigation(url);
        contents.emit(name, e);
        expect(e.prevented, `${name} ${url}`).toBe(!allowed);
      }
    }
    const webview = navigation('');
    contents.emit('will-attach-webview', webview);
    expect(webview.prevented).toBe(true);
    expect(contents.openHandler!()).toEqual({ action: 'deny' });
  });
});

describe('session lock-down', () => {
  it('sends the CSP header with the app pages only, and refuses every permission', () => {
    let onHeaders: ((details: object, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void) | undefined;
    let onPermission: ((contents: unknown, permission: string, cb: (ok: boolean) => void) => void) | undefined;
    let onCheck: (() => boolean) | undefined;
    const session = {
      webRequest: { onHeadersReceived: (l: typeof onHeaders) => void (onHeaders = l) },
      setPermissionRequestHandler: (h: typeof onPermission) => void (onPermission = h),
      setPermissionCheckHandler: (h: typeof onCheck) => void (onCheck = h),
    };
    const location = devRenderer('http://localhost:5173');
    const csp = buildCsp({ dev: true });
    lockDownSession(session as unknown as Session, location, csp);
    const headersFor = (url: string) => {
      let out: Record<string, string[]> = {};
      onHeaders!({ url, responseHeaders: { 'Content-Type': ['text/html'] } }, (r) => (out = r.responseHeaders));
      return out;
    };
    expect(headersFor('http://localhost:5173/index.html')).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [csp] });
    expect(headersFor('https://example.com/')).toEqual({ 'Content-Type': ['text/html'] });
    const answers: boolean[] = [];
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read']) onPermission!({}, p, (ok) => answers.push(ok));
    expect(answers).toEqual([false, false, false, false]);
    expect(onCheck!()).toBe(false);
  });
});

describe('CSP', () => {
  it('allows scripts only from the app in production, and adds only hashes in development', () => {
    const prod = buildCsp({ dev: false });
    expect(prod).toContain("script-src 'self';");
    expect(prod).toContain("default-src 'none'");
    expect(prod).not.toContain('unsafe');
    const dev = buildCsp({ dev: true, devScriptHashes: ["'sha256-abc='"] });
    expect(dev).toContain("script-src 'self' 'sha256-abc=';");
    expect(dev).not.toMatch(/script-src[^;]*unsafe/);
  });
});

describe('step events', () => {
  it('carry only PNG data URLs as thumbnails', () => {
    const step = {
      sessionId: 'run1',
      index: 0,
      action: { type: 'wait', ms: 100 },
      actionText: 'wait()',
      decision: { policy: 'embedded', confidence: 0.5 },
      outcome: { status: 'performed' },
      timings: {},
    };
    expect(StepEvent.safeParse({ ...step, thumbnail: 'data:image/png;base64,iVBORw0KGgo=' }).success).toBe(true);
    for (const thumbnail of ['data:text/html;base64,PHNjcmlwdD4=', 'javascript:alert(1)', 'https://evil.example/x.png', 'file:///etc/passwd']) {
      expect(StepEvent.safeParse({ ...step, thumbnail }).success, thumbnail).toBe(false);
    }
  });
});
