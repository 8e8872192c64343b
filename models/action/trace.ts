// Traces the action model on rendered tasks, step by step, next to what the task's expert would
// do: the first tool to reach for when a family fails. Runs on the current X display.
// Usage: tsx models/action/trace.ts [--split test] [--seed 1] [--count 46] [--families a,b] [--elements]
//   [--expert]   the expert acts (no model needed): what perception shows at each step of a solution
//   [--id test-2-43-select_custom]   only the tasks with these ids (comma-separated) of that selection
//   [--shot DIR]   save each step's screen as DIR/<task id>-<step>.png, to look at
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { captureScreen } from '../../electron/core/capture.ts';
import { Perceiver } from '../../engine/perception/perceiver.ts';
import type { Perception, UiElement } from '../../engine/perception/types.ts';
import { ActionModel } from '../../engine/policy/actionModel.ts';
import { describe } from '../../engine/policy/decode.ts';
import { elementUnder, rememberStep } from '../../engine/policy/elementMemory.ts';
import type { PolicyAction, StepMemory } from '../../engine/policy/types.ts';
import { expertAction } from './episode.ts';
import { taskEpisode } from './rendered/taskEpisode.ts';
import { generateTasks } from './tasks/generate.ts';
import { actionModelFiles } from './writeManifest.ts';
import type { Split } from './tasks/types.ts';

const { values } = parseArgs({
  options: {
    split: { type: 'string', default: 'test' }, seed: { type: 'string', default: '1' }, count: { type: 'string', default: '46' },
    families: { type: 'string' }, id: { type: 'string' }, elements: { type: 'boolean', default: false }, expert: { type: 'boolean', default: false }, shot: { type: 'string' }, 'max-steps': { type: 'string', default: '10' },
  },
});

const short = (e?: UiElement) => (e ? `${e.kind}${e.state?.checked !== undefined ? (e.state.checked ? '[x]' : '[ ]') : ''} "${e.text.slice(0, 30)}" @${e.box.map(Math.round).join(',')}` : '—');
const at = (a: PolicyAction) => (a.type === 'click' || a.type === 'double_click' || a.type === 'right_click' ? a.at : a.type === 'drag' ? a.from : undefined);
const under = (p: Perception, a: PolicyAction) => {
  const pt = at(a);
  return pt ? short(p.elements[elementUnder(p.elements, pt)]) : '';
};

if (values.shot) mkdirSync(values.shot, { recursive: true });
const grab = async () => {
  const frame = await captureScreen();
  shots.push(frame);
  return frame;
};
let shots: Awaited<ReturnType<typeof captureScreen>>[] = [];
const policy = values.expert ? undefined : await ActionModel.load(actionModelFiles('models/action'));
const perceiver = await Perceiver.create({ threads: 1 });
const tasks = generateTasks({ split: values.split as Split, seed: Number(values.seed), count: Number(values.count), families: values.families?.split(',') }).filter((t) => !values.id || values.id.split(',').includes(t.id));
let solved = 0;
for (const task of tasks) {
  const ep = await taskEpisode(task, perceiver, grab);
  console.log(`\n=== ${task.id} ${JSON.stringify(task.instruction)} (${task.variation.widget}, ${task.variation.phrasing})`);
  const history: StepMemory[] = [];
  let previous: Perception | undefined;
  try {
    for (let step = 0; step < Number(values['max-steps']); step++) {
      shots = [];
      const perception = await ep.observe();
      const shown = shots.at(-1);
      if (values.shot && shown) await sharp(shown.data, { raw: { width: shown.width, height: shown.height, channels: 4 } }).png().toFile(join(values.shot, `${task.id}-${step}.png`));
      if (values.elements) for (const e of perception.elements) console.log(`    ${short(e)}`);
      const exp = await ep.expert();
      const want = exp ? expertAction(exp) : ({ type: 'finished' } as PolicyAction);
      const d = policy ? await policy.decide({ instruction: task.instruction, perception, previous, history }) : { action: want, confidence: 1 };
      const mark = d.action.type === want.type ? ' ' : '✗';
      if (policy) console.log(`  ${step}${mark} model ${describe(d.action)} ${(d.confidence * 100).toFixed(0)}% → ${under(perception, d.action)}${"thought" in d && d.thought ? ` (${d.thought})` : ""}`);
      console.log(`     expert ${describe(want)} → ${under(perception, want)}`);
      if (d.action.type === 'finished' || d.action.type === 'call_user') break;
      const changed = await ep.act(d.action);
      history.push(rememberStep(d.action, changed, perception, history));
      previous = perception;
    }
    const ok = await ep.check();
    solved += ok ? 1 : 0;
    console.log(`  ${ok ? 'SOLVED' : 'FAILED'}`);
  } catch (e) {
    console.log(`  BROKEN ${(e as Error).message.split('\n')[0]}`);
  } finally {
    await ep.close().catch(() => {});
  }
}
console.log(`\n${solved}/${tasks.length} solved`);
await policy?.close();
await perceiver.dispose();
