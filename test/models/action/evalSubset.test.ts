// The evaluation in CI: a small seeded subset of the test split, end to end through the real
// `operant run` (pixels in, nut-js input out), scored by each page's own checker. The full run is
// `npm run eval:tasks` / `npm run bench -- evalTasks`.
import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENT } from '../../../models/action/tasks/agentCommand.ts';
import { evaluate } from '../../../models/action/tasks/evaluate.ts';
import { generateTasks } from '../../../models/action/tasks/generate.ts';
import { summarize } from '../../../models/action/tasks/summary.ts';

const FAMILIES = ['click_button', 'click_link', 'type_field'];

describe('evaluation on a seeded subset of the test split', () => {
  it('runs `operant run` on every task and solves most of them from the screen alone', async () => {
    const tasks = generateTasks({ split: 'test', seed: 3, count: FAMILIES.length, families: FAMILIES });
    const results = await evaluate(tasks, { agent: DEFAULT_AGENT, maxSteps: 8, taskTimeoutMs: 90_000 });
    const summary = summarize(results);
    const detail = JSON.stringify(results.map((r) => ({ id: r.id, success: r.success, status: r.status, steps: r.steps })));
    expect(summary.overall.tasks, detail).toBe(FAMILIES.length);
    expect(results.every((r) => r.steps >= 1), detail).toBe(true);
    expect(summary.perStepMs.perceive!.median).toBeGreaterThan(0);
    expect(summary.perStepMs.decide!.median).toBeGreaterThan(0);
    // These families are the model's strongest; fewer than two of three means a regression.
    expect(summary.overall.succeeded, detail).toBeGreaterThanOrEqual(2);
  }, 300_000);
});
