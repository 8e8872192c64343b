// The one IPC contract between the renderer and the main process: every channel's name, the zod
// schema of what may cross it, and the types both sides use. The main process validates every
// input against these schemas and every event before it sends it; the renderer imports only the
// types (lint enforces it), so zod never runs in the sandboxed page.
import { z } from 'zod';
import { Action } from './actions.ts';

/** Channels the renderer invokes (request → response). */
export const INVOKE = {
  submit: 'agent:submit',
  stop: 'agent:stop',
  answerApproval: 'agent:answer-approval',
  getAgentState: 'agent:get-state',
  getSettings: 'settings:get',
  setSettings: 'settings:set',
  showView: 'window:show-view',
  hideCommandBar: 'window:hide-command-bar',
} as const;
export type InvokeChannel = (typeof INVOKE)[keyof typeof INVOKE];

/** Channels the main process sends to renderers (events). */
export const EVENT = {
  agentState: 'agent:state',
  step: 'agent:step',
  approvalRequest: 'agent:approval-request',
  settingsChanged: 'settings:changed',
  showView: 'app:show-view',
} as const;
export type EventChannel = (typeof EVENT)[keyof typeof EVENT];

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'an id of letters, digits, "_" or "-"');
const text = (max: number) => z.string().max(max);

// ---- settings -------------------------------------------------------------------------------

