// The executor's core: validate → map to the backend's coordinates → judge by the policy → ask
// when needed → log (on disk) → perform → log. One action at a time; a stop aborts the one in
// flight and every queued one, and releases whatever is held.
import { Action, INERT_ACTIONS } from '../shared/actions.ts';
import type { AuditLog } from './audit.ts';
import type { Backend, HeldInput, Point } from './backend.ts';
import { describeAction } from './describe.ts';
import { type BackendSpace, type DisplayInfo, findDisplay, toBackendPoint } from './displays.ts';
import type { ActionOutcome, ApprovalAnswer, ApprovalRequest } from './outcome.ts';
import { ActionContext, type Decision, decide, type Policy } from './policy.ts';
import { redactAction } from './redact.ts';

export interface ExecutorConfig {
  backend: Backend;
  policy: Policy;
  audit: AuditLog;
  layout: DisplayInfo[];
  space: BackendSpace;
  held: HeldInput;
  /** How to ask a person; without it, every action that needs approval is denied. */
  ask?: (req: ApprovalRequest, signal: AbortSignal) => Promise<ApprovalAnswer>;
  /** Hash the screen before and after each action for the audit log (a full-screen grab each). */
  screenHashes?: boolean;
}

class Stopped extends Error {}

const isAbort = (e: unknown) => e instanceof Stopped || (e instanceof Error && e.name === 'AbortError');

export class Executor {
  private controller = new AbortController();
  private tail: Promise<unknown> = Promise.resolve();
  private inFlight: Promise<unknown> = Promise.resolve();
  private readonly performedAt: number[] = [];
  private readonly always = new Set<string>();
  private seq = 0;

  constructor(private readonly cfg: ExecutorConfig) {}

