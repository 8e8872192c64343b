// Corrections to the model's step: for what it gets wrong that the screen and the command settle
// without it. Each rule is narrow and says why it fired (a decision's `thought`); the model's own
// step stands when none applies.
import type { UiElement } from '../perception/types.ts';
import { calendarMove } from './calendar.ts';
import { confirmPrompt } from './confirm.ts';
import { centre, clickOn, inside, isKeys, kindAt, lineAt, wordAt } from './elementMemory.ts';
import { type Features, leadingValue } from './features.ts';
import { changedTo, dragEnds, exactName, fieldOfLabel, listChoice, newWords, nothingDone, openEdit, openRename, pathStep, pendingClick, pendingSuggestion, pendingTick, pendingValue, scrollToFinalClick, unnamedClick } from './pending.ts';
import { optionStates } from './options.ts';
import { seekName } from './seek.ts';
import { shortcutKeys } from './shortcut.ts';
import { sliderMove } from './slider.ts';
import { inWrittenValue, isStopword, nameRuns, quotedSpans, tokenize, wholeWords, wordMatch } from './text.ts';
import type { Decision, Point, PolicyAction, PolicyInput } from './types.ts';
import { typingCommand } from './vocabulary.ts';

export interface Correction {
  action: PolicyAction;
  target?: UiElement;
  thought: string;
}

const CLICK_KINDS: [RegExp, 'right_click' | 'double_click'][] = [
  [/\bright[- ]?click|\bcontext[\s-]*menu|\bsecondary[\s-]*click|\bshortcut menu/i, 'right_click'],
  // A name edited in place opens for editing on a double click.
  [/\bdouble[- ]?click|\b(?:edit|editing|rename|renaming)\b.*\bin place\b/i, 'double_click'],
];

/** Commands that may start a drag in a field: moving, selecting, reordering, a slider's value. */
const DRAG_WORDS = /\b(?:drag|drop|mov|slid|select|highlight|reorder|rearrang|swap|resiz)\w*/i;

/**
 * A drag that starts in a text field, for a command that drags nothing ("Put Peru in Country"):
 * a click there (the way into the field).
 */
export function fieldDrag({ instruction, perception }: PolicyInput, action: PolicyAction): PolicyAction | undefined {
  if (action.type !== 'drag' || DRAG_WORDS.test(instruction) || kindAt(perception.elements, 'text_field', action.from) === undefined) return undefined;
  if (perception.elements.some((e) => e.kind === 'slider' && inside(action.from, e.box, 6))) return undefined;
  return { type: 'click', at: action.from };
}

/**
 * Typing into a field that shows another value would add to it ("Change the city to Oslo" gave
 * "LimaOslo"): select it first, and the typing replaces it. What a field shows may be its
 * placeholder, which names it as the command does ("Search", "Company"): that one is left alone
 * (selecting it would be harmless, but a step).
 */
export function replacing({ instruction, history, previous, perception }: PolicyInput, action: PolicyAction): PolicyAction | undefined {
  const last = history.at(-1)?.action;
  if (action.type !== 'type' || last?.type !== 'click' || !previous) return undefined;
  // The click opened a list (a select, a combo box read as a field): typing picks from it.
  // (Words new to the screen, whatever moved by a pixel: a focus ring shifts a field's box.)
  if (newWords(previous, perception).length > 3) return undefined;
  // The field under the click (the click may land on the words in it), or the field whose label
  // was clicked (a page focuses it, the caret before what it shows).
  const words = wordAt(previous.elements, last.at);
  const field = kindAt(previous.elements, 'text_field', last.at) ?? (words >= 0 ? fieldOfLabel(previous.elements, words) : undefined);
  const shown = field?.text.trim() ?? '';
  // An ellipsis ends a placeholder's invitation ("Start typing…", "Search..."), not a value.
  if (!shown || /(?:\.\.+|…)$/.test(shown)) return undefined;
  // The very value already there: typing after it would double it ("TaraTara").
  if (shown.toLowerCase() === action.text.trim().toLowerCase()) return { type: 'hotkey', keys: ['ctrl', 'a'] };
  // A placeholder names the field by the command's words, not by a part of the value it gives
  // ("example" of "sven@example.org", "Ltd" of "Globex Ltd" over "Umbrella Ltd"), and holds no
  // number ("145 Berg Street" is a value, though the command says "Street address").
  const typed = new Set(tokenize(action.text).map((t) => t.norm));
  const said = new Set(tokenize(instruction).filter((t) => !inWrittenValue(instruction, t) && !typed.has(t.norm)).map((t) => t.norm));
  const naming = !/\d/.test(shown) && tokenize(shown).some((t) => /\p{L}/u.test(t.text) && said.has(t.norm));
  return naming ? undefined : { type: 'hotkey', keys: ['ctrl', 'a'] };
}

