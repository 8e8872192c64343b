// The agent loop on the real X display: a real task page in Chromium, the real perception stage,
// the committed action model (hash-verified), the real executor with nut-js input.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Perceiver } from '../../../engine/perception/perceiver.ts';
import type { Decision, Policy } from '../../../engine/policy/types.ts';
import { type AgentDeps, runAgent, type StepEvent } from '../../../electron/core/agentLoop.ts';
import { loadPolicy } from '../../../electron/core/agentLoopPolicy.ts';
import { ExecutorClient } from '../../../electron/core/executorClient.ts';
import { captureScreen } from '../../../electron/core/capture.ts';
import { generateTasks } from '../../../models/action/tasks/generate.ts';
import { type OpenTask, openTask } from '../../../models/action/tasks/harness.ts';

let perceiver: Perceiver;
let executor: ExecutorClient;
let policy: Policy;
let open: OpenTask | undefined;

beforeAll(async () => {
  perceiver = await Perceiver.create();
  executor = await ExecutorClient.start({ policy: 'permissive', display: process.env.DISPLAY, auditDir: '/tmp/operant-agentloop-audit' });
  policy = await loadPolicy({ model: 'embedded' });
});
afterAll(async () => {
  await executor?.close();
  await perceiver?.dispose();
  await policy?.close();
});
afterEach(async () => {
  await open?.close();
  open = undefined;
  perceiver.reset();
});

const deps = (p: Policy = policy): AgentDeps => ({ capture: () => captureScreen(), perceive: (f, o) => perceiver.perceive(f, o), policy: p, executor });

describe('agent loop on a real display', () => {
  it('completes a real task end to end from pixels, through the executor', async () => {
    const task = generateTasks({ split: 'test', seed: 7, count: 1, families: ['click_button'] })[0]!;
    open = await openTask(task);
    const steps: StepEvent[] = [];
    const result = await runAgent(deps(), { instruction: task.instruction, maxSteps: 5, thumbnails: true, onStep: (s) => steps.push(s) });
    expect(result.status, JSON.stringify({ task: task.instruction, steps: steps.map((s) => [s.actionText, s.decision, s.outcome.status]) })).toBe('finished');
    expect(await open.check()).toBe(true);
    expect(steps[0]!.outcome.status).toBe('performed');
    expect(steps[0]!.thumbnail).toMatch(/^data:image\/png;base64,/);
    expect(steps[0]!.timings.perceive).toBeGreaterThan(0);
  });

  it('stops when aborted, before acting again', async () => {
    const task = generateTasks({ split: 'test', seed: 8, count: 1, families: ['type_field'] })[0]!;
    open = await openTask(task);
    const abort = new AbortController();
    const result = await runAgent(deps(), { instruction: task.instruction, maxSteps: 10, signal: abort.signal, onStep: () => abort.abort() });
    expect(result.status).toBe('stopped');
    expect(result.steps).toBeLessThanOrEqual(1);
  });

  it('does not try the same action on an unchanged screen a third time', async () => {
    const task = generateTasks({ split: 'test', seed: 9, count: 1, families: ['click_button'] })[0]!;
    open = await openTask(task);
    // A policy stuck on one spot of empty background: the screen never changes.
    const stuck: Policy = {
      name: 'stuck',
      decide: async (): Promise<Decision> => ({ action: { type: 'click', at: { x: 3, y: 790 } }, confidence: 1, ms: 0 }),
      close: async () => {},
    };
    // Click the spot once beforehand: the first click there may still change the screen (a hover
    // from an earlier test ends, focus moves); from then on the screen is truly unchanged.
    await executor.perform({ type: 'click', at: { x: 3, y: 790 } });
    await new Promise((r) => setTimeout(r, 500));
    const steps: StepEvent[] = [];
    const result = await runAgent(deps(stuck), { instruction: 'click nothing', maxSteps: 10, onStep: (s) => steps.push(s) });
    expect(result.status).toBe('loop');
    expect(steps.filter((s) => s.outcome.status === 'performed')).toHaveLength(2);
  });
});
