// Confirming a prompt the command's own click opened ("Remove the member, confirming the prompt"):
// the model clicks the action, then stops, or wanders, while the prompt waits for a yes.
import type { UiElement } from '../perception/types.ts';
import { centre, clickOn, inside, lineOf } from './elementMemory.ts';
import { isStopword, tokenize } from './text.ts';
import type { PolicyAction, PolicyInput } from './types.ts';

const CONFIRM_CUE = /\b(?:confirm(?:s|ed|ing|ation)?|approv(?:e|es|ing)|(?:say|saying|answer|answering) yes|yes button|i am sure)\b/i;
/**
 * A prompt's way out: evidence that a prompt is open at all ("Keep" alone: a link's underlined
 * "it" may read as an icon; "Keepit": OCR may miss a narrow space).
 */
const WAY_OUT = /^(?:cancel|no|go ?back|back|keep(?: ?it)?|not ?now|never ?mind|dismiss)$/;
/** A prompt's yes, whatever the action ("Yes, remove", "OK", "Confirm"). */
const YES = /^(?:ok|okay|yes|confirm|continue|proceed)\b/;

/**
 * The prompt's yes: once a click has opened a prompt (a way out of it, "Cancel", "Go back", or a
 * "Yes, …" is on screen), a button reading yes, or the command's own verb, where no click went yet.
 */
export function confirmPrompt({ instruction, history, perception, previous }: PolicyInput, action: PolicyAction): { action: PolicyAction; target: UiElement; thought: string } | undefined {
  if (!CONFIRM_CUE.test(instruction)) return undefined;
  const clicks = history.flatMap((h) => (h.action.type === 'click' ? [h.action.at] : []));
  if (!clicks.length) return undefined;
  const els = perception.elements;
  // Lower-cased, not folded: folding reads "it" as "lt", as OCR confuses them.
  const read = els.map((e, i) => (e.kind === 'text' ? lineOf(els, i) : e.text).toLowerCase().replace(/[^\p{L}\p{N}, ]/gu, '').trim());
  // A prompt is open: a way out of it, or a yes ("Yes, publish": OCR may miss a short "No").
  if (!read.some((r) => WAY_OUT.test(r) || /^yes\b/.test(r))) return undefined;
  const said = new Set(tokenize(instruction).filter((t) => !isStopword(t)).map((t) => t.text.toLowerCase()));
  // Yes by its word (a button or words alone), or a button named by the command's verb, or words
  // reading just what a click went to (an underlined link: "No  Remove"); never where a click went.
  const named = (i: number) => !WAY_OUT.test(read[i]!) && read[i]!.split(' ').length <= 2 && read[i]!.split(/[ ,]+/).some((w) => said.has(w));
  const clickedWords = new Set(history.flatMap((h) => (h.action.type === 'click' ? (h.words ?? []) : [])).map((w) => w.toLowerCase()));
  const verb = (i: number) => named(i) && clickedWords.has(read[i]!);
  const unclicked = (e: UiElement) => !clicks.some((p) => inside(p, e.box));
  // One per button: its box and the words read inside it; one per line of words ("Yes," "publish").
  const onePerButton = (list: UiElement[]) => list.filter((e, k) => e.kind !== 'text' || !list.some((o, j) => (o.kind !== 'text' && inside(centre(e), o.box, 0)) || (j < k && o.kind === 'text' && read[els.indexOf(o)] === read[els.indexOf(e)] && Math.abs(o.box[1] - e.box[1]) < 6)));
  const buttons = onePerButton(els.filter((e, i) => (YES.test(read[i]!) ? ['button', 'text', 'link'].includes(e.kind) : ['button', 'link'].includes(e.kind) ? named(i) : e.kind === 'text' && verb(i)) && unclicked(e)));
  // The command's verb is a way out itself ("Cancel the subscription"): the button reading it,
  // beside another way out ("Keep"), or new since the one click that opened the prompt (its "No"
  // unread), or the right one of two reading it, where a prompt's yes goes.
  const ownWay = (i: number) => WAY_OUT.test(read[i]!) && said.has(read[i]!);
  const verbs = buttons.length ? [] : onePerButton(els.filter((e, i) => ['button', 'text', 'link'].includes(e.kind) && ownWay(i) && unclicked(e)));
  const others = els.some((e, i) => WAY_OUT.test(read[i]!) && !ownWay(i) && unclicked(e));
  const fresh = (e: UiElement) => !!previous && !previous.elements.some((p) => p.text.trim().toLowerCase() === e.text.trim().toLowerCase() && Math.abs(p.box[0] - e.box[0]) < 10 && Math.abs(p.box[1] - e.box[1]) < 10);
  const pair = verbs.length === 2 && Math.abs(verbs[0]!.box[1] - verbs[1]!.box[1]) < 6;
  const right = pair ? verbs.sort((a, b) => b.box[0] - a.box[0])[0] : verbs.length === 1 && (others || (clicks.length === 1 && fresh(verbs[0]!))) ? verbs[0] : undefined;
  const target = buttons.length === 1 ? buttons[0]! : right;
  if (!target) return undefined;
  if (clicks.some((p) => inside(p, target.box)) || (action.type === 'click' && inside(action.at, target.box))) return undefined;
  return { action: clickOn(target), target, thought: `a prompt is open and the command says to confirm it: ${target.text}` };
}
