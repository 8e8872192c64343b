import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseXrandrMonitors, x11Monitors } from '../../../electron/executor/x11Monitors.ts';
import { toBackendPoint } from '../../../electron/executor/displays.ts';

describe('X11 monitor layout', () => {
  it('reads xrandr --listmonitors: names, physical geometry, the primary monitor', () => {
    const text = `Monitors: 3
 0: +*DP-1 2560/597x1440/336+0+0  DP-1
 1: +HDMI-1 1920/527x1080/296+2560+180  HDMI-1
 2: +eDP-1 1920/344x1200/215-1920+0  eDP-1
`;
    const layout = parseXrandrMonitors(text);
    expect(layout).toEqual([
      { id: 'DP-1', bounds: { x: 0, y: 0, width: 2560, height: 1440 }, scaleFactor: 1, primary: true },
      { id: 'HDMI-1', bounds: { x: 2560, y: 180, width: 1920, height: 1080 }, scaleFactor: 1 },
      { id: 'eDP-1', bounds: { x: -1920, y: 0, width: 1920, height: 1200 }, scaleFactor: 1 },
    ]);
    expect(toBackendPoint({ x: 10, y: 20, display: 'HDMI-1' }, layout, 'physical')).toEqual({ x: 2570, y: 200 });
    expect(toBackendPoint({ x: 10, y: 20, display: 'eDP-1' }, layout, 'physical')).toEqual({ x: -1910, y: 20 });
    expect(toBackendPoint({ x: 10, y: 20, display: 'primary' }, layout, 'physical')).toEqual({ x: 10, y: 20 });
  });

  it('makes the first monitor primary when none is marked, and reads nothing from garbage', () => {
    expect(parseXrandrMonitors(' 0: +screen 1280/339x800/212+0+0  screen')[0]).toMatchObject({ id: 'screen', primary: true });
    expect(parseXrandrMonitors('xrandr: command failed')).toEqual([]);
  });

  it.runIf(process.env.DISPLAY)('matches what the X server reports for this display', async () => {
    const layout = await x11Monitors();
    const [, w, h] = /dimensions:\s+(\d+)x(\d+) pixels/.exec(execFileSync('xdpyinfo', { encoding: 'utf8' }))!;
    expect(layout?.[0]).toMatchObject({ primary: true, bounds: { x: 0, y: 0, width: Number(w), height: Number(h) } });
  });
});
