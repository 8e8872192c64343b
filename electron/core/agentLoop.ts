// The agent core: capture → diff → perceive → decide → check → act → verify, until the policy
// says finished or gives up, the step limit is reached, a loop is detected or the caller aborts.
// It runs headless (the CLI) and in the app (the command bar) alike.
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { describe } from '../../engine/policy/decode.ts';
import { rememberStep } from '../../engine/policy/elementMemory.ts';
import { LoopGuard } from '../../engine/policy/loopGuard.ts';
import type { Decision, Policy, PolicyAction, StepMemory } from '../../engine/policy/types.ts';
import type { Perception } from '../../engine/perception/types.ts';
import { Action } from '../shared/actions.ts';
import { printAction } from '../shared/grammar.ts';
import type { Frame } from './capture.ts';
import type { ActionContext, ActionOutcome } from './executorClient.ts';

export type { Frame };

export interface AgentDeps {
  capture(): Promise<Frame>;
  perceive(frame: Frame, opts: { incremental: boolean }): Promise<Perception>;
  policy: Policy;
  executor: { perform(action: Action, context?: ActionContext): Promise<ActionOutcome>; stop(): Promise<void> };
  /** The executor's id of the captured display; without it actions go to the executor's primary display. */
  displayId?: string;
}

export interface AgentOptions {
  instruction: string;
  maxSteps?: number;
  signal?: AbortSignal;
  /** Make a small PNG of each step's screen for the timeline (costs ~20 ms a step). */
  thumbnails?: boolean;
  /** Longest wait for the screen to stop changing after an action. */
  settleMs?: number;
  onStep?: (step: StepEvent) => void;
}

export interface StepEvent {
  index: number;
  thumbnail?: string;
  perception: { elements: number; changedSinceLastStep: boolean; ms: number };
  action: Action;
  actionText: string;
  decision: { policy: string; confidence: number; target?: { kind: string; text: string; box: number[] }; thought?: string };
  outcome: ActionOutcome | { status: 'not_performed'; reason: string; ms: number };
  timings: { capture: number; perceive: number; decide: number; act: number; settle: number };
}

export type AgentStatus = 'finished' | 'call_user' | 'max_steps' | 'loop' | 'stopped' | 'denied' | 'failed';

export interface AgentResult {
  status: AgentStatus;
  steps: number;
  reason?: string;
  content?: string;
  ms: number;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });

export const frameHash = (f: Frame) => createHash('sha1').update(f.data).digest('hex');

async function thumbnail(f: Frame): Promise<string> {
  const png = await sharp(Buffer.from(f.data.buffer, f.data.byteOffset, f.data.byteLength), { raw: { width: f.width, height: f.height, channels: 4 } }).resize({ width: 240 }).png({ compressionLevel: 3 }).toBuffer();
  return `data:image/png;base64,${png.toString('base64')}`;
}

/** The policy's action as the shared, validated `Action` on the executor's display `display` (its primary when undefined). */
export function toAction(a: PolicyAction, display?: string): Action {
  const p = (q: { x: number; y: number }) => ({ x: Math.round(q.x), y: Math.round(q.y), ...(display ? { display } : {}) });
  switch (a.type) {
    case 'click':
    case 'double_click':
    case 'right_click':
      return Action.parse({ type: a.type, at: p(a.at) });
    case 'drag':
      return Action.parse({ type: 'drag', from: p(a.from), to: p(a.to) });
    case 'scroll':
      return Action.parse({ type: 'scroll', direction: a.direction, amount: a.amount, ...(a.at ? { at: p(a.at) } : {}) });
    default:
      return Action.parse(a);
  }
}

/** Waits until two frames in a row are identical (or `maxMs` passes); returns the last frame. */
async function settle(capture: () => Promise<Frame>, maxMs: number, signal?: AbortSignal): Promise<Frame> {
  const start = performance.now();
  await sleep(80, signal);
  let last = await capture();
  let lastHash = frameHash(last);
  while (performance.now() - start < maxMs && !signal?.aborted) {
    await sleep(70, signal);
    const next = await capture();
    const h = frameHash(next);
    if (h === lastHash) return next;
    [last, lastHash] = [next, h];
  }
  return last;
}

