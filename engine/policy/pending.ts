// The parts of a command left undone, by name: the click it ends on ("… and click Submit"), a box
// it says to tick, and the quoted name itself rather than a longer look-alike. The model is often
// unsure at the end of a long form, not done: these are its next steps.
import type { Perception, UiElement } from '../perception/types.ts';
import { wantedDate } from './calendar.ts';
import { centre, clickOn, clickPoint, inside, isKeys, kindAt, lineBox, lineElements, lineOf, rowControl, wordAt } from './elementMemory.ts';
import { fold, isStopword, levenshtein, nameRuns, quotedSpans, squeeze, type Token, tokenize, unquotedValue } from './text.ts';
import type { Point, PolicyAction, PolicyInput } from './types.ts';
import { typingCommand } from './vocabulary.ts';

const CLICK_PART = /\b(?:click|press|hit|tap|by (?:choosing|selecting|picking|clicking|pressing)(?!\s+to\b))\s+(?:on\s+)?(?:the\s+)?["“']?([\p{L}\p{N}][\p{L}\p{N}'’ -]{0,30}?)["”']?(?:\s+(?:button|link))?\s*(?:[.,;!?]|$)/giu;
/** The name the command's final "click X" gives, if it ends on one. */
export function finalClickName(instruction: string): string | undefined {
  const parts = [...instruction.matchAll(CLICK_PART)];
  const last = parts.at(-1);
  return last && last.index! + last[0].length >= instruction.trimEnd().length ? last[1]!.trim() : undefined;
}

const FINAL_VERB = /\b(?:and|then)\s+(submit|confirm|save|send|apply|accept)(?:\s+(?:it|them|this|that|(?:the|your)\s+[\p{L}]+))?\s*[.!]?\s*$/iu;
/** The buttons that do what a command's last verb says ("… and submit"), most fitting first. */
const VERB_BUTTONS: Record<string, string[]> = {
  submit: ['Submit', 'Send', 'OK', 'Done', 'Continue', 'Apply', 'Save', 'Confirm'],
  confirm: ['Confirm', 'OK', 'Yes', 'Apply', 'Accept', 'Continue'],
  save: ['Save', 'OK', 'Apply'],
  send: ['Send', 'Submit', 'OK'],
  apply: ['Apply', 'OK', 'Save'],
  accept: ['Accept', 'OK', 'Yes', 'Agree'],
};

/** The names of what the command ends on clicking: the one it names, or the buttons its last verb stands for. */
export function finalClickNames(instruction: string): string[] {
  const name = finalClickName(instruction);
  if (name) return [name];
  const verb = FINAL_VERB.exec(instruction.trim())?.[1];
  return verb ? VERB_BUTTONS[verb.toLowerCase()]! : [];
}

/**
 * Whether a part of the command (`span`: a quoted part, a name) is done: typed, or clicked (the
 * words of a click's element and label hold it: a box ticked by its label).
 */
export function actedOn(history: PolicyInput['history'], span: string): boolean {
  const want = squeeze(span);
  // OCR may misread a letter of a long label ("1 agree to the terms").
  const cap = Math.floor(want.length / 8);
  const read = (got: string) => got.includes(want) || (cap > 0 && levenshtein(got, want, cap) <= cap);
  return history.some((h) => (h.action.type === 'type' && squeeze(h.action.text) === want) || (h.action.type !== 'type' && want.length > 0 && read(squeeze((h.words ?? []).join(' ')))));
}

const TICK_BEFORE = /\b(?:tick|check|turn on|enable|agree to)\s*["“']?$/i;

/** The command's quoted parts, in order, each with whether it is a box to tick and whether it is done. */
export function quotedParts({ instruction, history }: Pick<PolicyInput, 'instruction' | 'history'>): { text: string; tick: boolean; done: boolean }[] {
  return quotedSpans(instruction).map(([a, b]) => {
    const text = instruction.slice(a, b);
    return { text, tick: TICK_BEFORE.test(instruction.slice(0, a)), done: actedOn(history, text) };
  });
}


/** What each element reads, squeezed: a word, the whole line it is on; a control, its own text. */
export const lineReads = (elements: UiElement[]) => elements.map((e, i) => squeeze(e.kind === 'text' ? lineOf(elements, i) : e.text));

/**
 * The elements whose line reads `name`, one per line ("Sign" and "up" are two elements of one
 * button); failing that, those that read it themselves (a menu bar's items are one line of
 * words); failing that and if `fuzzy`, lines a third of its letters off (OCR dropped "up" under
 * an underline).
 */
export function named(elements: UiElement[], name: string, fuzzy = true): UiElement[] {
  const want = squeeze(name);
  const read = lineReads(elements);
  const cap = Math.floor(want.length / 3);
  const line = elements.filter((_, i) => read[i] === want);
  const exact = line.length ? line : elements.filter((e) => squeeze(e.text) === want);
  const hits = exact.length || !fuzzy ? exact : elements.filter((_, i) => read[i]!.length > 0 && levenshtein(read[i]!, want, cap) <= cap);
  // One per line, and one per button: the words read inside a control are that control.
  const lines = hits.filter((e, i) => !hits.slice(0, i).some((o) => Math.abs(o.box[1] - e.box[1]) < 4 && Math.abs(o.box[0] - e.box[0]) < 200));
  return lines.filter((e) => !lines.some((o) => o !== e && o.kind !== 'text' && inside(centre(e), o.box, 0)));
}

/**
 * The one line that reads nearest `want` (squeezed), a third of its letters off at most, and how
 * far off; undefined when two lines are as near.
 */
function nearest(elements: UiElement[], want: string): { target: UiElement; dist: number } | undefined {
  const read = lineReads(elements);
  const cap = Math.floor(want.length / 3);
  const dists = read.map((r) => (r.length ? levenshtein(r, want, cap) : cap + 1));
  const dist = Math.min(...dists);
  if (dist > cap) return undefined;
  const readings = new Set(read.filter((_, i) => dists[i] === dist));
  const hits = readings.size === 1 ? named(elements, [...readings][0]!, false) : [];
  return hits.length === 1 ? { target: hits[0]!, dist } : undefined;
}

/** Every stretch of consecutive words (letters or digits) of the command, with its words. */
function commandStretches(instruction: string): { text: string; words: Token[] }[] {
  const toks = tokenize(instruction).filter((t) => /[\p{L}\p{N}]/u.test(t.text));
  return toks.flatMap((a, i) => toks.slice(i).map((b, k) => ({ text: instruction.slice(a.start, b.end), words: toks.slice(i, i + k + 1) })));
}

/** A command that may need a scroll: to look further, or to scroll as such. */
const SCROLLING = /\b(?:scroll\w*|find|locate|look for|search|further|down the list|below|bring|page (?:down|up))\b/i;

/**
 * A stop (or a scroll, for a command that needs none) before any step changed the screen, when
 * the command names exactly one thing on screen (a quoted name, or a run of capitalised words:
 * "View Security", its word read "Secu rity"): a click on it.
 */
export function nothingDone(input: PolicyInput, proposed: PolicyAction): { action: PolicyAction; target: UiElement; thought: string } | undefined {
  const stops = proposed.type === 'finished' || proposed.type === 'call_user' || (proposed.type === 'scroll' && !SCROLLING.test(input.instruction));
  if (!stops || input.history.some((h) => h.changed)) return undefined;
  const names = [...quotedSpans(input.instruction).map((span) => input.instruction.slice(...span)), ...nameRuns(input.instruction)];
  const found = [...new Set(names)].map((name) => ({ name, hits: named(input.perception.elements, name, false) })).filter((n) => n.hits.length > 0);
  if (found.length !== 1 || found[0]!.hits.length !== 1) return undefined;
  const target = found[0]!.hits[0]!;
  return { action: clickOn(target), target, thought: `nothing has changed yet, and "${found[0]!.name}" is the one thing on screen the command names` };
}

/** Where a drag goes, after the item it moves: "on the Archive area", "over to Done", "into Later". */
const DROP_PLACE = /^\s*(?:over\s+)?(?:on|onto|into|in|to|over)\s+(?:to\s+)?(?:the\s+)?["“']?([\p{L}\p{N}][\p{L}\p{N}'’ -]{0,30}?)["”']?(?:\s+(?:area|zone|target|column|list|box|bin|folder|panel|lane|tray))?\s*(?:[.,;!?]|\s+(?:by|with|using)\b|$)/iu;

/**
 * A drag whose ends miss what the command names, when it quotes the item ("Drop "Write tests" on
 * the Archive area", its words read "Writetests"): from the one thing reading the item, to the one
 * reading the place.
 */
export function dragEnds(input: PolicyInput, proposed: PolicyAction): { action: PolicyAction; thought: string } | undefined {
  if (proposed.type !== 'drag') return undefined;
  const [span] = quotedSpans(input.instruction);
  if (!span) return undefined;
  const els = input.perception.elements;
  const item = named(els, input.instruction.slice(...span), false);
  const placeName = DROP_PLACE.exec(input.instruction.slice(span[1] + 1).replace(/^["”']/, ''))?.[1];
  const place = placeName ? named(els, placeName, false) : [];
  const on = (p: Point, e: UiElement) => inside(p, e.box) || inside(p, lineBox(els, e));
  const from = item.length === 1 && !on(proposed.from, item[0]!) ? clickPoint(item[0]!) : proposed.from;
  const to = place.length === 1 && !on(proposed.to, place[0]!) ? clickPoint(place[0]!) : proposed.to;
  if (from === proposed.from && to === proposed.to) return undefined;
  return { action: { ...proposed, from, to }, thought: `the command drags "${input.instruction.slice(...span)}"${placeName ? ` to ${placeName}` : ''}` };
}

/** Letters two names start with alike to be look-alikes ("Share all", "Shared with me"). */
const SAME_START = 5;

/**
 * A click on a look-alike of a name the command quotes ("Save draft" for "Save", "Copy all" for
 * "Copy path", "Share all" for "Shared with me"), when exactly one thing on screen reads the name
 * itself: that one.
 */
export function exactName(input: PolicyInput, proposed: PolicyAction): { action: PolicyAction; target: UiElement; thought: string } | undefined {
  if (proposed.type !== 'click' && proposed.type !== 'double_click' && proposed.type !== 'right_click') return undefined;
  const els = input.perception.elements;
  const read = lineReads(els);
  const under = els.map((e, i) => [e, read[i]!] as const).filter(([e]) => inside(proposed.at, e.box, 0));
  // A field is clicked to type into, not for what it reads (its placeholder), when there is
  // something to type (else it may be a button read as a field).
  // (A quoted name on screen is not a value to type: stacked buttons read as fields.)
  const typing = typingCommand(input.instruction) || quotedSpans(input.instruction).some(([a, b]) => !named(els, input.instruction.slice(a, b), false).length);
  if (typing && under.some(([e]) => e.kind === 'text_field')) return undefined;
  for (const [a, b] of quotedSpans(input.instruction)) {
    const want = squeeze(input.instruction.slice(a, b));
    // What was clicked reads the name and more ("Save draft" for "Save"), or less ("Share" for
    // "Share all"), or starts as it does: with its first word ("Copy all" for "Copy path"), or its
    // first letters ("Share all" for "Shared with me").
    const start = Math.min(SAME_START, squeeze(tokenize(input.instruction.slice(a, b))[0]?.text ?? '').length);
    const alike = (r: string) => r.includes(want) || (r.length >= 3 && want.startsWith(r)) || (start >= 3 && r.length >= start && r.slice(0, start) === want.slice(0, start));
    if (!want || !under.length || under.some(([, r]) => r === want) || !under.some(([, r]) => alike(r)) || actedOn(input.history, input.instruction.slice(a, b))) continue;
    const exact = named(els, input.instruction.slice(a, b), false);
    // None reads it exactly (an underlined "Copy all" read "Copy_gl"): the one line nearest it, if
    // the model's is further off.
    const near = exact.length ? undefined : nearest(els, want);
    const target = exact.length === 1 ? exact[0]! : near && !under.some(([, r]) => levenshtein(r, want, near.dist) <= near.dist) ? near.target : undefined;
    if (!target) continue;
    return { action: { ...proposed, at: clickPoint(target) }, target, thought: `"${target.text}" reads ${exact.length ? 'exactly what the command quotes' : 'nearest what the command quotes'}` };
  }
  // Unquoted: the line clicked has words the command does not say ("Print all" for "Only hit
  // Print"), or fewer: the longest stretch of the command that exactly one other line reads,
  // sharing a word with the clicked one ("Copy path" for a click on "Copy to folder" or "Copy").
  if (quotedSpans(input.instruction).length) return undefined;
  const stretches = commandStretches(input.instruction);
  const said = new Set(tokenize(input.instruction).map((t) => t.norm));
  for (const [e] of under) {
    if (e.kind === 'text' && labelsField(els, els.indexOf(e))) continue;
    const words = tokenize(e.kind === 'text' ? lineOf(els, els.indexOf(e)) : e.text).filter((t) => /[\p{L}\p{N}]/u.test(t.text));
    const shared = new Set(words.filter((t) => said.has(t.norm) && !isStopword(t)).map((t) => t.norm));
    if (!shared.size) continue;
    // Another word of the line clicked is no other line.
    const clickedLine = lineElements(els, els.indexOf(e));
    let best: { name: string; target: UiElement } | undefined;
    for (const { text: name, words: run } of stretches) {
      if (run.length > 6 || isStopword(run[0]!) || isStopword(run.at(-1)!) || !run.some((t) => shared.has(t.norm))) continue;
      const exact = named(els, name, false).filter((o) => !clickedLine.includes(o) && !inside(centre(o), e.box, 0));
      if (exact.length === 1 && (!best || name.length > best.name.length)) best = { name, target: exact[0]! };
    }
    // What the model clicked says more than the command, or less ("Copy" for "Copy path"); and
    // no longer a stretch of the command than the best ("Find and Replace…  Ctrl+R" is not "Find").
    const more = words.some((t) => !said.has(t.norm));
    const clicked = squeeze(words.map((t) => t.text).join(''));
    const held = Math.max(0, ...stretches.map((x) => squeeze(x.text)).filter((x) => clicked.includes(x)).map((x) => x.length));
    if (best && squeeze(best.name).length >= held && (more || squeeze(best.name).length > clicked.length)) {
      return { action: { ...proposed, at: clickPoint(best.target) }, target: best.target, thought: `"${best.name}" reads exactly what the command says; what the model clicked says ${more ? 'more' : 'less'}` };
    }
  }
  return undefined;
}

/**
 * A box the command says to tick ("tick "Subscribe to updates"") once every value is typed, when
 * the model is lost at the end of a form: it would finish, give up, or type or select-all again.
 * The box (or switch) on the label's row, on its left or its right, else the label itself.
 */
export function pendingTick(input: PolicyInput, proposed: PolicyAction): { action: PolicyAction; target: UiElement; thought: string } | undefined {
  const parts = quotedParts(input);
  const repeat = proposed.type === 'type' && input.history.some((h) => h.action.type === 'type' && h.action.text === proposed.text);
  const els = input.perception.elements;
  // A click on what the command ends on ("… and click Register") before the box is ticked is early.
  const early = proposed.type === 'click' && finalClickNames(input.instruction).some((name) => named(els, name).some((e) => inside(proposed.at, e.box, 0) || inside(proposed.at, lineBox(els, e), 0)));
  const lost = proposed.type === 'finished' || proposed.type === 'call_user' || repeat || proposed.type === 'hotkey' || early;
  if (!lost || parts.some((p) => !p.tick && !p.done)) return undefined;
  for (const part of parts.filter((p) => p.tick && !p.done)) {
    const [label] = named(els, part.text);
    if (!label) continue;
    const box = rowControl(els, label);
    const target = box ?? label;
    // Ticked already, or clicked already (a switch shows no state, and its click's words may miss its label).
    if (box?.state?.checked || input.history.some((h) => h.action.type === 'click' && inside(h.action.at, target.box))) continue;
    return { action: clickOn(target), target, thought: `every value is typed; the command says to tick "${part.text}"` };
  }
  return undefined;
}

/**
 * The click a command ends on: when every quoted part of it is done (typed, or ticked), whatever
 * else the model would do (type a value again, select all, finish); otherwise in place of a finish
 * or a call for help, unless something is `leftToDo` (a value to type, a quoted name on screen).
 */
export function pendingClick(input: PolicyInput, proposed: PolicyAction, leftToDo = false): { action: PolicyAction; target: UiElement; thought: string } | undefined {
  const parts = quotedParts(input);
  const allDone = parts.length > 0 && parts.every((p) => p.done);
  if (!allDone && (leftToDo || (proposed.type !== 'finished' && proposed.type !== 'call_user'))) return undefined;
  const els = input.perception.elements;
  // The first name on screen as one button or link, or as one thing.
  const found = finalClickNames(input.instruction).map((name) => {
    const lines = named(els, name);
    const buttons = lines.filter((e) => e.kind === 'button' || e.kind === 'link');
    return { name, target: buttons.length === 1 ? buttons[0] : lines.length === 1 ? lines[0] : undefined };
  });
  const { name, target } = found.find((f) => f.target) ?? {};
  if (!name || !target) return undefined;
  // Clicked already (by its words, or where it is: OCR may have read less of it), or the model is
  // on its way there.
  const on = (a: PolicyAction) => a.type === 'click' && inside(a.at, target.box);
  // A name the command gives may be read inside a longer line; a verb's buttons ("OK") are whole words.
  const verb = found.length > 1;
  const read = (h: PolicyInput['history'][number]) => (verb ? tokenize((h.words ?? []).join(' ')).map((t) => t.norm) : [squeeze((h.words ?? []).join(' '))]);
  const hit = (h: PolicyInput['history'][number]) => read(h).some((r) => found.some((f) => (verb ? r === fold(f.name) : r.includes(squeeze(f.name)))));
  // Where it is now counts unless the click went to something else there then (a list item
  // that lay over the button).
  const part = (t: string) => t.length >= 2 && found.some((f) => squeeze(f.name).includes(t) || t.includes(squeeze(f.name)));
  const elsewhere = (h: PolicyInput['history'][number]) => (h.words ?? []).some((w) => w.trim()) && !tokenize((h.words ?? []).join(' ')).some((t) => part(t.norm));
  const clicked = input.history.some((h) => h.action.type === 'click' && (hit(h) || (on(h.action) && !elsewhere(h))));
  if (clicked || on(proposed)) return undefined;
  return { action: clickOn(target), target, thought: `the command ends on clicking ${name}, which is on screen and not clicked yet` };
}

/**
 * "Change First name to Ines", "Set the city to Oslo", "The company should be Tyrell Ltd": the
 * unquoted value a command ends with.
 */
const CHANGE_TO = /^\W*(?:please\s+)?(?:change|set|update|make)\s+\S.*?\s+to\s+(?=[^\s"“”'‘’])|^\W*(?:the\s+|my\s+)?\S.*?\s+(?:should|must|needs to)\s+(?:be|read|say|become)\s+(?=[^\s"“”'‘’])/i;
export function changedTo(instruction: string): string | undefined {
  const m = quotedSpans(instruction).length ? null : CHANGE_TO.exec(instruction);
  return m ? unquotedValue(instruction, m[0].length) || undefined : undefined;
}

/**
 * A quoted value still to type (`untypedAt`: where such values start), or one a command to change
 * a field ends with (`changedTo`), when the model would stop right after clicking into a field (or
 * a document's page), or after double-clicking a name to edit it in place: that value, and Enter to
 * end an edit in place. Right after a click on the field's label: a click on the field.
 */
export function pendingValue(input: PolicyInput, proposed: PolicyAction, untypedAt: number[]): { action: PolicyAction; thought: string } | undefined {
  if (proposed.type !== 'finished' && proposed.type !== 'call_user') return undefined;
  // A value the command ends with ("Change First name to Ines"), once a click went into a field.
  const trailing = untypedAt.length || input.history.some((h) => h.action.type === 'type') ? undefined : changedTo(input.instruction);
  if (!untypedAt.length && !trailing) return undefined;
  let last = input.history.at(-1)?.action;
  const inPlace = last?.type === 'double_click' || (isKeys(last, 'f2') && input.history.at(-1)!.changed);
  // The click into the field, before what it showed was selected to type over.
  const selectAll = isKeys(last, 'ctrl+a');
  if (selectAll) last = input.history.at(-2)?.action;
  // A field, or nothing perception can name: a document's page, a canvas.
  const under = last?.type === 'click' ? (input.previous?.elements ?? []).filter((e) => inside(last.at, e.box, 0)) : [];
  const intoField = last?.type === 'click' && (trailing ? under.some((e) => e.kind === 'text_field') : !under.length || under.some((e) => e.kind === 'text_field'));
  // A quoted value, or an unquoted one the command starts with ("Put https://… in Website").
  const span = quotedSpans(input.instruction).find(([a]) => a === untypedAt[0]);
  const text = trailing ?? (span ? input.instruction.slice(...span) : unquotedValue(input.instruction, untypedAt[0]!));
  if (!text) return undefined;
  if (!inPlace && !intoField) {
    // A click on a field's label, words the command says unquoted: the field itself next (not
    // every page focuses it).
    const prev = input.previous?.elements ?? [];
    const words = last?.type === 'click' ? wordAt(prev, last.at) : -1;
    const said = new Set(tokenize(input.instruction).filter((t) => !t.quoted && !isStopword(t)).map((t) => t.norm));
    const label = words >= 0 && tokenize(lineOf(prev, words)).some((t) => said.has(t.norm));
    const field = label ? fieldOfLabel(prev, words) : undefined;
    return field && { action: clickOn(field), thought: `"${text}" is still to type, and the last click went to the label of its field` };
  }
  return { action: { type: 'type', text: inPlace ? `${text}\n` : text }, thought: `"${text}" is still to type, and the last step ${inPlace ? 'opened a name to edit' : 'clicked into a field'}` };
}

/**
 * Whether the words at `i` label a field: one on their row to the right, or just below them; or
 * they hold a field's value read as words (an address). A click there is on the way to typing.
 */
function labelsField(els: UiElement[], i: number): boolean {
  return /@|:\/\//.test(lineOf(els, i)) || fieldOfLabel(els, i) !== undefined;
}

/** The text field the words at `i` label: on their row to the right, or just below them. */
export function fieldOfLabel(els: UiElement[], i: number): UiElement | undefined {
  const [x, y, w, h] = els[i]!.box;
  return els.find((f) => f.kind === 'text_field' && (
    (f.box[0] >= x + w - 4 && f.box[0] - (x + w) < 300 && Math.min(y + h, f.box[1] + f.box[3]) - Math.max(y, f.box[1]) > 0) ||
    (f.box[1] >= y + h - 4 && f.box[1] - (y + h) < 40 && Math.min(x + w, f.box[0] + f.box[2]) - Math.max(x, f.box[0]) > -20)));
}

/** The names the command gives: quoted, or capitalised runs. */
const commandNames = (instruction: string) => [...quotedSpans(instruction).map(([a, b]) => instruction.slice(a, b)), ...nameRuns(instruction)];

/** The names the command gives that no step has acted on yet. */
function namesLeft({ instruction, history }: Pick<PolicyInput, 'instruction' | 'history'>): string[] {
  return commandNames(instruction).filter((name) => !actedOn(history, name));
}

/** The elements showing words that were not on screen before: a list or menu just opened. */
export function newWords(previous: Perception, perception: Perception): UiElement[] {
  const before = new Set(previous.elements.map((e) => e.text.trim()));
  return perception.elements.filter((e) => e.text.trim() && !before.has(e.text.trim()));
}

/**
 * A click on a line that shares words with the command but holds none of the names it gives
 * ("Find and replace" for "Find Preferences under Edit and click it"), or only one already
 * right-clicked ("Taxes 2024" again, for "… then select Compress"): the model matched a verb, a
 * filler word or the step it just took. The name the command gives and no step acted on yet,
 * when exactly one line on screen reads it.
 */
export function unnamedClick(input: PolicyInput, proposed: PolicyAction): { action: PolicyAction; target: UiElement; thought: string } | undefined {
  if (proposed.type !== 'click') return undefined;
  const els = input.perception.elements;
  const said = new Set(tokenize(input.instruction).map((t) => t.norm));
  const i = wordAt(els, proposed.at);
  // A named icon none of whose names the command says (a breadcrumb's "›" for "Visit the Security
  // page"), for a command that names no icon. (A nameless one may be a select's arrow.)
  const icon = i < 0 ? els.find((e) => e.kind === 'icon' && inside(proposed.at, e.box, 0)) : undefined;
  if (icon?.text.trim() && !ICON_WORDS.test(input.instruction) && !tokenize(icon.text).some((t) => said.has(t.norm))) return nameOnScreen(input, `the icon "${icon.text}" is none of the names the command gives`);
  if (i < 0 || labelsField(els, i)) return undefined;
  const line = lineOf(els, i);
  // Names still to act on: all but one already right-clicked (its menu is open now).
  const menuOpened = input.history.filter((h) => h.action.type === 'right_click');
  const names = commandNames(input.instruction).filter((n) => !actedOn(menuOpened, n));
  const nameWords = new Set(names.flatMap((n) => tokenize(n).map((t) => t.norm)));
  const words = tokenize(line).filter((t) => /\p{L}/u.test(t.text));
  // A line the command reads out whole ("In progress" in "I need In progress in the Status
  // menu") is a name too, unless it was right-clicked.
  const readOut = squeeze(input.instruction).includes(squeeze(line)) && !actedOn(menuOpened, line);
  if (!words.some((w) => said.has(w.norm)) || words.some((w) => nameWords.has(w.norm)) || readOut) return undefined;
  return nameOnScreen(input, `"${line}" holds none of the names still to act on`);
}

const ICON_WORDS = /\b(?:icon|symbol|glyph|pictogram)s?\b/i;

/**
 * The first name the command gives and no step acted on yet that exactly one line on screen reads,
 * read on with the command's next words where one line reads those too ("Status page" in "Go to
 * Status page": another "Status" may end a sentence).
 */
function nameOnScreen(input: PolicyInput, why: string): { action: PolicyAction; target: UiElement; thought: string } | undefined {
  const after = tokenize(input.instruction).filter((t) => /[\p{L}\p{N}]/u.test(t.text));
  for (const name of namesLeft(input)) {
    const start = input.instruction.indexOf(name);
    const next = after.filter((t) => t.start >= start + name.length).slice(0, 2);
    const longer = next.map((_, k) => input.instruction.slice(start, next[k]!.end)).reverse();
    for (const said of [...longer, name]) {
      const exact = named(input.perception.elements, said, false).filter((e) => e.kind !== 'icon');
      if (exact.length !== 1) continue;
      const target = exact[0]!;
      return { action: clickOn(target), target, thought: `${why}; "${said}" is on screen and not acted on yet` };
    }
  }
  return undefined;
}

/**
 * The suggestion to choose once the start of a name is typed (`San` of "choose San Jose"), when
 * the model would stop or click on nothing: the one line below the field that reads the whole name.
 */
export function pendingSuggestion(input: PolicyInput, proposed: PolicyAction): { action: PolicyAction; target: UiElement; thought: string } | undefined {
  const typing = input.history.at(-1)?.action;
  const click = input.history.findLast((h) => h.action.type === 'click')?.action;
  const els = input.perception.elements;
  // A stop, or a click on nothing (just past the suggestion).
  const astray = proposed.type === 'finished' || proposed.type === 'call_user' || (proposed.type === 'click' && !els.some((e) => inside(proposed.at, e.box, 0)));
  if (!astray || typing?.type !== 'type' || click?.type !== 'click') return undefined;
  const typed = squeeze(typing.text);
  // Typed whole is not chosen yet: the names no click went to.
  for (const name of namesLeft({ ...input, history: input.history.filter((h) => h.action.type !== 'type') })) {
    if (!typed || !squeeze(name).startsWith(typed)) continue;
    const below = named(els, name, false).filter((e) => e.kind !== 'text_field' && e.box[1] > click.at.y);
    if (below.length !== 1) continue;
    const target = below[0]!;
    return { action: clickOn(target), target, thought: `"${typing.text}" is typed and "${name}" is offered below it` };
  }
  return undefined;
}

/** A menu path: "Actions › Add label", "File > Save As", "Settings → Privacy". */
const PATH_SEPARATOR = /\s*(?:›|»|->|→|(?<=\S)\s+>\s+)\s*/;

/** A menu the command names by its title: "from the Edit menu", "in the View menu". */
const MENU_NAMED = /\b(?:the|its)\s+((?:\p{Lu}[\p{L}\p{N}]*\s+)*\p{Lu}[\p{L}\p{N}]*)\s+menu\b/u;

/**
 * The names of a menu path the command gives, in order ("Actions › Add label", or "Run "Undo
 * typing" from the Edit menu": Edit, then Undo typing); none without one.
 */
export function menuPath(instruction: string): string[] {
  const menu = MENU_NAMED.exec(instruction)?.[1];
  const quoted = quotedSpans(instruction);
  if (menu && quoted.length === 1) return [menu, instruction.slice(...quoted[0]!)];
  if (!PATH_SEPARATOR.test(instruction)) return [];
  const [first, ...rest] = instruction.split(PATH_SEPARATOR).map((p) => p.trim());
  // The first name: the capitalised words the path starts with ("Use Actions", "Go to Settings"),
  // the command's first word aside; each later one runs to the clause's end ("… and turn off").
  const words = (first ?? '').split(/\s+/).filter(Boolean);
  let from = words.length;
  while (from > 1 && /^[\p{Lu}\p{N}]/u.test(words[from - 1]!)) from--;
  const head = (from === words.length ? words.slice(-1) : words.slice(from)).join(' ');
  const tail = rest.map((p) => p.split(/[,;!?]|\s+then\s+|\s+and\s+(?=\p{Ll})/u)[0]!.replace(/[.…]+$/, '').trim());
  return head ? [head, ...tail].filter(Boolean) : [];
}

/**
 * A menu path the command gives ("Use Actions › Add label"): each name in turn, once on screen,
 * in place of anything but a click on it.
 */
export function pathStep(input: PolicyInput, proposed: PolicyAction): { action: PolicyAction; target: UiElement; thought: string } | undefined {
  const path = menuPath(input.instruction);
  if (path.length < 2) return undefined;
  const els = input.perception.elements;
  const on = (a: PolicyAction, e: UiElement) => (a.type === 'click' || a.type === 'double_click') && (inside(a.at, e.box) || inside(a.at, lineBox(els, e)));
  for (const name of path) {
    if (actedOn(input.history, name)) continue;
    const hits = named(els, name);
    if (hits.length !== 1) return undefined;
    const target = hits[0]!;
    // Clicked already where it is (OCR may read it otherwise: "Edlit").
    if (input.history.some((h) => on(h.action, target))) continue;
    if (on(proposed, target) && proposed.type === 'click') return undefined;
    return { action: clickOn(target), target, thought: `the command gives the path ${path.join(' › ')}: ${name} is next, and on screen` };
  }
  return undefined;
}

const RENAME = /\b(?:re-?name[sd]?|renaming|re-?title[sd]?|retitling|in place)\b|\bname\b.*\b(?:to|into|as)\b/i;


/**
 * A name the command renames ("Retitle "Launch plan" as "Launch checklist"") left unopened when
 * the model would stop: F2 once it is selected (the desktop's key to rename), else a double click
 * on it (a web list's or tree's edit in place).
 */
export function openRename(input: PolicyInput, proposed: PolicyAction, untypedAt: number[]): { action: PolicyAction; target: UiElement; thought: string } | undefined {
  if ((proposed.type !== 'finished' && proposed.type !== 'call_user') || !untypedAt.length || !RENAME.test(input.instruction)) return undefined;
  if (input.history.some((h) => h.action.type === 'type' || h.action.type === 'double_click')) return undefined;
  const old = quotedSpans(input.instruction).find(([a]) => a < untypedAt[0]!);
  const name = old && input.instruction.slice(...old);
  const hits = name ? named(input.perception.elements, name) : [];
  if (hits.length !== 1) return undefined;
  const target = hits[0]!;
  const last = input.history.at(-1)?.action;
  if (last?.type === 'click' && inside(last.at, target.box) && !input.history.some((h) => isKeys(h.action, 'f2'))) {
    return { action: { type: 'hotkey', keys: ['f2'] }, target, thought: `"${name}" is selected and the command renames it: F2 opens it for editing` };
  }
  return { action: { type: 'double_click', at: clickPoint(target) }, target, thought: `the command renames "${name}", which is not open for editing: a double click opens it in place` };
}

/**
 * A name opened for editing in place (double-clicked), typed over, and left open: the model would
 * stop, or click (a click elsewhere may drop the edit in some programs). Enter ends the edit (the
 * page keeps the old name until then). Only for a command to rename: in a document, Enter would
 * add a line.
 */
export function openEdit(input: PolicyInput, proposed: PolicyAction): { action: PolicyAction; thought: string } | undefined {
  const [opened, typed] = [input.history.at(-2)?.action, input.history.at(-1)?.action];
  if (opened?.type !== 'double_click' || typed?.type !== 'type' || typed.text.endsWith('\n') || !RENAME.test(input.instruction)) return undefined;
  if (proposed.type !== 'finished' && proposed.type !== 'call_user' && proposed.type !== 'click') return undefined;
  return { action: { type: 'hotkey', keys: ['enter'] }, thought: 'the name typed over is still open for editing: Enter ends the edit' };
}

/**
 * The click a command ends on, out of sight below a long form: once every quoted part is done and
 * the model would stop, a scroll down where the form is (until the page stops moving).
 */
export function scrollToFinalClick(input: PolicyInput, proposed: PolicyAction): { action: PolicyAction; thought: string } | undefined {
  if (proposed.type !== 'finished' && proposed.type !== 'call_user') return undefined;
  const parts = quotedParts(input);
  const name = finalClickName(input.instruction);
  if (!name || !parts.length || parts.some((p) => !p.done) || named(input.perception.elements, name).length || actedOn(input.history, name)) return undefined;
  const downs = input.history.filter((h) => h.action.type === 'scroll' && h.action.direction === 'down');
  if (downs.slice(-2).length === 2 && downs.slice(-2).every((h) => !h.changed)) return undefined;
  const lastClick = input.history.findLast((h) => h.action.type === 'click')?.action;
  const at = lastClick?.type === 'click' ? lastClick.at : { x: Math.round(input.perception.width / 2), y: Math.round(input.perception.height / 2) };
  return { action: { type: 'scroll', at, direction: 'down', amount: 5 }, thought: `every part is done and ${name}, which the command ends on, is not on screen: scroll down to it` };
}

/**
 * A list the model's last click opened (words new to the screen, three or more: a select's
 * options, a menu): the one line in it holding the longest stretch of the command ("Find and
 * Replace…", not "Find"; "Papaya"), when that stretch has a name the command gives and no step
 * acted on, in place of anything but a click on it or typing into a field just clicked.
 */
export function listChoice(input: PolicyInput, proposed: PolicyAction): { action: PolicyAction; target: UiElement; thought: string } | undefined {
  const { history, perception, previous } = input;
  const last = history.at(-1)?.action;
  // A date is picked from a calendar, month by month (calendar.ts), not from a list. Typing into
  // a field just clicked picks from its list too (a combo box filters); into a list a dropdown
  // opened, it may pick nothing.
  if (last?.type !== 'click' || !previous || wantedDate(input.instruction)) return undefined;
  if (proposed.type === 'type' && kindAt(previous.elements, 'text_field', last.at)) return undefined;
  const els = perception.elements;
  const fresh = newWords(previous, perception);
  if (fresh.length < 3) return undefined;
  const stretches = commandStretches(input.instruction).filter((x) => x.words.some((t) => !isStopword(t))).map((x) => x.text);
  const read = lineReads(els);
  const held = (i: number) => stretches.filter((x) => read[i]!.includes(squeeze(x))).sort((a, b) => squeeze(b).length - squeeze(a).length)[0];
  const offered = fresh.map((e) => ({ e, stretch: held(els.indexOf(e)) })).filter((o): o is { e: UiElement; stretch: string } => o.stretch !== undefined);
  const longest = Math.max(0, ...offered.map((o) => squeeze(o.stretch).length));
  // One per line: the words of a line are one option.
  const best = offered.filter((o) => squeeze(o.stretch).length === longest).filter((o, i, all) => !all.slice(0, i).some((p) => Math.abs(p.e.box[1] - o.e.box[1]) < 4));
  const left = new Set(namesLeft(input).flatMap((n) => tokenize(n).map((t) => t.norm)));
  if (best.length !== 1 || !tokenize(best[0]!.stretch).some((t) => left.has(t.norm))) return undefined;
  const { e: target, stretch } = best[0]!;
  if (proposed.type === 'click' && inside(proposed.at, target.box, 2)) return undefined;
  return { action: clickOn(target), target, thought: `the click opened a list that offers "${stretch}"` };
}
