// The one way the agent, the app and the CLI reach the mouse and keyboard: a client for the
// executor process. It starts the process (and, with `sandbox`, its own Xvfb display), relays
// approvals, and when the process dies it releases whatever the process was holding.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OperantError } from '../../engine/errors.ts';
import type { Action } from '../shared/actions.ts';
import type { DisplayInfo } from '../executor/displays.ts';
import { type ActionOutcome, type ApprovalAnswer, type ApprovalRequest } from '../executor/outcome.ts';
import type { ActionContext } from '../executor/policy.ts';
import { loadPolicy, type PolicyChoice } from '../executor/policyFile.ts';
import { releaseFromOutside, spawnTs } from '../executor/outsideRelease.ts';
import { FromExecutor, type ToExecutor } from '../executor/protocol.ts';
import { type SandboxDisplay, startSandboxDisplay } from '../executor/sandboxDisplay.ts';
import { checkDisplay } from './display.ts';

export type { ActionContext, ActionOutcome, ApprovalAnswer, ApprovalRequest, DisplayInfo, PolicyChoice };
export { releaseFromOutside };

export interface ExecutorOptions {
  policy: PolicyChoice;
  dryRun?: boolean;
  /** Run on a fresh Xvfb display (Linux), starting these programs there; they may also be launched. */
  sandbox?: boolean | { programs: string[] };
  /** The X display to act on (defaults to $DISPLAY); ignored with `sandbox`. */
  display?: string;
  /** Asks a person; without it, every action that needs approval is denied. */
  approve?: (req: ApprovalRequest) => Promise<ApprovalAnswer>;
  auditDir?: string;
  sessionId?: string;
  /** Monitors as Electron reports them; defaults to the X monitors (xrandr), else one display covering the screen. */
  displays?: DisplayInfo[];
  /** Hash the screen before and after each action for the audit log (default true). */
  screenHashes?: boolean;
  /** Characters per second when typing (default 300, what applications keep up with); 0 = unpaced. */
  typingRate?: number;
}

/** How long stop() waits for the executor to halt on its own before killing it. */
const STOP_GRACE_MS = 60;
const childEntry = fileURLToPath(new URL('../executor/child.ts', import.meta.url));

export const defaultAuditDir = () => join(process.env.OPERANT_HOME ?? join(homedir(), '.operant'), 'audit');

export class ExecutorClient {
  private nextId = 0;
  private readonly pending = new Map<number, (o: ActionOutcome) => void>();
  private readonly stops = new Map<number, () => void>();
  private held: { keys: string[]; buttons: string[] } = { keys: [], buttons: [] };
  private closing = false;
  private deathReason: string | undefined;
  private child!: ChildProcess;
  private ready: ((err?: Error) => void) | undefined;
  /** Set while a new executor process replaces one the stop switch had to kill. */
  private restarting: Promise<void> | undefined;
  /** Counts stops, so an action that waited for a restart knows a stop came in the meantime. */
  private stopCount = 0;
  /** Resolves when the current executor process has exited and anything it held was released. */
  exited!: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The displays the executor acts on (physical pixels), known once it has started. */
  layout: DisplayInfo[] = [];

  private constructor(
    private readonly opts: ExecutorOptions,
    private readonly initMessage: Extract<ToExecutor, { t: 'init' }>,
    readonly display: string,
    readonly auditPath: string,
    private readonly sandbox: SandboxDisplay | undefined,
  ) {}

  get pid(): number {
    return this.child.pid!;
  }

  /** What the executor last reported holding down (it reports before it presses). */
  get holding(): { keys: string[]; buttons: string[] } {
    return { keys: [...this.held.keys], buttons: [...this.held.buttons] };
  }

