// One agent-loop step as the timeline's StepEvent. The engine host converts each step before it
// sends it, and the main process checks it again against the same schema before the windows see it.
import type { Action } from '../shared/actions.ts';
import { type StepEvent, StepEvent as StepEventSchema } from '../shared/ipc.ts';

/** One step as the agent loop reports it. */
export interface LoopStep {
  index: number;
  thumbnail?: string;
  /** Size of the captured display the thumbnail shows. */
  frame?: { width: number; height: number };
  action: Action;
  actionText: string;
  decision: { policy: string; confidence: number; thought?: string; target?: { kind: string; text: string } };
  outcome: { status: StepEvent['outcome']['status']; reason?: string; approvedBy?: 'policy' | 'user' | 'session' };
  timings: Record<string, number>;
}

/** The loop's step as the timeline's event; fields the windows do not show are left out. */
export function toStepEvent(step: LoopStep): Omit<StepEvent, 'sessionId'> {
  const { policy, confidence, thought, target } = step.decision;
  const { status, reason, approvedBy } = step.outcome;
  const event = {
    index: step.index,
    ...(step.thumbnail?.startsWith('data:image/png;base64,') ? { thumbnail: step.thumbnail } : {}),
    ...(step.frame ? { frame: { width: step.frame.width, height: step.frame.height } } : {}),
    action: step.action,
    actionText: step.actionText,
    decision: { policy, confidence: Math.min(1, Math.max(0, confidence)), ...(thought ? { thought } : {}), ...(target ? { target: { kind: target.kind, text: target.text } } : {}) },
    outcome: { status, ...(reason ? { reason } : {}), ...(approvedBy ? { approvedBy } : {}) },
    timings: step.timings,
  };
  return StepEventSchema.omit({ sessionId: true }).parse(event);
}