const MODIFIERS = new Set(['command', 'cmd', 'control', 'ctrl', 'commandorcontrol', 'cmdorctrl', 'alt', 'option', 'altgr', 'shift', 'super', 'meta']);
const KEY =
  /^([a-z0-9]|f([1-9]|1[0-9]|2[0-4])|[)!@#$%^&*(:;:<_>?~{|}"=,\-./`[\]\\']|plus|space|tab|capslock|numlock|scrolllock|backspace|delete|insert|return|enter|up|down|left|right|home|end|pageup|pagedown|escape|esc|printscreen|num[0-9]|numdec|numadd|numsub|nummult|numdiv)$/;

/** Why `value` is not a usable global shortcut, or undefined when it is one. */
export function acceleratorProblem(value: string): string | undefined {
  const parts = value.split('+');
  const key = parts.pop()?.toLowerCase() ?? '';
  if (!KEY.test(key)) return `"${key}" is not a key Electron knows (use e.g. "Space", "K", "F5", "Backspace")`;
  if (parts.length === 0) return 'a global shortcut needs a modifier such as Ctrl or Alt, or it would take that key from every program';
  const bad = parts.find((p) => !MODIFIERS.has(p.toLowerCase()));
  if (bad !== undefined) return `"${bad}" is not a modifier (use Ctrl, Alt, Shift, Super or CmdOrCtrl)`;
  if (new Set(parts.map((p) => p.toLowerCase())).size !== parts.length) return 'a modifier is repeated';
  return undefined;
}

/** An Electron accelerator such as "Ctrl+Alt+Space". */
export const Accelerator = z
  .string()
  .min(1)
  .max(64)
  .superRefine((v, ctx) => {
    const problem = acceleratorProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const PolicyPreset = z.enum(['strict', 'standard', 'permissive']);
export type PolicyPreset = z.infer<typeof PolicyPreset>;

export const Settings = z.strictObject({
  shortcuts: z.strictObject({ commandBar: Accelerator, stop: Accelerator }),
  policy: PolicyPreset,
  /** A model id from the registry, or "auto" for the best installed action model. */
  model: z.union([z.literal('auto'), id]),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  shortcuts: { commandBar: 'Ctrl+Alt+Space', stop: 'Ctrl+Alt+Backspace' },
  policy: 'standard',
  model: 'auto',
};

export const SettingsPatch = z.strictObject({
  shortcuts: z.strictObject({ commandBar: Accelerator.optional(), stop: Accelerator.optional() }).optional(),
  policy: PolicyPreset.optional(),
  model: Settings.shape.model.optional(),
});
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const ModelChoice = z.strictObject({ id, label: text(200), task: text(64) });
export type ModelChoice = z.infer<typeof ModelChoice>;

export const SettingsView = z.strictObject({ settings: Settings, models: z.array(ModelChoice).max(200) });
export type SettingsView = z.infer<typeof SettingsView>;

// ---- agent ----------------------------------------------------------------------------------

export const Command = z.strictObject({ command: z.string().trim().min(1, 'type what the agent should do').max(2000, 'a command is at most 2000 characters') });
export type Command = z.infer<typeof Command>;

/** `needs_you`: the agent stopped short and says why (it asked for help, looped, ran out of steps, or was denied). */
export const AgentStatus = z.enum(['idle', 'running', 'stopping', 'finished', 'needs_you', 'failed', 'stopped']);
export type AgentStatus = z.infer<typeof AgentStatus>;

export const AgentState = z.strictObject({
  status: AgentStatus,
  sessionId: id.optional(),
  command: text(2000).optional(),
  startedAt: z.number().optional(),
  endedAt: z.number().optional(),
  /** What the agent said at the end (finished), or why it ended (needs_you, failed, stopped). */
  message: text(10_000).optional(),
});
export type AgentState = z.infer<typeof AgentState>;

/** One agent step as the timeline shows it. */
export const StepEvent = z.strictObject({
  sessionId: id,
  index: z.number().int().min(0),
  /** What the agent saw, as a PNG data URL (a downscaled frame). */
  // A prefix check, not a regex over the whole base64 body: the page only ever puts it in an
  // <img src>, and scanning every character cost more than the IPC copy itself (bench/ipc.ts).
  thumbnail: z.string().max(4_000_000).startsWith('data:image/png;base64,', 'a PNG data URL').optional(),
  /** Size in pixels of the captured display the thumbnail shows, to mark the action's point on it. */
  frame: z.strictObject({ width: z.number().int().min(1), height: z.number().int().min(1) }).optional(),
  action: Action,
  /** The action in the UI-TARS text grammar, as the model wrote it. */
  actionText: text(10_000),
  /** Why the policy model chose this action. */
  decision: z.strictObject({
    policy: text(200),
    confidence: z.number().min(0).max(1),
    thought: text(4000).optional(),
    target: z.strictObject({ kind: text(64), text: text(500) }).optional(),
  }),
  /** What the executor did with it; `approvedBy` says who allowed it. */
  outcome: z.strictObject({
    status: z.enum(['performed', 'denied', 'failed', 'stopped', 'dry_run', 'not_performed']),
    reason: text(2000).optional(),
    approvedBy: z.enum(['policy', 'user', 'session']).optional(),
  }),
  /** Milliseconds per stage: capture, perceive, decide, act, ... */
  timings: z.record(z.string().max(32), z.number().min(0)),
});
export type StepEvent = z.infer<typeof StepEvent>;

export const ApprovalRequest = z.strictObject({
  requestId: id,
  sessionId: id,
  action: Action,
  reasons: z.array(text(500)).min(1).max(20),
  summary: text(500),
});
export type ApprovalRequest = z.infer<typeof ApprovalRequest>;

export const ApprovalAnswer = z.strictObject({ requestId: id, answer: z.enum(['approve', 'deny', 'always']) });
export type ApprovalAnswer = z.infer<typeof ApprovalAnswer>;

export const AgentSnapshot = z.strictObject({ state: AgentState, steps: z.array(StepEvent), approvals: z.array(ApprovalRequest) });
export type AgentSnapshot = z.infer<typeof AgentSnapshot>;

export const View = z.enum(['session', 'settings']);
export type View = z.infer<typeof View>;

export const ShowView = z.strictObject({ view: View });
export type ShowView = z.infer<typeof ShowView>;

export const NoPayload = z.undefined();

// ---- the table both sides are checked against ------------------------------------------------

/** Input and output schema of each invoke channel. */
export const INVOKE_SCHEMAS = {
  [INVOKE.submit]: { input: Command, output: AgentState },
  [INVOKE.stop]: { input: NoPayload, output: AgentState },
  [INVOKE.answerApproval]: { input: ApprovalAnswer, output: z.strictObject({ requestId: id }) },
  [INVOKE.getAgentState]: { input: NoPayload, output: AgentSnapshot },
  [INVOKE.getSettings]: { input: NoPayload, output: SettingsView },
  [INVOKE.setSettings]: { input: SettingsPatch, output: SettingsView },
  [INVOKE.showView]: { input: ShowView, output: ShowView },
  [INVOKE.hideCommandBar]: { input: NoPayload, output: z.strictObject({ hidden: z.boolean() }) },
} as const satisfies Record<InvokeChannel, { input: z.ZodType; output: z.ZodType }>;

export const EVENT_SCHEMAS = {
  [EVENT.agentState]: AgentState,
  [EVENT.step]: StepEvent,
  [EVENT.approvalRequest]: ApprovalRequest,
  [EVENT.settingsChanged]: SettingsView,
  [EVENT.showView]: ShowView,
} as const satisfies Record<EventChannel, z.ZodType>;

export type InvokeInput<C extends InvokeChannel> = z.input<(typeof INVOKE_SCHEMAS)[C]['input']>;
export type InvokeOutput<C extends InvokeChannel> = z.infer<(typeof INVOKE_SCHEMAS)[C]['output']>;
export type EventPayload<C extends EventChannel> = z.infer<(typeof EVENT_SCHEMAS)[C]>;

/** Why a request was refused; the message says what to do next. */
export const IpcErrorCode = z.enum(['bad-input', 'forbidden', 'failed', 'unavailable']);
export type IpcError = { code: z.infer<typeof IpcErrorCode>; message: string };

/** Handlers never throw across IPC (Electron would mangle the message): they answer a Result. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

type Unsubscribe = () => void;

/** What the preload exposes as `window.operant`: one named function per message. */
export interface OperantApi {
  submit(input: Command): Promise<IpcResult<AgentState>>;
  stop(): Promise<IpcResult<AgentState>>;
  answerApproval(input: ApprovalAnswer): Promise<IpcResult<{ requestId: string }>>;
  getAgentState(): Promise<IpcResult<AgentSnapshot>>;
  getSettings(): Promise<IpcResult<SettingsView>>;
  setSettings(patch: SettingsPatch): Promise<IpcResult<SettingsView>>;
  showView(input: ShowView): Promise<IpcResult<ShowView>>;
  hideCommandBar(): Promise<IpcResult<{ hidden: boolean }>>;
  onAgentState(listener: (state: AgentState) => void): Unsubscribe;
  onStep(listener: (step: StepEvent) => void): Unsubscribe;
  onApprovalRequest(listener: (request: ApprovalRequest) => void): Unsubscribe;
  onSettingsChanged(listener: (view: SettingsView) => void): Unsubscribe;
  onShowView(listener: (view: ShowView) => void): Unsubscribe;
}

/** The name of the API object on `window`. */
export const API_KEY = 'operant';
