// The part a command ends on, spelled out: "… and click Submit". When the model would finish, or
// ask the user, while the button the command names there is on screen and was never clicked,
// clicking it is the next step: the model is unsure after a long form, not done.
import type { UiElement } from '../perception/types.ts';
import { lineOf } from './elementMemory.ts';
import { fold } from './text.ts';
import type { PolicyAction, PolicyInput } from './types.ts';

const CLICK_PART = /\b(?:click|press|hit|tap)\s+(?:on\s+)?(?:the\s+)?["“']?([\p{L}\p{N}][\p{L}\p{N}'’ -]{0,30}?)["”']?(?:\s+(?:button|link))?\s*(?:[.,;!?]|$)/giu;
const squeeze = (t: string) => fold(t).replace(/[^\p{L}\p{N}]/gu, '');

/** The name the command's final "click X" gives, if it ends on one. */
export function finalClickName(instruction: string): string | undefined {
  const parts = [...instruction.matchAll(CLICK_PART)];
  const last = parts.at(-1);
  return last && last.index! + last[0].length >= instruction.trimEnd().length ? last[1]!.trim() : undefined;
}

export function pendingClick(input: PolicyInput, proposed: PolicyAction): { action: PolicyAction; target: UiElement; thought: string } | undefined {
  if (proposed.type !== 'finished' && proposed.type !== 'call_user') return undefined;
  const name = finalClickName(input.instruction);
  if (!name) return undefined;
  const want = squeeze(name);
  const clicked = input.history.some((h) => h.action.type === 'click' && squeeze((h.words ?? []).join(' ')).includes(want));
  if (clicked) return undefined;
  const els = input.perception.elements;
  const hits = els.filter((e, i) => squeeze(e.kind === 'text' ? lineOf(els, i) : e.text) === want);
  // One per line: "Sign" and "up" are two elements of one button.
  const lines = hits.filter((e, i) => !hits.slice(0, i).some((o) => Math.abs(o.box[1] - e.box[1]) < 4 && Math.abs(o.box[0] - e.box[0]) < 200));
  const buttons = lines.filter((e) => e.kind === 'button' || e.kind === 'link');
  const target = buttons.length === 1 ? buttons[0] : lines.length === 1 ? lines[0] : undefined;
  if (!target) return undefined;
  const at = { x: Math.round(target.box[0] + target.box[2] / 2), y: Math.round(target.box[1] + target.box[3] / 2) };
  return { action: { type: 'click', at }, target, thought: `the command ends on clicking ${name}, which is on screen and not clicked yet` };
}
