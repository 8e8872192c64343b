// Words for what the agent did, as a person would say them.
import type { Action } from '../../electron/shared/actions.ts';
import type { AgentStatus, StepEvent } from '../../electron/shared/ipc.ts';

const at = (p: { x: number; y: number; display?: string }) => `(${Math.round(p.x)}, ${Math.round(p.y)})${p.display ? ` on ${p.display}` : ''}`;
const quote = (text: string, max = 60) => `“${text.length > max ? `${text.slice(0, max - 1)}…` : text}”`;
const keys = (list: string[]) => list.map((k) => (k.length === 1 ? k.toUpperCase() : k[0]!.toUpperCase() + k.slice(1))).join(' + ');

export function describeAction(a: Action): string {
  switch (a.type) {
    case 'click':
      return `Click at ${at(a.at)}`;
    case 'double_click':
      return `Double-click at ${at(a.at)}`;
    case 'right_click':
      return `Right-click at ${at(a.at)}`;
    case 'middle_click':
      return `Middle-click at ${at(a.at)}`;
    case 'move':
      return `Move the pointer to ${at(a.at)}`;
    case 'drag':
      return `Drag from ${at(a.from)} to ${at(a.to)}`;
    case 'type':
      return `Type ${quote(a.text.replace(/\n/g, '⏎'))}`;
    case 'hotkey':
      return `Press ${keys(a.keys)}`;
    case 'scroll':
      return `Scroll ${a.direction}${a.at ? ` at ${at(a.at)}` : ''}`;
    case 'wait':
      return `Wait ${(a.ms / 1000).toFixed(a.ms % 1000 ? 1 : 0)} s`;
    case 'launch':
      return `Launch ${[a.program, ...a.args].join(' ')}`;
    case 'finished':
      return a.content ? `Finished: ${a.content}` : 'Finished';
    case 'call_user':
      return a.reason ? `Asks you: ${a.reason}` : 'Asks for your help';
  }
}

/** The point an action aims at, if it has one (for the marker on the thumbnail). */
export function actionTarget(a: Action): { x: number; y: number } | undefined {
  if ('at' in a && a.at) return a.at;
  if (a.type === 'drag') return a.from;
  return undefined;
}

export const STATUS_LABEL: Record<AgentStatus, string> = {
  idle: 'Ready',
  running: 'Working',
  stopping: 'Stopping',
  finished: 'Done',
  needs_you: 'Needs you',
  failed: 'Failed',
  stopped: 'Stopped',
};

export const OUTCOME_LABEL: Record<StepEvent['outcome']['status'], string> = {
  performed: 'Done',
  denied: 'Denied',
  failed: 'Failed',
  stopped: 'Stopped',
  dry_run: 'Dry run',
  not_performed: 'Not performed',
};

/** Who let the action through. */
export const APPROVED_BY_LABEL: Record<NonNullable<StepEvent['outcome']['approvedBy']>, string> = {
  policy: 'Allowed by policy',
  user: 'Approved by you',
  session: 'Allowed for this session',
};

export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

/** "Ctrl+Alt+Space" → ["Ctrl", "Alt", "Space"], for keycaps. */
export const acceleratorKeys = (accelerator: string) => accelerator.split('+').filter(Boolean);
