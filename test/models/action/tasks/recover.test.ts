// The expert reads the state, not a script: after real input has put a task into a wrong but
// recoverable state (as a learning policy will), its next steps still solve the task. This is what
// makes its labels usable for DAgger-style training on the policy's own mistakes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTasks } from '../../../../models/action/tasks/generate.ts';
import { launchTaskBrowser, openTask, type TaskBrowser } from '../../../../models/action/tasks/harness.ts';
import { performStep, settle, solveWithExpert } from '../../../../models/action/tasks/realInput.ts';
import type { ExpertStep } from '../../../../models/action/tasks/types.ts';

type Point = { x: number; y: number };
let browser: TaskBrowser;
beforeAll(async () => {
  browser = await launchTaskBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Wrong moves per family, computed from the page (the test may read the DOM; the agent may not). */
/** The centre of the i-th element matching `sel` (negative i counts from the end). */
type Centre = (sel: string, i?: number) => Promise<Point>;
/** Each mistake is a list of steps, each computed just before it is performed. */
const MISTAKES: Record<string, ((c: Centre) => Promise<ExpertStep>)[]> = {
  // Text typed into a field the instruction did not name: the expert must clear it as well.
  type_field: [async (c) => ({ type: 'click', ...(await c('input[data-i]', -1)) }), async () => ({ type: 'type', text: 'zzz' })],
  checkbox: [async (c) => ({ type: 'click', ...(await c('[data-i] input, [data-i] .box, [data-i] .sw, .chip[data-i]', 0)) })],
  slider: [async (c) => ({ type: 'click', ...(await c('#sl')) })],
  date_picker: [async (c) => ({ type: 'click', ...(await c('#date')) }), async (c) => ({ type: 'click', ...(await c('.cal .nav[data-dir="1"]')) })],
  select_custom: [async (c) => ({ type: 'click', ...(await c('.dd .cur', 0)) }), async (c) => ({ type: 'click', ...(await c('.dd[data-open="1"] .opt', 3)) })],
};

describe('the expert recovers from wrong states', () => {
  for (const [family, mistakes] of Object.entries(MISTAKES)) {
    it(family, async () => {
      const [task] = generateTasks({ split: 'train', seed: 21, count: 1, families: [family] });
      const open = await openTask(task!, { browser });
      try {
        const centre = async (sel: string, i = 0) =>
          open.page.evaluate(({ sel, i }) => {
            const all = document.querySelectorAll(sel);
            const r = all[i < 0 ? all.length + i : i]!.getBoundingClientRect();
            return { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2) };
          }, { sel, i });
        for (const mistake of mistakes) {
          await performStep(open, await mistake(centre));
          await settle(open);
        }
        expect(await open.check(), 'the mistake left the task unsolved').toBe(false);
        const { done, steps } = await solveWithExpert(open, 20);
        expect(done, `no recovery after ${JSON.stringify(steps)}`).toBe(true);
        expect(await open.check()).toBe(true);
      } finally {
        await open.close();
      }
    });
  }
});
