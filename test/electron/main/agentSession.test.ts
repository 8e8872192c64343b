// The session's state machine with a scripted runner standing in for the agent loop (the real
// one runs in the engine host, see test/electron/engineHost/agentRun.test.ts): steps reach the
// windows, approvals wait for the person, Stop aborts the run and denies what is pending.
import { describe, expect, it } from 'vitest';
import { AGENT_UNAVAILABLE } from '../../../electron/main/agentRunner.ts';
import type { AgentRunner, Answer } from '../../../electron/main/agentSession.ts';
import type { AgentState, ApprovalRequest, StepEvent } from '../../../electron/shared/ipc.ts';
import { assemble } from './appParts.ts';

const step = (index: number): Omit<StepEvent, 'sessionId'> => ({
  index,
  action: { type: 'click', at: { x: 10 * index, y: 20 } },
  actionText: `click(start_box='(${10 * index},20)')`,
  decision: { policy: 'scripted', confidence: 1 },
  outcome: { status: 'performed', approvedBy: 'policy' },
  timings: { decide: 5 },
});

/** A runner that reports one step, asks once, and then waits until it is aborted. */
function askingRunner(answers: Answer[]): AgentRunner {
  return async (req) => {
    req.onStep(step(0));
    answers.push(await req.approve({ action: { type: 'launch', program: 'xterm', args: [] }, reasons: ['starts a program'], summary: 'open a terminal' }));
    req.onStep(step(1));
    if (answers.at(-1) === 'deny') return { status: 'finished', message: 'gave up without the terminal' };
    await new Promise((resolve) => req.signal.addEventListener('abort', resolve));
    return { status: 'finished' };
  };
}

const states = (events: { channel: string; payload: unknown }[]) => events.filter((e) => e.channel === 'agent:state').map((e) => (e.payload as AgentState).status);
const approvalsOf = (events: { channel: string; payload: unknown }[]) => events.filter((e) => e.channel === 'agent:approval-request').map((e) => e.payload as ApprovalRequest);
const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
};

describe('AgentSession', () => {
  it('refuses commands with the reason when this build has no agent loop', () => {
    const { agent } = assemble();
    expect(() => agent.submit('open the editor')).toThrow(AGENT_UNAVAILABLE);
    expect(agent.snapshot().state.status).toBe('idle');
  });

  it('runs a command: steps, an approval answered, then stop', async () => {
    const answers: Answer[] = [];
    const { agent, events, handlers } = assemble(askingRunner(answers));
    const started = await handlers['agent:submit']({ command: 'open a terminal' });
    expect(started).toMatchObject({ status: 'running', command: 'open a terminal' });
    await until(() => approvalsOf(events).length === 1);
    const [request] = approvalsOf(events);
    expect(request).toMatchObject({ sessionId: started.sessionId, summary: 'open a terminal', reasons: ['starts a program'] });
    expect(agent.snapshot().approvals).toEqual([request]);
    expect(() => agent.submit('something else')).toThrow('already working on a command');

    agent.answer({ requestId: request!.requestId, answer: 'always' });
    await until(() => agent.snapshot().steps.length === 2);
    expect(answers).toEqual(['always']);
    expect(agent.snapshot().steps.map((s) => s.sessionId)).toEqual([started.sessionId, started.sessionId]);
    expect(() => agent.answer({ requestId: request!.requestId, answer: 'approve' })).toThrow('already answered');

    agent.stop();
    await agent.settled();
    expect(states(events)).toEqual(['running', 'stopping', 'stopped']);
    expect(agent.snapshot().state).toMatchObject({ status: 'stopped', message: 'stopped by you', endedAt: expect.any(Number) });
  });

  it('denies a pending approval when stopped', async () => {
    const answers: Answer[] = [];
    const { agent, events } = assemble(askingRunner(answers));
    agent.submit('open a terminal');
    await until(() => approvalsOf(events).length === 1);
    agent.stop();
    await agent.settled();
    expect(answers).toEqual(['deny']);
    expect(agent.snapshot().approvals).toEqual([]);
    expect(agent.snapshot().state.status).toBe('stopped');
  });

  it('stops from the global stop shortcut as from the button', async () => {
    const { agent, globalShortcut, settings } = assemble(askingRunner([]));
    expect(settings.start()).toBeUndefined();
    agent.submit('open a terminal');
    globalShortcut.registered.get('Ctrl+Alt+Backspace')!();
    await agent.settled();
    expect(agent.snapshot().state.status).toBe('stopped');
  });

  it('reports a runner that throws as a failed run with its message', async () => {
    const { agent } = assemble(async () => {
      throw new Error('the executor could not start: no display');
    });
    agent.submit('anything');
    await agent.settled();
    expect(agent.snapshot().state).toMatchObject({ status: 'failed', message: 'the executor could not start: no display' });
  });

  it('starts each run with an empty timeline', async () => {
    const { agent } = assemble(async (req) => {
      req.onStep(step(0));
      return { status: 'finished', message: 'done' };
    });
    agent.submit('first');
    await agent.settled();
    const first = agent.snapshot();
    agent.submit('second');
    await agent.settled();
    expect(agent.snapshot().steps).toHaveLength(1);
    expect(agent.snapshot().state.sessionId).not.toBe(first.state.sessionId);
  });

  it('treats stop when idle as nothing to do', () => {
    const { agent, events } = assemble();
    expect(agent.stop()).toEqual({ status: 'idle' });
    expect(events).toEqual([]);
  });
});
