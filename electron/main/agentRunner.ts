// The wiring between the app and the agent core: starts the executor with the person's policy
// and approval dialog, runs the agent loop on the command, turns each loop step into the IPC
// StepEvent, and always stops and closes the executor. The core itself (electron/core/agentLoop.ts,
// electron/core/executorClient.ts, the policy and perception) is not on main yet, so main.ts has
// no AgentCore to give and a submitted command answers AGENT_UNAVAILABLE instead of pretending.
// LoopStep and LoopResult describe what runAgent() reports (branch `policy`); the core's
// modules satisfy them structurally (checked by typechecking a merge of that branch), so they
// can be passed in as they are once merged. Bundling them into the CommonJS main process needs
// more than an import: sharp, onnxruntime-node and the executor client resolve files through
// import.meta.url, which the CJS build empties, and the executor spawns `node --import tsx`,
// which a packaged app (RunAsNode fuse off) cannot do; it has to be a utilityProcess there.
import type { Action } from '../shared/actions.ts';
import { type PolicyPreset, type StepEvent, StepEvent as StepEventSchema } from '../shared/ipc.ts';
import type { AgentRunner, Answer, RunResult } from './agentSession.ts';

export const AGENT_UNAVAILABLE =
  'this build cannot act on commands yet: the agent loop and the executor (electron/core/agentLoop.ts, electron/core/executorClient.ts) are not part of it. Run `npx operant --help` to see what works today.';

/** One step as the agent loop reports it. */
export interface LoopStep {
  index: number;
  thumbnail?: string;
  action: Action;
  actionText: string;
  decision: { policy: string; confidence: number; thought?: string; target?: { kind: string; text: string } };
  outcome: { status: StepEvent['outcome']['status']; reason?: string; approvedBy?: 'policy' | 'user' | 'session' };
  timings: Record<string, number>;
}

/** How the agent loop ended. */
export interface LoopResult {
  status: 'finished' | 'call_user' | 'max_steps' | 'loop' | 'stopped' | 'denied' | 'failed';
  reason?: string;
  content?: string;
}

export interface ExecutorLike {
  stop(): Promise<void>;
  close(): Promise<void>;
}

/** `E` is the executor client type the core's loop performs actions with (ExecutorClient). */
export interface AgentCore<E extends ExecutorLike = ExecutorLike> {
  /** ExecutorClient.start with this policy preset and approval callback. */
  startExecutor(opts: { policy: PolicyPreset; approve(req: { action: Action; reasons: string[]; summary: string }): Promise<Answer> }): Promise<E>;
  /** Loads the model (`auto` or a registry id of task gui-action) and perception, then runAgent() with this executor. */
  run(executor: E, opts: { instruction: string; model: string; signal: AbortSignal; onStep(step: LoopStep): void }): Promise<LoopResult>;
}

/** The loop's step as the timeline's event; fields the windows do not show are left out. */
export function toStepEvent(step: LoopStep): Omit<StepEvent, 'sessionId'> {
  const { policy, confidence, thought, target } = step.decision;
  const { status, reason, approvedBy } = step.outcome;
  const event = {
    index: step.index,
    ...(step.thumbnail?.startsWith('data:image/png;base64,') ? { thumbnail: step.thumbnail } : {}),
    action: step.action,
    actionText: step.actionText,
    decision: { policy, confidence: Math.min(1, Math.max(0, confidence)), ...(thought ? { thought } : {}), ...(target ? { target: { kind: target.kind, text: target.text } } : {}) },
    outcome: { status, ...(reason ? { reason } : {}), ...(approvedBy ? { approvedBy } : {}) },
    timings: step.timings,
  };
  return StepEventSchema.omit({ sessionId: true }).parse(event);
}

const NEEDS_YOU: Partial<Record<LoopResult['status'], string>> = {
  call_user: 'The agent asks for your help',
  max_steps: 'The agent ran out of steps',
  loop: 'The agent was repeating itself',
  denied: 'An action was denied',
};

export function toRunResult(result: LoopResult): RunResult {
  if (result.status === 'finished') return { status: 'finished', ...(result.content ? { message: result.content } : {}) };
  const lead = NEEDS_YOU[result.status];
  if (lead) return { status: 'needs_you', message: result.reason ? `${lead}: ${result.reason}` : lead };
  return { status: 'failed', message: result.reason ?? `the agent ended with "${result.status}"` };
}

export function createAgentRunner<E extends ExecutorLike>(core: AgentCore<E> | undefined): AgentRunner | undefined {
  if (!core) return undefined;
  return async (req) => {
    const executor = await core.startExecutor({ policy: req.settings.policy, approve: req.approve });
    // Stop releases held keys and buttons at once; the loop then sees the aborted signal.
    const onAbort = () => void executor.stop();
    req.signal.addEventListener('abort', onAbort, { once: true });
    try {
      const result = await core.run(executor, { instruction: req.command, model: req.settings.model, signal: req.signal, onStep: (s) => req.onStep(toStepEvent(s)) });
      return toRunResult(result);
    } finally {
      req.signal.removeEventListener('abort', onAbort);
      await executor.close();
    }
  };
}
