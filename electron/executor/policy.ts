// What the executor may do on its own, what needs a person's approval, and what it never does.
// A policy is a preset plus an optional JSON file that narrows it; both are validated with zod
// and resolved into one plain object, which is what the executor process receives.
import { z } from 'zod';
import { type Action, ActionType, INERT_ACTIONS, KeyName } from '../shared/actions.ts';
import { looksLikeCredential } from './redact.ts';

export const PRESETS = ['strict', 'standard', 'permissive'] as const;
export type PresetName = (typeof PRESETS)[number];

const Region = z.strictObject({
  display: z.string().min(1).optional(),
  x: z.number().finite(),
  y: z.number().finite(),
  width: z.number().finite().positive(),
  height: z.number().finite().positive(),
});
export type Region = z.infer<typeof Region>;

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

const Rate = z.strictObject({ max: z.number().int().min(1), perSeconds: z.number().positive().max(3600) });

/** A policy file: every list narrows the preset it extends. */
export const PolicyFile = z.strictObject({
  extends: z.enum(PRESETS).default('standard'),
  /** Programs `launch` may start without asking (a name on PATH or an absolute path). */
  programs: z.array(z.string().min(1)).default([]),
  /** Window titles (substrings, case-insensitive) the agent may act in; empty means any window. */
  windows: z.array(z.string().min(1)).default([]),
  /** Screen regions (physical pixels of a display) the agent may point at; empty means anywhere. */
  regions: z.array(Region).default([]),
  /** Key combinations that are refused outright, e.g. [["ctrl","alt","delete"]]. */
  blockedKeys: z.array(z.array(KeyName).min(1).max(4)).default([]),
  /** Action types refused outright, e.g. ["launch"]. */
  deny: z.array(ActionType).default([]),
  /** Regular expressions: typed text matching one is secret (asked for and redacted from the log). */
  secretPatterns: z.array(z.string().min(1).refine(compiles, 'is not a valid regular expression')).default([]),
  rate: Rate.optional(),
});
export type PolicyFile = z.infer<typeof PolicyFile>;

/** A resolved policy, as the executor process receives it. */
export const Policy = PolicyFile.omit({ extends: true }).extend({
  name: z.string(),
  ask: z.enum(['all', 'risky', 'none']),
});
export type Policy = z.infer<typeof Policy>;

const PRESET_POLICIES: Record<PresetName, Omit<Policy, 'name'>> = {
  strict: { ask: 'all', programs: [], windows: [], regions: [], blockedKeys: [], deny: [], secretPatterns: [], rate: { max: 30, perSeconds: 60 } },
  standard: { ask: 'risky', programs: [], windows: [], regions: [], blockedKeys: [], deny: [], secretPatterns: [], rate: { max: 30, perSeconds: 10 } },
  permissive: { ask: 'none', programs: [], windows: [], regions: [], blockedKeys: [], deny: [], secretPatterns: [] },
};

export function presetPolicy(name: PresetName): Policy {
  return { name, ...structuredClone(PRESET_POLICIES[name]) };
}

/** Applies a validated policy file to the preset it extends. */
export function resolvePolicy(file: PolicyFile, name: string): Policy {
  const base = presetPolicy(file.extends);
  return {
    name,
    ask: base.ask,
    programs: file.programs,
    windows: file.windows,
    regions: file.regions,
    blockedKeys: file.blockedKeys,
    deny: file.deny,
    secretPatterns: file.secretPatterns,
    rate: file.rate ?? base.rate,
  };
}

/** What the caller knows about the target of an action (from perception), to judge it better. */
export const ActionContext = z.strictObject({
  target: z.strictObject({ kind: z.string().max(64).optional(), text: z.string().max(1000).optional(), secret: z.boolean().optional() }).optional(),
  window: z.strictObject({ title: z.string().max(1000).optional(), program: z.string().max(1000).optional() }).optional(),
});
export type ActionContext = z.infer<typeof ActionContext>;

export type ReasonCode =
  | 'strict' | 'denied_type' | 'blocked_keys' | 'risky_hotkey' | 'secret_field' | 'unlisted_program'
  | 'outside_region' | 'outside_window' | 'rate';

export interface Reason {
  code: ReasonCode;
  text: string;
}

export interface Decision {
  verdict: 'allow' | 'ask' | 'deny';
  reasons: Reason[];
  /** Typed text that must not reach the audit log. */
  secret: boolean;
}

/** What the policy needs besides the action: the facts the executor gathered just before it. */
export interface Facts {
  context?: ActionContext;
  /** Title of the active window, when the policy restricts windows and the backend can tell. */
  activeWindow?: string;
  /** How many actions were performed within the rate window before this one. */
  recentActions: number;
  /** The id of the display that points without a `display` are on. */
  primaryDisplay?: string;
}

const DENY_CODES: readonly ReasonCode[] = ['denied_type', 'blocked_keys'];
const PASSWORD_HINT = /pass(?:word|code|phrase)?|\bpin\b|secret|token|otp|one-time|cvv|cvc|security code|api key/i;

const sameKeys = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((k) => b.includes(k));