  /** Queues an action; actions run one at a time, in order. */
  perform(input: unknown, context?: unknown): Promise<ActionOutcome> {
    const signal = this.controller.signal;
    const run = this.tail.then(() => this.run(input, context, signal));
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Aborts the action in flight and every queued one, then releases held keys and buttons. */
  async stop(): Promise<void> {
    const started = performance.now();
    this.controller.abort();
    this.controller = new AbortController();
    await this.inFlight.catch(() => undefined);
    const held = { keys: [...this.cfg.held.keys], buttons: [...this.cfg.held.buttons] };
    await this.cfg.backend.release(this.cfg.held);
    this.cfg.audit.write({ phase: 'stop', released: held, ms: Math.round(performance.now() - started) }, false);
  }

  private async run(input: unknown, rawContext: unknown, signal: AbortSignal): Promise<ActionOutcome> {
    const started = performance.now();
    const seq = ++this.seq;
    const ms = () => Math.round((performance.now() - started) * 100) / 100;
    const parsed = Action.safeParse(input);
    if (!parsed.success) return this.refuse(seq, undefined, 'failed', `invalid action: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'action'} ${i.message}`).join('; ')}`, ms);
    const action = parsed.data;
    const context = ActionContext.safeParse(rawContext ?? {});
    if (!context.success) return this.refuse(seq, action, 'failed', `invalid context: ${context.error.issues[0]?.message}`, ms);
    if (signal.aborted) return this.refuse(seq, action, 'stopped', 'stopped before it started', ms);

    let points: Point[];
    try {
      points = this.points(action);
    } catch (e) {
      return this.refuse(seq, action, 'failed', (e as Error).message, ms);
    }
    const decision = decide(action, this.cfg.policy, await this.facts(context.data));
    const logged = redactAction(action, decision.secret);
    const approval = await this.approve(action, decision, signal);
    if (approval.status) return this.refuse(seq, action, approval.status, approval.reason, ms, decision);

    const hashes = this.cfg.screenHashes && this.cfg.backend.kind !== 'dry-run';
    const screenBefore = hashes ? await this.cfg.backend.screenHash() : undefined;
    if (signal.aborted) return this.refuse(seq, action, 'stopped', 'stopped before it started', ms, decision);
    this.cfg.audit.write({ phase: 'intent', seq, action: logged, verdict: decision.verdict, reasons: decision.reasons.map((r) => r.code), approvedBy: approval.by, screenBefore });
    if (!INERT_ACTIONS.includes(action.type)) this.performedAt.push(Date.now());

    const work = this.cfg.backend.perform(action, points, signal, this.cfg.held);
    this.inFlight = work;
    let status: ActionOutcome['status'] = this.cfg.backend.kind === 'dry-run' ? 'dry_run' : 'performed';
    let reason: string | undefined;
    try {
      await work;
    } catch (e) {
      status = isAbort(e) ? 'stopped' : 'failed';
      reason = isAbort(e) ? 'stopped by the stop switch' : (e as Error).message;
      await this.cfg.backend.release(this.cfg.held);
    }
    // A full-screen grab blocks this process for a while: never between a stop and its reply.
    const screenAfter = hashes && status !== 'stopped' ? await this.cfg.backend.screenHash() : undefined;
    const outcome: ActionOutcome = { status, ms: ms(), approvedBy: approval.by, screenBefore, screenAfter, ...(reason ? { reason } : {}) };
    this.cfg.audit.write({ phase: 'outcome', seq, ...outcome });
    return outcome;
  }

  private points(action: Action): Point[] {
    const pts = action.type === 'drag' ? [action.from, action.to] : 'at' in action && action.at ? [action.at] : [];
    return pts.map((p) => toBackendPoint(p, this.cfg.layout, this.cfg.space));
  }

  private async facts(context: ActionContext) {
    const rate = this.cfg.policy.rate;
    const since = Date.now() - (rate?.perSeconds ?? 0) * 1000;
    while (this.performedAt.length && this.performedAt[0]! < since) this.performedAt.shift();
    const needWindow = this.cfg.policy.windows.length > 0 && context.window?.title === undefined;
    return {
      context,
      recentActions: this.performedAt.length,
      activeWindow: needWindow ? await this.cfg.backend.activeWindowTitle() : undefined,
      primaryDisplay: findDisplay(this.cfg.layout, undefined).id,
    };
  }

  /** Approval: by the policy, by an earlier 'always' this session, or by a person. */
  private async approve(action: Action, decision: Decision, signal: AbortSignal): Promise<{ by?: ActionOutcome['approvedBy']; status?: 'denied' | 'stopped'; reason: string }> {
    const reasons = decision.reasons.map((r) => r.text);
    if (decision.verdict === 'deny') return { status: 'denied', reason: `denied by policy ${this.cfg.policy.name}: ${reasons.join('; ')}` };
    if (decision.verdict === 'allow') return { by: 'policy', reason: '' };
    const kind = `${action.type}|${decision.reasons.map((r) => r.code).sort().join(',')}|${action.type === 'hotkey' ? [...action.keys].sort().join('+') : action.type === 'launch' ? action.program : ''}`;
    if (this.always.has(kind)) return { by: 'session', reason: '' };
    if (!this.cfg.ask) return { status: 'denied', reason: `needs approval (${reasons.join('; ')}) and there is no way to ask: run in a terminal, pass --yes, or use the app` };
    let answer: ApprovalAnswer;
    try {
      answer = await Promise.race([
        this.cfg.ask({ action: redactAction(action, decision.secret), reasons, summary: describeAction(action, decision.secret) }, signal),
        new Promise<never>((_, reject) => {
          if (signal.aborted) reject(new Stopped());
          signal.addEventListener('abort', () => reject(new Stopped()), { once: true });
        }),
      ]);
    } catch (e) {
      if (isAbort(e)) return { status: 'stopped', reason: 'stopped while waiting for approval' };
      return { status: 'denied', reason: `approval failed: ${(e as Error).message}` };
    }
    if (answer === 'deny') return { status: 'denied', reason: `denied by the user (${reasons.join('; ')})` };
    if (answer === 'always') this.always.add(kind);
    return { by: 'user', reason: '' };
  }

  private refuse(seq: number, action: Action | undefined, status: 'denied' | 'failed' | 'stopped', reason: string, ms: () => number, decision?: Decision): ActionOutcome {
    const outcome: ActionOutcome = { status, reason, ms: ms() };
    this.cfg.audit.write({
      phase: 'outcome',
      seq,
      ...(action ? { action: redactAction(action, decision?.secret ?? false) } : {}),
      ...(decision ? { verdict: decision.verdict, reasons: decision.reasons.map((r) => r.code) } : {}),
      ...outcome,
    });
    return outcome;
  }
}