/** The values a command gives: quoted, the one it ends with ("Change X to V"), the one it starts with ("Put V in X"). */
const commandValues = (instruction: string) => [...quotedSpans(instruction).map((span) => instruction.slice(...span)), changedTo(instruction), leadingValue(instruction)];
/** The command's value, when it gives one. */
const commandValue = (instruction: string) => commandValues(instruction).find(Boolean);

/** How the command says to do it, after the value: "… into Monday sync by editing it in place". */
const MANNER = /\s+(?:by|using|via)\s+\p{L}+ing\b.*$/u;

/**
 * Typing a value's first words only ("63" of "Change Street address to 63 Ivanova Street"), or a
 * name's last ones ("Scott" of "Look up Dana Scott"), or running on into how to do it ("Monday
 * sync by editing"): the whole value, and no more.
 */
export function wholeValue(instruction: string, action: PolicyAction): Extract<PolicyAction, { type: 'type' }> | undefined {
  const text = action.type === 'type' ? action.text.trim() : '';
  if (action.type !== 'type' || !text) return undefined;
  const cut = text.replace(MANNER, '');
  if (cut !== text && cut) return { ...action, text: action.text.replace(text, cut) };
  const values = commandValues(instruction);
  const value = values.find((v) => v && v.length > text.length && v.startsWith(text) && /\s/.test(v[text.length]!));
  // A name's later words only ("Scott" of "Look up Dana Scott"): the whole name.
  const name = value ?? nameRuns(instruction).find((r) => r.endsWith(` ${text}`) || r.includes(` ${text} `));
  return name ? { ...action, text: action.text.replace(text, name) } : undefined;
}

const TWO_FIELDS = /\b(?:copy|copies|paste|duplicate|clipboard|transfer)\b/i;
/** A command to copy between fields; "Copy" as part of a name ("Only hit Copy path") is not. */
export const copyCommand = (instruction: string) => TWO_FIELDS.test(tokenize(instruction).filter((t, i) => !t.quoted && !(i > 0 && /^\p{Lu}/u.test(t.text))).map((t) => t.text).join(' '));


/**
 * The steps of a copy the model gets wrong. Before anything is copied, a click into an empty field
 * (the target), or anywhere but a field, or a finish, goes to the field holding a value that the
 * command names best (the source); once that is clicked and selected, the copy. Once something
 * is copied and not yet pasted: a click back where it came from or on nothing, or a finish, goes
 * to another field (an empty one first, named best by the command); a finish once that field is
 * clicked pastes.
 */
