// Run as a child process by `operant doctor`: native input code can abort the process that loads
// it, so the probe is isolated and reports one JSON line.
import { mouse, Point, screen } from '@nut-tree-fork/nut-js';
import { uIOhook } from 'uiohook-napi';

interface ProbeResult {
  width: number;
  height: number;
  scale: number;
  input: { ok: boolean; detail: string };
  hooks: { ok: boolean; detail: string };
}

async function probe(): Promise<ProbeResult> {
  const width = await screen.width();
  const height = await screen.height();
  const img = await screen.grabRegion({ left: 0, top: 0, width: 8, height: 8 } as never);
  const scale = img.pixelDensity?.scaleX ?? 1;

  const before = await mouse.getPosition();
  const target = new Point(Math.floor(width / 2) + 7, Math.floor(height / 2) + 3);
  await mouse.setPosition(target);
  const after = await mouse.getPosition();
  const inputOk = after.x === target.x && after.y === target.y;

  let hooked = false;
  uIOhook.on('mousemove', () => (hooked = true));
  uIOhook.start();
  for (let i = 0; i < 20 && !hooked; i++) {
    await mouse.setPosition(new Point(target.x + (i % 2 ? 5 : -5), target.y));
    await new Promise((r) => setTimeout(r, 50));
  }
  uIOhook.stop();
  await mouse.setPosition(before);

  return {
    width,
    height,
    scale,
    input: { ok: inputOk, detail: inputOk ? 'mouse moves and reads back' : `moved to ${target.x},${target.y} but read ${after.x},${after.y}` },
    hooks: { ok: hooked, detail: hooked ? 'global hook saw synthesized mouse events' : 'global hook saw no events within 1 s' },
  };
}

probe().then(
  (r) => {
    process.stdout.write(`${JSON.stringify(r)}\n`);
    process.exit(0);
  },
  (e: Error) => {
    process.stdout.write(`${JSON.stringify({ error: e.message })}\n`);
    process.exit(1);
  },
);
