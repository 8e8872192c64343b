// The monitor layout of an X display, from `xrandr --listmonitors`, so that actions can name a
// monitor ("DP-1") without Electron. X11 has one desktop in physical pixels and no per-monitor
// scale, so every monitor has scale factor 1 here; the app passes Electron's layout instead.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { DisplayInfo } from './displays.ts';

const run = promisify(execFile);

/** Parses lines such as ` 0: +*DP-1 1920/527x1080/296+0+0  DP-1`. */
export function parseXrandrMonitors(text: string): DisplayInfo[] {
  const monitors: DisplayInfo[] = [];
  for (const m of text.matchAll(/^\s*\d+:\s+\+?(\*?)(\S+)\s+(\d+)\/\d+x(\d+)\/\d+([+-]\d+)([+-]\d+)/gm)) {
    const [, star, name, w, h, x, y] = m as unknown as [string, string, string, string, string, string, string];
    monitors.push({ id: name, bounds: { x: Number(x), y: Number(y), width: Number(w), height: Number(h) }, scaleFactor: 1, ...(star ? { primary: true } : {}) });
  }
  if (monitors.length && !monitors.some((d) => d.primary)) monitors[0]!.primary = true;
  return monitors;
}

/** The monitors of the current X display, or undefined where xrandr is missing or says nothing. */
export async function x11Monitors(): Promise<DisplayInfo[] | undefined> {
  try {
    const layout = parseXrandrMonitors((await run('xrandr', ['--listmonitors'], { timeout: 5000 })).stdout);
    return layout.length ? layout : undefined;
  } catch {
    return undefined;
  }
}
