// What checking an IPC message costs: the router's sender check and zod validation of a step
// event (with a real-sized PNG thumbnail), against the structured clone Electron performs on
// every message anyway. A ratio well under 1 means validation is not what limits the timeline.
import sharp from 'sharp';
import { StepEvent } from '../electron/shared/ipc.ts';
import { createRouter, type Handlers } from '../electron/main/ipcRouter.ts';
import { fileRenderer } from '../electron/main/rendererLocation.ts';

function timeIt(runs: number, f: () => unknown): number {
  for (let i = 0; i < Math.min(50, runs); i++) f();
  const t = performance.now();
  for (let i = 0; i < runs; i++) f();
  return (performance.now() - t) / runs;
}

async function timeAsync(runs: number, f: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 50; i++) await f();
  const t = performance.now();
  for (let i = 0; i < runs; i++) await f();
  return (performance.now() - t) / runs;
}

export default async function ipc() {
  // A 320×200 thumbnail of noise: about the largest a downscaled frame compresses to.
  const raw = Buffer.from(Array.from({ length: 320 * 200 * 3 }, () => Math.floor(Math.random() * 256)));
  const png = await sharp(raw, { raw: { width: 320, height: 200, channels: 3 } }).png().toBuffer();
  const step = {
    sessionId: 'run1',
    index: 3,
    thumbnail: `data:image/png;base64,${png.toString('base64')}`,
    frame: { width: 1920, height: 1080 },
    action: { type: 'click', at: { x: 640, y: 330 } },
    actionText: "click(start_box='(640,330)')",
    decision: { policy: 'embedded', confidence: 0.9, target: { kind: 'button', text: 'Save' } },
    outcome: { status: 'performed', approvedBy: 'policy' },
    timings: { capture: 38, perceive: 212, decide: 486, act: 41 },
  };
  const cloneMs = timeIt(300, () => structuredClone(step));
  const validateMs = timeIt(300, () => StepEvent.parse(step));

  const location = fileRenderer('/opt/Operant/app/index.html');
  const noop = () => ({ status: 'idle' as const });
  const routed = createRouter({ 'agent:stop': noop } as unknown as Handlers, location, () => undefined);
  const sender = { senderFrame: { url: `${location.kind === 'file' ? location.indexUrl : ''}#/session`, parent: null } };
  const routedMs = await timeAsync(5000, () => routed['agent:stop'](sender, undefined));
  const bareMs = await timeAsync(5000, async () => noop());
  return {
    thumbnailKB: Math.round(png.length / 1024),
    stepEvent: { structuredCloneMs: +cloneMs.toFixed(4), zodValidateMs: +validateMs.toFixed(4), validateOverClone: +(validateMs / cloneMs).toFixed(2) },
    invoke: { routedUs: +(routedMs * 1000).toFixed(2), bareUs: +(bareMs * 1000).toFixed(2), routedOverBare: +(routedMs / bareMs).toFixed(1) },
  };
}
