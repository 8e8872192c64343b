// The committed action model: it loads from the repository (hash-verified by the registry) and
// decides right on real rendered screens read by the real perception stage.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Perceiver } from '../../../engine/perception/perceiver.ts';
import { ACTION_MODEL_ID, ActionModel } from '../../../engine/policy/actionModel.ts';
import { captureScreen } from '../../../electron/core/capture.ts';
import { generateTasks } from '../../../models/action/tasks/generate.ts';
import { type OpenTask, openTask } from '../../../models/action/tasks/harness.ts';
import { modelFiles } from '../../../models/registry.ts';

let model: ActionModel;
let perceiver: Perceiver;
let open: OpenTask | undefined;

beforeAll(async () => {
  const files = await modelFiles(ACTION_MODEL_ID);
  model = await ActionModel.load(files);
  perceiver = await Perceiver.create();
});
afterAll(async () => {
  await model?.close();
  await perceiver?.dispose();
});
afterEach(async () => {
  await open?.close();
  open = undefined;
  perceiver.reset();
});

/** The page element under a screen point, by its text: what a click there would hit. */
async function hit(o: OpenTask, x: number, y: number): Promise<string> {
  const origin = o.toScreen({ x: 0, y: 0 });
  return o.page.evaluate(({ px, py }) => {
    const el = document.elementFromPoint(px, py);
    return (el?.closest('button, a, [role], label, li, input, select') ?? el)?.outerHTML.slice(0, 120) ?? '';
  }, { px: x - origin.x, py: y - origin.y });
}

describe('the committed action model on real screens', () => {
  it('is registered with a manifest whose hashes match the files', async () => {
    const files = await modelFiles(ACTION_MODEL_ID);
    expect(Object.keys(files).sort()).toEqual(['model', 'vocab', 'words']);
  });

  // Families the end-to-end evaluation solves (models/action/eval-report.json has the misses):
  // this guards them against regressions in the model, its features or the perception stage.
  for (const family of ['click_button', 'click_link', 'similar_text']) {
    it(`clicks what the expert would click: ${family}`, async () => {
      const task = generateTasks({ split: 'test', seed: 3, count: 1, families: [family] })[0]!;
      open = await openTask(task);
      await new Promise((r) => setTimeout(r, 500));
      const perception = await perceiver.perceive(await captureScreen(), { incremental: false });
      const d = await model.decide({ instruction: task.instruction, perception, history: [] });
      const expert = (await open.expert())!;
      expect(d.action.type, `${task.instruction}: ${JSON.stringify(d)}`).toBe('click');
      expect(expert.type).toBe('click');
      const want = open.toScreen(expert as { x: number; y: number });
      const at = (d.action as { at: { x: number; y: number } }).at;
      expect(await hit(open, at.x, at.y), task.instruction).toBe(await hit(open, want.x, want.y));
    });
  }
});
