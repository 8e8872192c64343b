// The wiring from the app to the agent core, with a scripted core in place of the real loop and
// executor (the real ones: test/electron/engineHost/agentRun.test.ts): the executor gets the chosen
// policy and the approval dialog, loop steps become valid timeline events, Stop stops the
// executor, and it is always closed.
import { describe, expect, it } from 'vitest';
import { type AgentCore, createAgentRunner, type LoopResult, type LoopStep, toRunResult, toStepEvent } from '../../../electron/main/agentRunner.ts';
import { StepEvent } from '../../../electron/shared/ipc.ts';
import { assemble } from './appParts.ts';

/** A loop step with the extra fields runAgent() reports and the timeline leaves out. */
const loopStep = (index: number) =>
  ({
    index,
    thumbnail: 'data:image/png;base64,iVBORw0KGgo=',
    perception: { elements: 12, changedSinceLastStep: true, ms: 80 },
    action: { type: 'click', at: { x: 5, y: 6, display: ':0' } },
    actionText: "click(start_box='(5,6)')",
    decision: { policy: 'embedded', confidence: 0.9, target: { kind: 'button', text: 'Save', box: [1, 2, 3, 4] } },
    outcome: { status: 'performed', approvedBy: 'user', ms: 12, screenBefore: 'ab', screenAfter: 'cd' },
    timings: { capture: 1, perceive: 2, decide: 3, act: 4, settle: 5 },
  }) as unknown as LoopStep;

function scriptedCore(end: 'finish' | 'wait-for-stop') {
  const log: string[] = [];
  const core: AgentCore = {
    async startExecutor({ policy, approve }) {
      log.push(`start:${policy}`);
      (core as unknown as { approve: typeof approve }).approve = approve;
      return { stop: async () => void log.push('stop'), close: async () => void log.push('close') };
    },
    async run(_executor, { instruction, model, signal, onStep }): Promise<LoopResult> {
      log.push(`run:${instruction}:${model}`);
      onStep(loopStep(0));
      const answer = await (core as unknown as { approve: (r: object) => Promise<string> }).approve({ action: { type: 'type', text: 'hi' }, reasons: ['types text'], summary: 'type hi' });
      log.push(`answer:${answer}`);
      onStep(loopStep(1));
      if (end === 'wait-for-stop' && !signal.aborted) await new Promise((r) => signal.addEventListener('abort', r));
      return signal.aborted ? { status: 'stopped', reason: 'stopped by the user' } : { status: 'finished', content: 'saved' };
    },
  };
  return { core, log };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
};

describe('agent runner', () => {
  it('gives no runner without a core', () => {
    expect(createAgentRunner(undefined)).toBeUndefined();
  });

  it('runs a command through the core and closes the executor', async () => {
    const { core, log } = scriptedCore('finish');
    const { agent, settings } = assemble(createAgentRunner(core));
    settings.update({ policy: 'strict' });
    agent.submit('save the file');
    await until(() => agent.snapshot().approvals.length === 1);
    agent.answer({ requestId: agent.snapshot().approvals[0]!.requestId, answer: 'always' });
    await agent.settled();
    expect(log).toEqual(['start:strict', 'run:save the file:auto', 'answer:always', 'close']);
    expect(agent.snapshot().state).toMatchObject({ status: 'finished', message: 'saved' });
    const steps = agent.snapshot().steps;
    expect(steps).toHaveLength(2);
    for (const s of steps) expect(StepEvent.parse(s)).toEqual(s);
    expect(steps[0]).toEqual({
      sessionId: agent.snapshot().state.sessionId,
      index: 0,
      thumbnail: 'data:image/png;base64,iVBORw0KGgo=',
      action: { type: 'click', at: { x: 5, y: 6, display: ':0' } },
      actionText: "click(start_box='(5,6)')",
      decision: { policy: 'embedded', confidence: 0.9, target: { kind: 'button', text: 'Save' } },
      outcome: { status: 'performed', approvedBy: 'user' },
      timings: { capture: 1, perceive: 2, decide: 3, act: 4, settle: 5 },
    });
  });

  it('stops the executor when the person stops the run', async () => {
    const { core, log } = scriptedCore('wait-for-stop');
    const { agent } = assemble(createAgentRunner(core));
    agent.submit('save the file');
    await until(() => agent.snapshot().approvals.length === 1);
    agent.stop();
    await agent.settled();
    // The executor is stopped first, then the pending approval is denied.
    expect(log).toEqual(['start:standard', 'run:save the file:auto', 'stop', 'answer:deny', 'close']);
    expect(agent.snapshot().state.status).toBe('stopped');
  });

  it('says why a run ended short', () => {
    expect(toRunResult({ status: 'call_user', reason: 'which account?' })).toEqual({ status: 'needs_you', message: 'The agent asks for your help: which account?' });
    expect(toRunResult({ status: 'loop', reason: 'the same click twice' })).toEqual({ status: 'needs_you', message: 'The agent was repeating itself: the same click twice' });
    expect(toRunResult({ status: 'max_steps' })).toEqual({ status: 'needs_you', message: 'The agent ran out of steps' });
    expect(toRunResult({ status: 'failed', reason: 'no display' })).toEqual({ status: 'failed', message: 'no display' });
    expect(toRunResult({ status: 'finished' })).toEqual({ status: 'finished' });
  });

  it('refuses a loop step that breaks the contract instead of passing it on', () => {
    expect(() => toStepEvent({ ...loopStep(0), actionText: 'x'.repeat(20_000) })).toThrow();
  });
});