export function copyField({ instruction, history, perception }: PolicyInput, action: PolicyAction, fieldNaming: Map<UiElement, number>): Correction | undefined {
  const stops = action.type === 'finished' || action.type === 'call_user';
  if ((action.type !== 'click' && !stops) || !copyCommand(instruction)) return undefined;
  const clicked = action.type === 'click' ? kindAt(perception.elements, 'text_field', action.at) : undefined;
  const fields = perception.elements.filter((e) => e.kind === 'text_field' && e !== clicked);
  const named = (a: UiElement, b: UiElement) => (fieldNaming.get(b) ?? 0) - (fieldNaming.get(a) ?? 0);
  const copied = history.findLastIndex((h) => isKeys(h.action, 'ctrl+c'));
  if (copied < 0) {
    // The source clicked and its value selected: copy it (a click into the target now would go back to the source).
    const [prev, last] = [history.at(-2)?.action, history.at(-1)?.action];
    const selected = last && isKeys(last, 'ctrl+a') && prev?.type === 'click' && perception.elements.some((e) => e.kind === 'text_field' && e.text.trim() && inside(prev.at, e.box, 0));
    if (selected) return { action: { type: 'hotkey', keys: ['ctrl', 'c'] }, thought: 'the value to copy is selected: copy it' };
    // A field with a value is the model's source, unless another one the command names better holds one.
    if (clicked?.text.trim()) {
      const better = fields.filter((e) => e.text.trim() && (fieldNaming.get(e) ?? 0) > (fieldNaming.get(clicked) ?? 0)).sort(named)[0];
      return better && { action: clickOn(better), target: better, thought: 'copy first: the field the command names better holds a value' };
    }
    // From an empty field (the target): the field with a value. From elsewhere (a word, a finish):
    // only one that the command names.
    const target = fields.filter((e) => e.text.trim() && (clicked || (fieldNaming.get(e) ?? 0) > 0)).sort(named)[0];
    return target && { action: clickOn(target), target, thought: 'copy first: the field that holds the value the command names' };
  }
  const after = history.slice(copied + 1);
  if (after.some((h) => isKeys(h.action, 'ctrl+v'))) return undefined;
  const from = history.slice(0, copied).findLast((h) => h.action.type === 'click')?.action;
  if (from?.type !== 'click') return undefined;
  const source = kindAt(perception.elements, 'text_field', from.at);
  const into = after.findLast((h) => h.action.type === 'click')?.action;
  if (stops && into?.type === 'click' && !(source && inside(into.at, source.box, 0))) return { action: { type: 'hotkey', keys: ['ctrl', 'v'] }, thought: 'copied and the target clicked: paste' };
  // A click back at the source (or on its label, which focuses it), or on nothing at all, is not
  // the way to the target.
  const words = action.type === 'click' ? wordAt(perception.elements, action.at) : -1;
  const onSourceLabel = words >= 0 && source !== undefined && fieldOfLabel(perception.elements, words) === source;
  if (action.type === 'click' && clicked !== source && !onSourceLabel && perception.elements.some((e) => inside(action.at, e.box, 0))) return undefined;
  const target = fields.filter((e) => e !== source).sort((a, b) => Number(Boolean(a.text.trim())) - Number(Boolean(b.text.trim())) || named(a, b))[0];
  return target && { action: clickOn(target), target, thought: 'copied: paste into the other field the command names' };
}

/**
 * A click into a text field, when another field's label names it better ("Put Khan in Last name"
 * clicked the field labelled "First name"): the field the command names. Also a click on loose
 * words the command does not say (a field's value read as text) while a field is named; once that
 * field is clicked into, the value. With no field named, the one field whose value has the shape
 * of the one to type (digits as many, an address), else the one showing no other field's name.
 * Only for commands about one field (two quoted values or more are a form, filled field by field
 * by their labels; a copy names its source and its target, and the source comes first).
 */
