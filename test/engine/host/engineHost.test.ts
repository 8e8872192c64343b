// The engine host runs perception in a worker thread: the caller's event loop keeps turning.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { EngineHost } from '../../../engine/host/engineHost.ts';

/** A small screenshot-like frame: dark words on white, drawn by librsvg. */
async function frame() {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="120"><rect width="480" height="120" fill="#fff"/><text x="20" y="50" font-family="DejaVu Sans" font-size="16" fill="#222">Open the settings window</text><rect x="20" y="70" width="90" height="30" rx="4" fill="#1a73e8"/><text x="38" y="90" font-family="DejaVu Sans" font-size="14" fill="#fff">Submit</text></svg>`;
  const { data, info } = await sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data };
}

describe('EngineHost', () => {
  it('perceives in a worker without blocking the caller, then disposes', async () => {
    const host = await EngineHost.start({ threads: 1 });
    try {
      let ticks = 0;
      const timer = setInterval(() => ticks++, 5);
      const p = await host.perceive(await frame());
      clearInterval(timer);
      expect(p.elements.map((e) => e.text)).toEqual(expect.arrayContaining(['Open', 'settings', 'window', 'Submit']));
      // Inference took far longer than one tick; the caller's timers kept firing throughout.
      expect(ticks).toBeGreaterThan(p.timings.total! / 5 / 4);
      await host.reset();
      await expect(host.perceive({ width: 0, height: 0, data: Buffer.alloc(0) })).rejects.toMatchObject({ exitCode: 2 });
    } finally {
      await host.dispose();
    }
    await expect(host.perceive(await frame())).rejects.toThrow(/disposed/);
    await host.dispose();
  });
});
