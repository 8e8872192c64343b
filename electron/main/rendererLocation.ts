// Where the app's own renderer lives, and whether a URL is it. Every IPC sender check, the
// navigation lock and the CSP header ask this one question, so they cannot disagree.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The Vite dev server during `electron-forge start`, the bundled index.html once packaged. */
export type RendererLocation = { kind: 'dev'; origin: string } | { kind: 'file'; indexUrl: string };

export function devRenderer(serverUrl: string): RendererLocation {
  return { kind: 'dev', origin: new URL(serverUrl).origin };
}

export function fileRenderer(indexHtml: string): RendererLocation {
  return { kind: 'file', indexUrl: pathToFileURL(path.resolve(indexHtml)).href };
}

/** The URL that shows `route` (a hash route such as "bar" or "session"). */
export function rendererUrl(location: RendererLocation, route: string): string {
  const base = location.kind === 'dev' ? `${location.origin}/` : location.indexUrl;
  return `${base}#/${route}`;
}

/** True when `url` is a page of the app's renderer (any route), and nothing else. */
export function isRendererUrl(url: string, location: RendererLocation): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.username || u.password) return false;
  if (location.kind === 'dev') return u.origin === location.origin;
  // A file URL has the opaque origin "null": compare the exact file, ignoring only the route.
  u.hash = '';
  u.search = '';
  return u.protocol === 'file:' && u.href === location.indexUrl;
}

/** What Electron's IPC event carries about the frame that sent it (`senderFrame` is a WebFrameMain). */
export interface SenderLike {
  senderFrame: { url: string; parent: unknown } | null;
}

/** Only the main frame of the app's own renderer may talk to the main process. */
export function isTrustedSender(event: SenderLike, location: RendererLocation): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isRendererUrl(frame.url, location);
}
