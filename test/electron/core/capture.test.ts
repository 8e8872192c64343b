// Capture of the real X display the tests run on (Xvfb in CI).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { captureScreen } from '../../../electron/core/capture.ts';

describe('captureScreen', () => {
  it('returns the display as tight RGBA in physical pixels', async () => {
    const info = spawnSync('xdpyinfo', ['-display', process.env.DISPLAY!], { encoding: 'utf8' }).stdout;
    const [, w, h] = /dimensions:\s+(\d+)x(\d+) pixels/.exec(info)!;
    const f = await captureScreen();
    expect([f.width, f.height]).toEqual([Number(w), Number(h)]);
    expect(f.display).toBe(process.env.DISPLAY);
    expect(f.data.length).toBe(f.width * f.height * 4);
    for (let i = 3; i < f.data.length; i += 4 * 997) expect(f.data[i]).toBe(255);
  });

  it('refuses a second display in the same process, saying how to capture it', async () => {
    await expect(captureScreen({ display: ':4242' })).rejects.toMatchObject({ exitCode: 2 });
  });
});