export function namedField({ instruction, perception, history }: PolicyInput, action: PolicyAction, fieldNaming: Map<UiElement, number>): Correction | undefined {
  if (action.type !== 'click' || quotedSpans(instruction).length >= 2 || copyCommand(instruction)) return undefined;
  const els = perception.elements;
  const clicked = kindAt(els, 'text_field', action.at);
  const line = clicked ? undefined : lineAt(els, action.at);
  if (!clicked && (line === undefined || saysAny(instruction, line))) return undefined;
  // (A field read twice, its focus ring outlined apart, is one field: the click is in both.)
  const score = Math.max(0, ...[...fieldNaming].filter(([e]) => inside(action.at, e.box, 0)).map(([, n]) => n));
  const better = [...fieldNaming].filter(([e, n]) => n > score && !inside(action.at, e.box, 0)).sort((a, b) => b[1] - a[1]);
  if (!better.length) return (clicked && sameShape(instruction, els, clicked)) || notAnotherField(instruction, els, clicked);
  if (better[1] && better[1][1] === better[0]![1]) return undefined;
  const target = better[0]![0];
  // Clicked into already, the model would click away: the value goes in.
  const last = history.at(-1)?.action;
  const value = last?.type === 'click' && inside(last.at, target.box, 0) ? commandValue(instruction) : undefined;
  if (value) return { action: { type: 'type', text: value }, target, thought: `the field the command names is clicked into: "${value}" goes in` };
  return { action: clickOn(target), target, thought: 'the command names another field better, by its label' };
}

/** Whether `line` holds a word the command says, filler and written values aside. */
const saysAny = (instruction: string, line: string) => {
  const said = new Set(tokenize(instruction).filter((t) => !isStopword(t) && !inWrittenValue(instruction, t)).map((t) => t.norm));
  return tokenize(line).some((t) => said.has(t.norm));
};

