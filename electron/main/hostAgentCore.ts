// The AgentCore of the app: the agent loop runs in the engine host process (inference blocks its
// thread, and the CommonJS main bundle cannot load sharp, onnxruntime or the executor client), so
// this side only starts a run there, relays its steps and approval questions, and sends stop.
import type { EngineHostClient, RunHandle } from '../engineHost/client.ts';
import type { Action } from '../shared/actions.ts';
import type { PolicyPreset } from '../shared/ipc.ts';
import type { AgentCore, LoopResult, LoopStep } from './agentRunner.ts';
import type { Answer } from './agentSession.ts';

type Approve = (req: { action: Action; reasons: string[]; summary: string }) => Promise<Answer>;

/** A run's executor as the main process sees it: it lives in the host, reached through the run. */
export class HostRun {
  private handle: RunHandle | undefined;
  private stopped = false;

  constructor(
    readonly policy: PolicyPreset,
    readonly approve: Approve,
  ) {}

  attach(handle: RunHandle): void {
    this.handle = handle;
    if (this.stopped) handle.stop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.handle?.stop();
  }

  /** The host closes the executor when the run ends; waiting for that end is all there is to do. */
  async close(): Promise<void> {
    await this.handle?.done.catch(() => undefined);
  }
}

export class HostAgentCore implements AgentCore<HostRun> {
  constructor(
    private readonly host: EngineHostClient,
    private readonly maxSteps = 15,
  ) {}

  async startExecutor(opts: { policy: PolicyPreset; approve: Approve }): Promise<HostRun> {
    return new HostRun(opts.policy, opts.approve);
  }

  run(executor: HostRun, opts: { instruction: string; model: string; signal: AbortSignal; onStep(step: LoopStep): void }): Promise<LoopResult> {
    const handle = this.host.run(
      { type: 'run', instruction: opts.instruction, model: opts.model, policy: executor.policy, maxSteps: this.maxSteps },
      {
        onStep: opts.onStep,
        // The approval dialog needs at least one reason to show.
        onQuestion: (req) => executor.approve({ action: req.action, reasons: req.reasons.length ? req.reasons : ['the policy asks you to approve this action'], summary: req.summary }),
      },
    );
    executor.attach(handle);
    return handle.done;
  }
}
