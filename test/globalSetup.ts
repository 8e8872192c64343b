// Gives the test run a real X display: the one in DISPLAY, or a fresh Xvfb when there is none,
// so `npm test` works the same on a desktop, a headless box and CI.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

let xvfb: ChildProcess | undefined;

export async function setup() {
  if (process.env.DISPLAY) return;
  let n = 90;
  while (existsSync(`/tmp/.X11-unix/X${n}`) || existsSync(`/tmp/.X${n}-lock`)) n++;
  xvfb = spawn('Xvfb', [`:${n}`, '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  xvfb.on('error', (e) => {
    throw new Error(`could not start Xvfb (${e.message}): install it with \`apt-get install -y xvfb\`, or set DISPLAY`);
  });
  for (let i = 0; i < 100 && !existsSync(`/tmp/.X11-unix/X${n}`); i++) await new Promise((r) => setTimeout(r, 50));
  if (!existsSync(`/tmp/.X11-unix/X${n}`)) throw new Error(`Xvfb :${n} did not start within 5 s`);
  process.env.DISPLAY = `:${n}`;
}

export async function teardown() {
  xvfb?.kill();
}
