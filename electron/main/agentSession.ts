// One agent run at a time, as the windows see it: its state, its steps, and the approvals it is
// waiting for. The work itself is done by an AgentRunner (agentRunner.ts); this class owns the
// abort signal, so the stop button and the stop shortcut end a run the same way.
import { randomUUID } from 'node:crypto';
import { OperantError } from '../../engine/errors.ts';
import type { Action } from '../shared/actions.ts';
import type { AgentSnapshot, AgentState, ApprovalAnswer, ApprovalRequest, Settings, StepEvent } from '../shared/ipc.ts';

export type Answer = ApprovalAnswer['answer'];

/** What a run reports when it ends on its own. */
export interface RunResult {
  status: 'finished' | 'needs_you' | 'failed';
  message?: string;
}

export interface RunRequest {
  sessionId: string;
  command: string;
  settings: Settings;
  signal: AbortSignal;
  /** Asks the person; resolves "deny" if the run is stopped first. */
  approve(req: { action: Action; reasons: string[]; summary: string }): Promise<Answer>;
  onStep(step: Omit<StepEvent, 'sessionId'>): void;
}

export type AgentRunner = (req: RunRequest) => Promise<RunResult>;

export interface SessionEvents {
  state(state: AgentState): void;
  step(step: StepEvent): void;
  approvalRequest(req: ApprovalRequest): void;
}

const newId = () => randomUUID().replaceAll('-', '');

export class AgentSession {
  private state: AgentState = { status: 'idle' };
  private steps: StepEvent[] = [];
  private approvals = new Map<string, { request: ApprovalRequest; resolve: (a: Answer) => void }>();
  private abort: AbortController | undefined;
  private run: Promise<void> | undefined;

  constructor(
    /** Undefined when there is no agent core to run commands with; `unavailable` says why. */
    private readonly runner: AgentRunner | undefined,
    private readonly unavailable: string,
    private readonly settings: () => Settings,
    private readonly events: SessionEvents,
  ) {}

  snapshot(): AgentSnapshot {
    return { state: this.state, steps: this.steps, approvals: [...this.approvals.values()].map((a) => a.request) };
  }

  get running(): boolean {
    return this.state.status === 'running' || this.state.status === 'stopping';
  }

  submit(command: string): AgentState {
    if (this.running) throw new OperantError('the agent is already working on a command: stop it first (the stop button or the stop shortcut)', 2);
    if (!this.runner) throw new OperantError(this.unavailable, 1);
    const sessionId = newId();
    this.steps = [];
    this.abort = new AbortController();
    this.setState({ status: 'running', sessionId, command, startedAt: Date.now() });
    const signal = this.abort.signal;
    this.run = this.runner({
      sessionId,
      command,
      settings: this.settings(),
      signal,
      approve: (req) => this.ask(sessionId, req, signal),
      onStep: (step) => {
        if (this.state.sessionId !== sessionId) return;
        const full = { ...step, sessionId };
        this.steps.push(full);
        this.events.step(full);
      },
    }).then(
      (result) => this.end(sessionId, signal.aborted ? { status: 'stopped', message: 'stopped by you' } : result),
      (e: unknown) => this.end(sessionId, signal.aborted ? { status: 'stopped', message: 'stopped by you' } : { status: 'failed', message: (e as Error).message }),
    );
    return this.state;
  }

  /** Aborts the run; pending approvals are denied. Stopping when idle is not an error. */
  stop(): AgentState {
    if (!this.running || !this.abort) return this.state;
    this.setState({ ...this.state, status: 'stopping' });
    this.abort.abort();
    for (const [id, pending] of this.approvals) {
      this.approvals.delete(id);
      pending.resolve('deny');
    }
    return this.state;
  }

  answer({ requestId, answer }: ApprovalAnswer): { requestId: string } {
    const pending = this.approvals.get(requestId);
    if (!pending) throw new OperantError(`there is no open approval ${requestId}: it was already answered, or the run ended`, 2);
    this.approvals.delete(requestId);
    pending.resolve(answer);
    return { requestId };
  }

  /** Resolves when the current run (if any) has ended; for quitting and for tests. */
  async settled(): Promise<void> {
    await this.run;
  }

  private ask(sessionId: string, req: { action: Action; reasons: string[]; summary: string }, signal: AbortSignal): Promise<Answer> {
    if (signal.aborted) return Promise.resolve('deny');
    const request: ApprovalRequest = { requestId: newId(), sessionId, ...req };
    return new Promise((resolve) => {
      this.approvals.set(request.requestId, { request, resolve });
      this.events.approvalRequest(request);
    });
  }

  private end(sessionId: string, result: { status: RunResult['status'] | 'stopped'; message?: string }) {
    if (this.state.sessionId !== sessionId) return;
    this.abort = undefined;
    this.setState({ ...this.state, status: result.status, message: result.message, endedAt: Date.now() });
  }

  private setState(state: AgentState) {
    this.state = state;
    this.events.state(state);
  }
}
