// An Episode over a rendered task of the suite: Chromium on the real X display, the screen read by
// the real perception stage, actions performed with real X input. This is what the model sees and
// does at run time, so it is what the committed model is trained on.
import { createHash } from 'node:crypto';
import type { Perceiver } from '../../../engine/perception/perceiver.ts';
import type { PolicyAction } from '../../../engine/policy/types.ts';
import type { Frame } from '../../../electron/core/capture.ts';
import type { Episode } from '../episode.ts';
import type { ExpertStep } from '../expertStep.ts';
import { openTask, type OpenTask, type TaskBrowser } from '../tasks/harness.ts';
import { performStep } from '../tasks/realInput.ts';
import type { TaskSpec } from '../tasks/types.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function asStep(a: PolicyAction): ExpertStep | null {
  switch (a.type) {
    case 'click':
    case 'double_click':
    case 'right_click':
      return { type: a.type, x: a.at.x, y: a.at.y };
    case 'scroll':
      return { type: 'scroll', x: a.at?.x ?? 640, y: a.at?.y ?? 400, direction: a.direction, amount: a.amount };
    case 'drag':
    case 'type':
    case 'hotkey':
      return a;
    default:
      return null;
  }
}

/** With `browser`, the task opens a window in that shared Chromium instead of starting its own (about a second saved per task). */
export async function taskEpisode(task: TaskSpec, perceiver: Perceiver, grab: () => Promise<Frame>, browser?: TaskBrowser): Promise<Episode> {
  const open: OpenTask = await openTask(task, { headless: false, browser });
  // Actions are already in screen pixels: perform them with an identity mapping.
  const screenSpace: OpenTask = { ...open, toScreen: (p) => ({ x: Math.round(p.x), y: Math.round(p.y) }) };
  perceiver.reset();
  const hash = (f: Frame) => createHash('sha1').update(f.data).digest('hex');
  let last: Frame | undefined;
  // The window may still be painting when the page reports loaded: wait for two equal frames.
  const settled = async () => {
    let prev = hash(await grab());
    for (let i = 0; i < 20; i++) {
      await sleep(150);
      last = await grab();
      const h = hash(last);
      if (h === prev) return last;
      prev = h;
    }
    return last!;
  };
  return {
    family: task.family,
    instruction: task.instruction,
    alternatives: task.alternatives,
    async observe() {
      last = last ? await grab() : await settled();
      return perceiver.perceive(last, { incremental: true });
    },
    async expert() {
      const step = await open.expert();
      if (!step) return { type: 'finished' };
      switch (step.type) {
        case 'click':
        case 'double_click':
        case 'right_click':
        case 'scroll':
          return { ...step, ...open.toScreen(step) };
        case 'drag':
          return { type: 'drag', from: open.toScreen(step.from), to: open.toScreen(step.to) };
        default:
          return step;
      }
    },
    async act(action) {
      const step = asStep(action);
      if (!step) return false;
      const before = last ? hash(last) : '';
      await performStep(screenSpace, step);
      await sleep(250);
      last = await grab();
      return hash(last) !== before;
    },
    check: () => open.check(),
    close: () => open.close(),
  };
}
