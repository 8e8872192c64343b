// The evaluation harness, end to end on the real display: the expert through real input scores
// every task, an agent that does nothing scores none, and a missing agent is a clear error.
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentCommandLine, parseAgentOutput } from '../../../../models/action/tasks/agentCommand.ts';
import { evaluate } from '../../../../models/action/tasks/evaluate.ts';
import { openTask } from '../../../../models/action/tasks/harness.ts';
import { generateTasks } from '../../../../models/action/tasks/generate.ts';
import { percentile, summarize } from '../../../../models/action/tasks/summary.ts';

const tasks = generateTasks({ split: 'test', seed: 4, count: 2, families: ['click_tab', 'checkbox'] });

describe('evaluation harness', () => {
  it('quotes the instruction for the shell and sorts step lines from the final line', () => {
    expect(agentCommandLine('agent run {instruction} --max {maxSteps}', `it's "odd" $HOME`, 9)).toBe(`agent run 'it'\\''s "odd" $HOME' --max 9`);
    expect(agentCommandLine('agent', 'go', 3)).toBe(`agent 'go'`);
    const out = parseAgentOutput('{"index":0,"timings":{"capture":5,"decide":7}}\nloading model\n{"status":"finished","steps":1}\n');
    expect(out.steps).toHaveLength(1);
    expect(out.final).toEqual({ status: 'finished', steps: 1 });
    expect(out.stray).toEqual(['loading model']);
    expect(percentile([5, 1, 4, 2, 3], 0.5)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95)).toBe(10);
  });

  it('scores the expert through real input as solving every task, with per-stage times', async () => {
    const results = await evaluate(tasks, { agent: 'expert', maxSteps: 15, taskTimeoutMs: 60_000 });
    const s = summarize(results);
    expect(s.overall).toMatchObject({ tasks: 2, succeeded: 2, successRate: 1 });
    expect(Object.keys(s.byFamily).sort()).toEqual(['checkbox', 'click_tab']);
    expect(s.perStepMs.act!.median).toBeGreaterThan(0);
  });

  it('scores an agent that prints steps but does nothing as failing, reads its timings and keeps a screenshot', async () => {
    const agent = `true {instruction}; echo '{"index":0,"timings":{"capture":12,"perceive":30,"decide":8,"act":1}}'; echo '{"status":"finished","steps":1}'`;
    const shotsDir = mkdtempSync(path.join(os.tmpdir(), 'operant-eval-'));
    const results = await evaluate(tasks.slice(0, 1), { agent, maxSteps: 15, taskTimeoutMs: 20_000, shotsDir });
    expect(results[0]).toMatchObject({ success: false, steps: 1, status: 'finished', exitCode: 0 });
    expect(existsSync(path.join(shotsDir, `${tasks[0]!.id}.png`))).toBe(true);
    expect(summarize(results).perStepMs.decision).toEqual({ median: 38, p95: 38, mean: 38 });
  });

  it('scores a page the agent navigated away from as failed, with no next step, instead of crashing', async () => {
    const open = await openTask(tasks[0]!);
    try {
      await open.page.goto('data:text/html,<p>somewhere else</p>');
      expect(await open.check()).toBe(false);
      expect(await open.expert()).toBeNull();
    } finally {
      await open.close();
    }
  });

  it('stops with an error that names the fix when the agent command is missing', async () => {
    await expect(evaluate(tasks, { agent: 'operant-no-such-agent {instruction}', maxSteps: 15, taskTimeoutMs: 20_000 })).rejects.toThrow(/printed no JSON lines and exited with code 127.*--agent expert/s);
  });
});
