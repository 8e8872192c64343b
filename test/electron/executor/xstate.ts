// Reads the X server's own record of which keys and buttons are down (XTEST devices), so tests
// check the real state rather than what the executor believes.
import { execFileSync } from 'node:child_process';

function downIn(device: string, display: string): string[] {
  const out = execFileSync('xinput', ['query-state', device], { env: { ...process.env, DISPLAY: display }, encoding: 'utf8' });
  return [...out.matchAll(/(key|button)\[(\d+)\]=down/g)].map((m) => `${m[1]}${m[2]}`);
}

/** Every key and button the X server has down from synthesized input, e.g. ["key50", "button1"]. */
export function heldInX(display = process.env.DISPLAY!): string[] {
  return [...downIn('Virtual core XTEST keyboard', display), ...downIn('Virtual core XTEST pointer', display)];
}

export function pointerAt(display = process.env.DISPLAY!): { x: number; y: number } {
  const out = execFileSync('xdotool', ['getmouselocation', '--shell'], { env: { ...process.env, DISPLAY: display }, encoding: 'utf8' });
  return { x: Number(/X=(\d+)/.exec(out)![1]), y: Number(/Y=(\d+)/.exec(out)![1]) };
}