/** A value's shape: digits as many ("52566": 5 digits), a phone number, a street address, an email or a web address; else none. */
function shape(text: string): string | undefined {
  const t = text.trim();
  if (/^\d{3,}$/.test(t)) return `${t.length} digits`;
  if (/^\+?[\d\s().-]+$/.test(t) && (t.match(/\d/g) ?? []).length >= 7) return 'phone number';
  if (/^\d+[a-z]?\s+[\p{L}][\p{L}\s.'-]*\s(?:street|st|road|rd|avenue|ave|lane|ln|way|drive|dr|boulevard|blvd|place|pl|court|ct|square|sq)\.?$/iu.test(t)) return 'street address';
  if (/^[^\s@]+@[^\s@]+\.\w+$/.test(t)) return 'email';
  if (/^(?:https?:\/\/|www\.)\S+$/i.test(t)) return 'web address';
  return undefined;
}

/** The one other field showing a value shaped like the value to type, when the clicked one's is not. */
function sameShape(instruction: string, els: UiElement[], clicked: UiElement): Correction | undefined {
  const [span] = quotedSpans(instruction);
  const leading = leadingValue(instruction);
  const want = span ? shape(instruction.slice(...span)) : leading ? shape(leading) : tokenize(instruction).map((t) => shape(wholeWords(instruction, t.start, t.end))).find(Boolean);
  if (!want || shape(clicked.text) === want) return undefined;
  const alike = els.filter((e) => e.kind === 'text_field' && e !== clicked && shape(e.text) === want);
  return alike.length === 1 ? { action: clickOn(alike[0]!), target: alike[0]!, thought: `no field is named; this one shows a value shaped like the one to type (${want})` } : undefined;
}

/** What a field is commonly called: a field showing one the command does not say is that field, its placeholder showing. */
const FIELD_NAME = /^(?:(?:first|last|full|user|display|company|project|file|nick)\s?name|name|surname|company|organi[sz]ation|e-?mail(?: address)?|phone(?: number)?|mobile|(?:street )?address|city|town|country|state|region|zip(?: code)?|post(?:al)? ?code|password|(?:job )?title|website|url|message|comment|notes?|amount|quantity)$/i;

/**
 * With no field named by a label, a click on a field showing another field's name ("Company" for
 * "Write "Silva" in the last name box"), or on loose words when there is a value to type: the one
 * field that shows no other field's name.
 */
function notAnotherField(instruction: string, els: UiElement[], clicked: UiElement | undefined): Correction | undefined {
  const another = (e: UiElement) => FIELD_NAME.test(e.text.trim()) && !saysAny(instruction, e.text);
  if (clicked ? !another(clicked) : !typingCommand(instruction) && !changedTo(instruction)) return undefined;
  // The field's name on screen as words (a field perception missed, its placeholder read as text):
  // not a field without a name, but those words, which focus it.
  const value = new Set(commandValues(instruction).flatMap((v) => (v ? tokenize(v).map((t) => t.norm) : [])));
  const naming = new Set(tokenize(instruction).slice(1).filter((t) => !isStopword(t) && !value.has(t.norm)).map((t) => t.norm));
  const words = els.filter((e) => e.kind === 'text' && tokenize(e.text).some((t) => naming.has(t.norm)));
  if (words.length) {
    const lines = words.filter((e, i) => !words.slice(0, i).some((o) => lineAt(els, centre(o)) === lineAt(els, centre(e)) && Math.abs(o.box[1] - e.box[1]) < 4));
    const whole = lines.filter((e) => tokenize(lineAt(els, centre(e)) ?? '').every((t) => naming.has(t.norm) || isStopword(t)));
    return clicked && whole.length === 1 ? { action: clickOn(whole[0]!), target: whole[0]!, thought: 'the field the command names shows its name as words: a click there' } : undefined;
  }
  const rest = els.filter((e) => e.kind === 'text_field' && e !== clicked && !another(e));
  if (rest.length !== 1 || !els.some((e) => e.kind === 'text_field' && another(e))) return undefined;
  return { action: clickOn(rest[0]!), target: rest[0]!, thought: 'no field is named by its label; the others show names of other fields' };
}

/**
 * A click on a box holding several words apart (a segmented control read as one button, "Teal
 * Pink Green Purple") goes to the one word in it the command names, when it is the only one.
 */
export function namedWordInside({ instruction, perception }: PolicyInput, action: PolicyAction): { action: PolicyAction; target: UiElement } | undefined {
  if (action.type !== 'click') return undefined;
  const els = perception.elements;
  const box = els.filter((e) => e.kind !== 'text' && e.text.trim() && inside(action.at, e.box, 0)).sort((a, b) => a.box[2] * a.box[3] - b.box[2] * b.box[3])[0];
  if (!box) return undefined;
  const words = els.filter((e) => e.kind === 'text' && inside(centre(e), box.box, 0));
  // (Read as OCR reads it: "Smal" for "Small".)
  const said = tokenize(instruction).filter((t) => !isStopword(t));
  const named = words.filter((e) => tokenize(e.text).some((t) => said.some((s) => wordMatch(t, s)[2])));
  if (words.length < 2 || named.length !== 1 || inside(action.at, named[0]!.box, 0)) return undefined;
  return { action: clickOn(named[0]!), target: named[0]! };
}

/**
 * A form the model gives up on (or calls done) while fields the command gives values for by their
 * labels are still empty: the first of them, in the command's order.
 */
export function nextFormField({ history }: PolicyInput, action: PolicyAction, fieldsToFill: Features['fieldsToFill']): Correction | undefined {
  const next = fieldsToFill[0];
  if ((action.type !== 'finished' && action.type !== 'call_user') || !next) return undefined;
  const last = history.at(-1)?.action;
  if (last?.type === 'click' && inside(last.at, next.field.box, 0)) return undefined;
  return { action: clickOn(next.field), target: next.field, thought: `the form is not filled: "${next.value}" goes in this field, by its label` };
}

/** The model's step, corrected by the first rule that applies to it, or undefined. */
export function correct(input: PolicyInput, d: Omit<Decision, 'ms'>, f: Pick<Features, 'fieldNaming' | 'fieldsToFill' | 'untypedAt' | 'quotedPending'>): Correction | undefined {
  let action = d.action;
  let fixed: Correction | undefined;
  // The command spells out the kind of click ("Right click on "Photos", then …"): the first click is that kind.
  const kind = CLICK_KINDS.find(([re]) => re.test(input.instruction))?.[1];
  // Only a click on something that reads: one on nothing is no way in, and would use the kind up.
  const onWords = (at: Point) => input.perception.elements.some((e) => e.text.trim() && inside(at, e.box, 0));
  const ofKind = (a: PolicyAction): PolicyAction => (a.type === 'click' && kind !== undefined && onWords(a.at) && !input.history.some((h) => h.action.type === kind) ? { type: kind, at: a.at } : a);
  const kinded = ofKind(action);
  if (kinded !== action) {
    action = kinded;
    fixed = { action, target: d.target, thought: `the command says to ${action.type.replace('_', ' ')}` };
  }
  const intoField = fieldDrag(input, action);
  if (intoField) {
    action = intoField;
    fixed = { action, thought: 'the command drags nothing: a drag in a field is a click into it' };
  }
  // An option the command turns on or off whose state the screen shows: never flipped the wrong way, never left.
  const option = optionStates(input, action, f.untypedAt.length > 0 || f.fieldsToFill.length > 0);
  if (option) return option;
  // A click on a look-alike of a name still out of sight is no closer look at it: the search goes on.
  const seek = action.type === 'click' ? seekName(input, action) : undefined;
  if (seek) return seek;
  // A menu path the command spells out ("Actions › Add label"), name by name; a drag from and to what it names.
  const path = pathStep(input, action) ?? dragEnds(input, action);
  if (path) return path;
  // A prompt the command says to confirm, once open, is answered before any word of the command
  // is looked for elsewhere (the "Go" of "Go ahead and archive …" on "Go back").
  const yes = confirmPrompt(input, action);
  if (yes) return yes;
  const field = namedField(input, action, f.fieldNaming);
  if (field) return field;
  const word = namedWordInside(input, action);
  if (word) return { ...word, thought: 'of the words in what it clicks, the command names this one' };
  const exact = openEdit(input, action) ?? exactName(input, action) ?? unnamedClick(input, action) ?? listChoice(input, action);
  if (exact) return exact;
  const copy = copyField(input, action, f.fieldNaming);
  if (copy) return copy;
  // A value to type into what was just clicked comes before keys the command asks for after it.
  // A name to rename is opened for editing first. What is typed into a field that shows a value
  // (the model's typing or a value still to type) goes over it.
  const whole = wholeValue(input.instruction, action);
  if (whole) {
    action = whole;
    fixed = { action, thought: `the value the command gives is "${whole.text.trim()}"` };
  }
  const keys = pendingValue(input, action, f.untypedAt) ?? openRename(input, action, f.untypedAt) ?? shortcutKeys(input, action);
  const replaced = replacing(input, keys?.action ?? action);
  if (replaced) return { action: replaced, thought: 'the field holds another value: select it, then type over it' };
  if (keys) return keys;
  // A slider the model chose to move is measured and set by reading its value; a calendar pages
  // to the month the command names before a day is picked; a name out of sight is scrolled to.
  const moved = sliderMove(input, action) ?? calendarMove(input, action) ?? seekName(input, action);
  if (moved) return moved;
  // A form: its next empty field, a box still to tick once the values are in, the suggestion a
  // typed start offers, then the click it ends on (scrolled to when out of sight); a stop with
  // nothing done, the one thing the command names.
  const click = nextFormField(input, action, f.fieldsToFill) ?? pendingTick(input, action) ?? pendingSuggestion(input, action) ?? pendingClick(input, action, f.untypedAt.length > 0 || f.quotedPending > 0) ?? scrollToFinalClick(input, action) ?? nothingDone(input, action);
  return click ? { ...click, action: ofKind(click.action) } : fixed;
}