export async function runAgent(deps: AgentDeps, opts: AgentOptions): Promise<AgentResult> {
  const started = performance.now();
  const maxSteps = opts.maxSteps ?? 15;
  const { signal } = opts;
  const guard = new LoopGuard();
  const history: StepMemory[] = [];
  let previous: Perception | undefined;
  let previousHash: string | undefined;
  let frame: Frame | undefined;
  const result = (status: AgentStatus, steps: number, reason?: string, content?: string): AgentResult => ({ status, steps, ms: Math.round(performance.now() - started), ...(reason ? { reason } : {}), ...(content ? { content } : {}) });

  for (let index = 0; index < maxSteps; index++) {
    if (signal?.aborted) return result('stopped', index, 'stopped by the user');
    let t = performance.now();
    // The settle wait of the last step already captured the screen as it is now.
    frame ??= await deps.capture();
    const capture = performance.now() - t;
    const hash = frameHash(frame);
    const changed = hash !== previousHash;
    if (history.length) history[history.length - 1]!.changed = changed;

    t = performance.now();
    const perception = await deps.perceive(frame, { incremental: true });
    const perceive = performance.now() - t;
    if (signal?.aborted) return result('stopped', index, 'stopped by the user');

    t = performance.now();
    const banned = guard.banned(hash);
    const decision: Decision = await deps.policy.decide({ instruction: opts.instruction, perception, previous, history, banned, screenshot: () => screenshotOf(frame!) }, signal);
    const decide = performance.now() - t;
    if (signal?.aborted) return result('stopped', index, 'stopped by the user');

    const action = toAction(decision.action, deps.displayId);
    const base = {
      index,
      perception: { elements: perception.elements.length, changedSinceLastStep: changed, ms: Math.round(perceive) },
      action,
      actionText: printAction(action),
      decision: {
        policy: deps.policy.name,
        confidence: Math.round(decision.confidence * 1000) / 1000,
        ...(decision.target ? { target: { kind: decision.target.kind, text: decision.target.text, box: decision.target.box } } : {}),
        ...(decision.thought ? { thought: decision.thought } : {}),
      },
      ...(opts.thumbnails ? { thumbnail: await thumbnail(frame) } : {}),
    };
    const emit = (outcome: StepEvent['outcome'], act: number, settleMs: number) =>
      opts.onStep?.({ ...base, outcome, timings: { capture: ms(capture), perceive: ms(perceive), decide: ms(decide), act: ms(act), settle: ms(settleMs) } });

    if (decision.action.type === 'finished' || decision.action.type === 'call_user') {
      emit({ status: 'not_performed', reason: 'the policy ended the task', ms: 0 }, 0, 0);
      const a = decision.action;
      return a.type === 'finished' ? result('finished', index, undefined, a.content) : result('call_user', index, a.reason);
    }
    if (guard.isBanned(hash, decision.action)) {
      emit({ status: 'not_performed', reason: `loop: ${describe(decision.action)} already failed twice on this screen`, ms: 0 }, 0, 0);
      return result('loop', index, `the same action (${describe(decision.action)}) was tried twice on an unchanged screen`);
    }

    t = performance.now();
    const outcome = await deps.executor.perform(action, decision.target ? { target: { kind: decision.target.kind, text: decision.target.text } } : undefined);
    const act = performance.now() - t;
    guard.record(hash, decision.action);
    history.push(rememberStep(decision.action, true, perception, history));
    previous = perception;
    previousHash = hash;
    if (outcome.status === 'denied') {
      emit(outcome, act, 0);
      return result('denied', index + 1, outcome.reason);
    }
    if (outcome.status === 'stopped' || signal?.aborted) {
      emit(outcome, act, 0);
      return result('stopped', index + 1, outcome.reason ?? 'stopped by the user');
    }
    if (outcome.status === 'failed') {
      emit(outcome, act, 0);
      return result('failed', index + 1, outcome.reason);
    }
    t = performance.now();
    frame = await settle(deps.capture, opts.settleMs ?? 1500, signal);
    emit(outcome, act, performance.now() - t);
  }
  return result('max_steps', maxSteps, `the task was not finished within ${maxSteps} steps`);
}

const ms = (v: number) => Math.round(v * 10) / 10;

async function screenshotOf(f: Frame): Promise<{ png: Buffer; width: number; height: number }> {
  const png = await sharp(Buffer.from(f.data.buffer, f.data.byteOffset, f.data.byteLength), { raw: { width: f.width, height: f.height, channels: 4 } }).png({ compressionLevel: 2 }).toBuffer();
  return { png, width: f.width, height: f.height };
}