  static async start(opts: ExecutorOptions): Promise<ExecutorClient> {
    const policy = loadPolicy(opts.policy);
    let sandbox: SandboxDisplay | undefined;
    let display = opts.display ?? process.env.DISPLAY ?? '';
    if (opts.sandbox) {
      const programs = opts.sandbox === true ? [] : opts.sandbox.programs;
      sandbox = await startSandboxDisplay({ programs });
      display = sandbox.display;
      policy.programs = [...new Set([...policy.programs, ...programs.map((p) => p.trim().split(/\s+/)[0]!)])];
    } else if (!opts.dryRun) {
      display = checkDisplay(display).display;
    }
    const sessionId = opts.sessionId ?? `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
    if (!/^[\w.-]{1,128}$/.test(sessionId)) throw new OperantError(`session id "${sessionId}" may use only letters, digits, "_", "." and "-"`, 2);
    const auditPath = join(opts.auditDir ?? defaultAuditDir(), `${sessionId}.jsonl`);
    const init = { t: 'init' as const, policy, dryRun: !!opts.dryRun, auditPath, sessionId, canAsk: !!opts.approve, screenHashes: opts.screenHashes ?? true, typingRate: opts.typingRate, layout: opts.displays };
    const client = new ExecutorClient(opts, init, display, auditPath, sandbox);
    try {
      await client.spawnExecutor();
    } catch (e) {
      await client.close();
      throw e;
    }
    return client;
  }

  /** Starts an executor process and waits until it is ready. */
  private spawnExecutor(): Promise<void> {
    const child = spawnTs(childEntry, [], this.display, true);
    this.child = child;
    this.deathReason = undefined;
    child.on('message', (raw) => this.onMessage(raw));
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(this.onExit(code, signal))));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.ready?.(new OperantError('the executor did not start within 30 s', 1)), 30_000);
      this.ready = (err) => {
        clearTimeout(timer);
        this.ready = undefined;
        if (err) reject(err);
        else resolve();
      };
      this.send(this.initMessage);
    });
  }

  private send(m: ToExecutor): void {
    if (this.child.connected) this.child.send(m);
  }

  private onMessage(raw: unknown): void {
    const parsed = FromExecutor.safeParse(raw);
    if (!parsed.success) {
      this.deathReason = `the executor sent a malformed message (${parsed.error.issues[0]?.message})`;
      this.child.kill('SIGKILL');
      return;
    }
    const m = parsed.data;
    switch (m.t) {
      case 'ready':
        this.layout = m.layout;
        return this.ready?.();
      case 'fatal':
        this.deathReason = m.message;
        return this.ready?.(new OperantError(`the executor failed: ${m.message}`, 1));
      case 'held':
        this.held = { keys: m.keys, buttons: m.buttons };
        return;
      case 'outcome':
        this.pending.get(m.id)?.(m.outcome);
        this.pending.delete(m.id);
        return;
      case 'stopped':
        this.stops.get(m.id)?.();
        this.stops.delete(m.id);
        return;
      case 'ask':
        void this.relayApproval(m.id, m.request);
    }
  }

  private async relayApproval(id: number, request: ApprovalRequest): Promise<void> {
    let answer: ApprovalAnswer;
    try {
      answer = (await this.opts.approve?.(request)) ?? 'deny';
    } catch {
      answer = 'deny';
    }
    this.send({ t: 'answer', id, answer });
  }

  private async onExit(code: number | null, signal: NodeJS.Signals | null) {
    const why = this.deathReason ?? (signal ? `killed by ${signal}` : `exited with code ${code}`);
    this.ready?.(new OperantError(`the executor process ${why}`, 1));
    const wasStopped = this.stops.size > 0;
    for (const resolve of this.stops.values()) resolve();
    this.stops.clear();
    const status = wasStopped || this.closing ? 'stopped' : 'failed';
    for (const resolve of this.pending.values()) resolve({ status, reason: `the executor process ${why}`, ms: 0 });
    this.pending.clear();
    // A clean exit released everything itself; after a kill or a crash the parent must do it.
    if (code !== 0 && this.display && !this.opts.dryRun) await releaseFromOutside(this.display, this.held).catch(() => undefined);
    this.held = { keys: [], buttons: [] };
    return { code, signal };
  }

  private get alive(): boolean {
    return this.child.connected && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Performs one action (queued behind earlier ones). Never rejects: problems are outcomes. */
  async perform(action: Action, context?: ActionContext): Promise<ActionOutcome> {
    const stops = this.stopCount;
    await this.restarting?.catch(() => undefined);
    if (this.stopCount !== stops) return { status: 'stopped', reason: 'stopped before it started', ms: 0 };
    if (!this.alive) {
      return { status: 'failed', reason: `the executor has exited (${this.deathReason ?? 'closed'}): start a new ExecutorClient`, ms: 0 };
    }
    const id = ++this.nextId;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.send({ t: 'perform', id, action, ...(context ? { context } : {}) });
    });
  }

  /**
   * The stop switch: halts the action in flight and every queued one and releases everything
   * held. If the executor does not confirm within 60 ms it is killed with SIGKILL, after which
   * it runs no more instructions, so stop() resolves at once; the keys are then released from
   * outside (on X11 the server also drops what a dead client held) and a fresh executor process
   * starts for the actions that follow (they wait for both; `exited` resolves after the release).
   */
  async stop(): Promise<void> {
    this.stopCount++;
    // While a fresh executor starts, nothing runs: the actions waiting for it see the stop count.
    if (this.restarting || !this.alive) return;
    const id = ++this.nextId;
    const confirmed = new Promise<boolean>((resolve) => {
      this.stops.set(id, () => resolve(true));
      setTimeout(() => resolve(false), STOP_GRACE_MS);
      this.send({ t: 'stop', id });
    });
    if (await confirmed) return;
    this.deathReason = 'killed by the stop switch (it did not halt within 60 ms)';
    this.child.kill('SIGKILL');
    if (!this.closing) {
      this.restarting = this.exited.then(() => this.spawnExecutor()).finally(() => (this.restarting = undefined));
    }
  }

  /** Stops, lets the executor release and exit, and closes the sandbox display. */
  async close(): Promise<void> {
    this.closing = true;
    await this.restarting?.catch(() => undefined);
    if (this.child.connected) {
      this.send({ t: 'close' });
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
      await this.exited;
      clearTimeout(timer);
    } else if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGKILL');
    }
    await this.exited;
    await this.sandbox?.close();
  }
}
