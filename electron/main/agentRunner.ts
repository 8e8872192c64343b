// The wiring between the app and the agent core: starts the executor with the person's policy
// and approval dialog, runs the agent loop on the command, turns each loop step into the IPC
// StepEvent, and always stops and closes the executor. The app's core is HostAgentCore
// (hostAgentCore.ts): the loop, perception and the executor client run in the engine host process,
// because onnxruntime blocks its thread and the CommonJS main bundle empties import.meta.url,
// which sharp, onnxruntime-node and the executor client resolve their files through.
import { type LoopStep, toStepEvent } from '../engineHost/stepEvent.ts';
import type { Action } from '../shared/actions.ts';
import type { PolicyPreset } from '../shared/ipc.ts';
import type { AgentRunner, Answer, RunResult } from './agentSession.ts';

export { type LoopStep, toStepEvent };

/** What a command answers when the session was made without an agent core. */
export const AGENT_UNAVAILABLE =
  'this session has no agent core to run commands with (the engine host did not start): restart Operant, or use `npx operant run "<instruction>"` from a terminal.';

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
