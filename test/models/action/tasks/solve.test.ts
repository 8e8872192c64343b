// Every family is solvable from the screen: in a real Chromium window on the X display, the
// expert's steps are performed through real input (xdotool, at screen pixels mapped by the
// harness), and the page's own checker flips from false to true.
import { execFileSync } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FAMILIES, generateTasks } from '../../../../models/action/tasks/generate.ts';
import { launchTaskBrowser, type OpenTask, openTask, type TaskBrowser } from '../../../../models/action/tasks/harness.ts';
import { solveWithExpert } from '../../../../models/action/tasks/realInput.ts';
import { FONTS } from '../../../../models/action/tasks/variation.ts';

let browser: TaskBrowser;
let open: OpenTask | undefined;
beforeAll(async () => {
  browser = await launchTaskBrowser();
});
afterEach(async () => {
  await open?.close();
  open = undefined;
});
afterAll(async () => {
  await browser?.close();
});

describe('every family is solvable through real input', () => {
  it('has every font the variation tables name (else pages silently fall back to one look)', () => {
    const installed = execFileSync('fc-list', [':', 'family'], { encoding: 'utf8' });
    const missing = [...FONTS.train, ...FONTS.test].filter((f) => !installed.split('\n').some((l) => l.split(',').includes(f)));
    expect(missing, 'install fonts-dejavu-core fonts-liberation fonts-urw-base35 fonts-noto-cjk').toEqual([]);
  });

  for (const split of ['train', 'test'] as const) {
    for (const task of generateTasks({ split, seed: 11, count: FAMILIES.length })) {
      it(`${split} ${task.family}: "${task.instruction}"`, async () => {
        open = await openTask(task, { browser });
        expect(await open.check(), 'check() before any input').toBe(false);
        const first = await open.expert();
        expect(first).not.toBeNull();
        const { steps, done } = await solveWithExpert(open);
        expect(done, `expert did not finish after ${JSON.stringify(steps)}`).toBe(true);
        expect(await open.check(), 'check() after the expert').toBe(true);
      });
    }
  }

  // Train pages of state families may end with a confirm button: pressed last, and only then solved.
  const confirmPages = generateTasks({ split: 'train', seed: 12, count: 4 * FAMILIES.length }).filter((t) => t.html.includes('id="ot-confirm"'));
  const confirmFamilies = [...new Set(confirmPages.map((t) => t.family))];
  it('adds confirm buttons to train pages of several state families, never to the test split', () => {
    expect(confirmFamilies.length).toBeGreaterThanOrEqual(5);
    expect(generateTasks({ split: 'test', seed: 12, count: 4 * FAMILIES.length }).some((t) => t.html.includes('id="ot-confirm"'))).toBe(false);
  });
  for (const task of confirmFamilies.map((f) => confirmPages.find((t) => t.family === f)!)) {
    it(`train ${task.family} with a confirm button: "${task.instruction}"`, async () => {
      open = await openTask(task, { browser });
      const { steps, done } = await solveWithExpert(open);
      expect(done).toBe(true);
      expect(await open.check()).toBe(true);
      expect(steps.at(-1)).toMatchObject({ type: 'click' });
      expect(await open.page.evaluate(() => document.getElementById('ot-confirmed')!.textContent)).toBe('Saved.');
    });
  }

  it('maps page pixels to the screen at the window position asked for, in a Chromium of its own', async () => {
    const [task] = generateTasks({ split: 'train', seed: 5, count: 1 });
    open = await openTask(task!, { windowX: 37, windowY: 21 });
    const origin = open.toScreen({ x: 0, y: 0 });
    expect(origin.x).toBe(37);
    expect(origin.y).toBeGreaterThan(21);
    expect(await open.page.evaluate(() => [innerWidth, innerHeight])).toEqual([task!.viewport.width, task!.viewport.height]);
  });
});
