// What the policy reads and writes. The engine cannot import electron/shared, so the policy speaks
// a structural subset of the shared `Action` union; the agent loop validates it with the zod schema.
import type { Perception, UiElement } from '../perception/types.ts';

export interface Point {
  x: number;
  y: number;
}

export type PolicyAction =
  | { type: 'click' | 'double_click' | 'right_click'; at: Point }
  | { type: 'drag'; from: Point; to: Point }
  | { type: 'type'; text: string }
  | { type: 'hotkey'; keys: string[] }
  | { type: 'scroll'; at?: Point; direction: 'up' | 'down' | 'left' | 'right'; amount: number }
  | { type: 'wait'; ms: number }
  | { type: 'finished'; content?: string }
  | { type: 'call_user'; reason?: string };

/** One earlier step as the policy remembers it. */
export interface StepMemory {
  action: PolicyAction;
  /** Whether the screen changed after the action (the loop's verify stage). */
  changed: boolean;
  /**
   * The words on screen the action went to, read when it was taken (see `rememberStep`): the
   * element under the point and its label; for `type`, the field clicked before. Elements that
   * close after a click (menus, pickers) leave the screen, their words stay here.
   */
  words?: string[];
}

export interface PolicyInput {
  instruction: string;
  perception: Perception;
  /** The perception before the last action, to see what the action changed. */
  previous?: Perception;
  history: StepMemory[];
  /** Actions not to repeat: they already failed twice on this very screen (loop detection). */
  banned?: PolicyAction[];
  /** The screen as PNG, for policies that look at pixels themselves (endpoint models). */
  screenshot?: () => Promise<{ png: Buffer; width: number; height: number }>;
}

export interface Decision {
  action: PolicyAction;
  /** The policy's probability for this action, 0–1. */
  confidence: number;
  /** The element the action targets, when it targets one. */
  target?: UiElement;
  /** Free text the policy gave for its choice (an endpoint model's "Thought"). */
  thought?: string;
  ms: number;
}

export interface Policy {
  readonly name: string;
  decide(input: PolicyInput, signal?: AbortSignal): Promise<Decision>;
  close(): Promise<void>;
}