const CTRL_ALT_SYSTEM = /^(?:delete|backspace|f\d{1,2}|up|down|left|right|l|t|tab|escape|end|home|pageup|pagedown)$/;

/** Why a hotkey is risky: it closes or switches programs, locks or logs out, or leaves the session. */
export function riskyHotkey(keys: readonly string[]): string | undefined {
  const has = (k: string) => keys.includes(k);
  if (has('super')) return 'uses the super/windows key';
  // Ctrl+Alt with these reaches the system, not the program in front: the secure-attention
  // sequence, killing the X server, switching terminals or workspaces, locking, opening a terminal.
  // Other Ctrl+Alt combinations are ordinary application shortcuts (Ctrl+Alt+M: add a comment).
  if (has('ctrl') && has('alt') && keys.some((k) => CTRL_ALT_SYSTEM.test(k))) return has('delete') ? 'is ctrl+alt+delete' : 'uses a system ctrl+alt combination (switches terminals or workspaces, locks or kills the session)';
  if (has('alt') && (has('f4') || has('tab') || has('escape'))) return 'closes or switches programs';
  if (has('ctrl') && (has('q') || has('w') || has('f4'))) return 'closes a window or program';
  return undefined;
}

/** Whether text typed into this target is a secret: the policy's patterns, a password-like field, or credential-shaped text. */
export function isSecret(text: string, policy: Policy, context: ActionContext | undefined): boolean {
  if (passwordTarget(context)) return true;
  if (looksLikeCredential(text)) return true;
  return policy.secretPatterns.some((p) => new RegExp(p).test(text));
}

function passwordTarget(context: ActionContext | undefined): boolean {
  const t = context?.target;
  return !!t && (t.secret === true || t.kind === 'password' || PASSWORD_HINT.test(t.text ?? ''));
}

function inRegion(p: { x: number; y: number; display?: string }, r: Region, primary: string | undefined): boolean {
  const id = (d: string | undefined) => (d === undefined || d === 'primary' ? primary : d);
  return (r.display === undefined || id(r.display) === id(p.display)) && p.x >= r.x && p.y >= r.y && p.x < r.x + r.width && p.y < r.y + r.height;
}

function programListed(program: string, allowed: readonly string[]): boolean {
  const base = program.split(/[\\/]/).pop()!;
  return allowed.some((a) => a === program || (!/[\\/]/.test(a) && a === base && !/[\\/]/.test(program)));
}

function reasonsFor(action: Action, policy: Policy, facts: Facts): Reason[] {
  const reasons: Reason[] = [];
  const add = (code: ReasonCode, text: string) => reasons.push({ code, text });
  if (policy.deny.includes(action.type)) add('denied_type', `the policy refuses every ${action.type}`);
  if (action.type === 'hotkey') {
    if (policy.blockedKeys.some((b) => sameKeys(b, action.keys))) add('blocked_keys', `the policy blocks ${action.keys.join('+')}`);
    const risk = riskyHotkey(action.keys);
    if (risk) add('risky_hotkey', `${action.keys.join('+')} ${risk}`);
  }
  if (action.type === 'type' && passwordTarget(facts.context)) add('secret_field', 'types into what looks like a password field');
  if (action.type === 'launch' && !programListed(action.program, policy.programs)) add('unlisted_program', `${action.program} is not on the policy's program list`);
  const points = action.type === 'drag' ? [action.from, action.to] : 'at' in action && action.at ? [action.at] : [];
  if (policy.regions.length && points.some((p) => !policy.regions.some((r) => inRegion(p, r, facts.primaryDisplay)))) add('outside_region', 'points outside the allowed screen regions');
  if (policy.windows.length && !INERT_ACTIONS.includes(action.type) && action.type !== 'launch') {
    const title = facts.context?.window?.title ?? facts.activeWindow;
    const ok = title !== undefined && policy.windows.some((w) => title.toLowerCase().includes(w.toLowerCase()));
    if (!ok) add('outside_window', title === undefined ? 'the active window is unknown' : `the window "${title}" is not on the policy's list`);
  }
  if (policy.rate && facts.recentActions >= policy.rate.max) add('rate', `more than ${policy.rate.max} actions in ${policy.rate.perSeconds} s`);
  return reasons;
}

/** Judges one action. Inert actions (wait, finished, call_user) are always allowed. */
export function decide(action: Action, policy: Policy, facts: Facts): Decision {
  const secret = action.type === 'type' && isSecret(action.text, policy, facts.context);
  if (INERT_ACTIONS.includes(action.type)) return { verdict: 'allow', reasons: [], secret };
  const reasons = reasonsFor(action, policy, facts);
  if (reasons.some((r) => DENY_CODES.includes(r.code))) return { verdict: 'deny', reasons: reasons.filter((r) => DENY_CODES.includes(r.code)), secret };
  if (policy.ask === 'all') return { verdict: 'ask', reasons: [{ code: 'strict', text: 'the strict policy approves every action' }, ...reasons], secret };
  if (policy.ask === 'risky' && reasons.length) return { verdict: 'ask', reasons, secret };
  return { verdict: 'allow', reasons, secret };
}
