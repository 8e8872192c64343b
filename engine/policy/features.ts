// Turns (instruction, perceived elements, history) into the action model's input tensors. This is
// the only implementation of the features: the training data generator calls it too, so the model
// trains on exactly what it sees at run time.
import { ELEMENT_KINDS, type Perception, type UiElement } from '../perception/types.ts';
import { elementMemory, elementUnder, lineElements, lineOf, MEMORY_FEATURES } from './elementMemory.ts';
import { type Neighbours, neighbours } from './neighbours.ts';
import { fold, inWrittenValue, isStopword, labelledValue, levenshtein, quotedSpans, STOPWORDS, type Token, tokenize, unquotedValue, wordMatch } from './text.ts';
import type { StepMemory } from './types.ts';
import { ACTION_CUES, actionCues, keyMentions, KEY_COMBOS, MODEL_ACTIONS, SCROLL_DIRECTIONS, typingCommand } from './vocabulary.ts';
import type { Vocabulary } from './vocabularyFile.ts';
import { vectorKey, WORD_DIMS } from './wordVectors.ts';

export const MAX_TOKENS = 48;
export const MAX_ELEMENTS = 256;
/**
 * Match channels per (element, token): [exact, folded, fuzzy, prefix, less, greater] of the
 * element itself and of its left, right and above neighbours. `less`/`greater`: the element shows
 * a quantity of the same kind (a number, a month) below or above the token's ("set it to 50" next
 * to a slider reading 30; "October 2027" on a calendar showing September).
 */
export const MATCH_CHANNELS = 24;
const PER_SOURCE = 6;
export const TOKEN_FEATURES = 15;
export const ELEMENT_FEATURES = ELEMENT_KINDS.length + 6 + 1 + 3 + 4 + 4 + MEMORY_FEATURES + 1 + 2;
export const GLOBAL_FEATURES = 2 + 1 + 1 + (MODEL_ACTIONS.length + 1) + 1 + MODEL_ACTIONS.length + 1 + 1 + SCROLL_DIRECTIONS.length + KEY_COMBOS.length + 2 + ACTION_CUES.length;

export interface Features {
  tokens: Token[];
  /** Each token's word-vector lookup key (`vectorKey`): the trainer looks them up itself. */
  wordKeys: string[];
  /**
   * Each token's pretrained word vector (zeros for a word the table lacks), T × WORD_DIMS. Only the
   * instruction gets them: they place "approve" near "accept" but also near "reject" (antonyms
   * share contexts), so grounding on the screen stays with the exact and fuzzy matches.
   */
  tokenVectors: Float32Array;
  elements: UiElement[];
  tokenIds: BigInt64Array;
  tokenFeatures: Float32Array;
  elementFeatures: Float32Array;
  match: Float32Array;
  globalFeatures: Float32Array;
  keyMentions: Float32Array;
  /** Quoted names the command gives that are on screen and that the agent has not acted on yet. */
  quotedPending: number;
  /** The words of the text field the last step clicked (its label, its text): what typing now fills. */
  fieldWords: string[];
  /** Per text field, how many of the command's unquoted words name it (by its label or placeholder). */
  fieldNaming: Map<UiElement, number>;
  /** Text fields that already show the quoted value the command gives for their label, and their labels' words. */
  filledFields: Set<UiElement>;
  /** Text fields the command gives a quoted value for by their label, not shown or typed yet, in the command's order. */
  fieldsToFill: { field: UiElement; value: string; at: number }[];
  /** Where values still to type start (`untypedValues`): quoted, not on screen, not typed yet; or a command's leading unquoted value. */
  untypedAt: number[];
}

export const MONTH_NAMES = ['jan(?:uary)?', 'feb(?:ruary)?', 'mar(?:ch)?', 'apr(?:il)?', 'may', 'june?', 'july?', 'aug(?:ust)?', 'sep(?:t|tember)?', 'oct(?:ober)?', 'nov(?:ember)?', 'dec(?:ember)?'].map((m) => new RegExp(`^${m}$`, 'i'));

/** A quantity a word names, comparable only with one of the same kind: a number, or a month. */
export function quantity(word: Token): { kind: 'number' | 'month'; value: number } | undefined {
  const digits = word.text.replace(/[,%]/g, '');
  if (/^\d+(?:\.\d+)?$/.test(digits)) return { kind: 'number', value: Number(digits) };
  const m = MONTH_NAMES.findIndex((re) => re.test(word.text));
  return m >= 0 ? { kind: 'month', value: m } : undefined;
}

/** The quantity each instruction word asks for: in an ISO date (2027-03-14) the middle number is a month. */
export function wantedQuantities(tokens: Token[]): ReturnType<typeof quantity>[] {
  const wants = tokens.map(quantity);
  for (let i = 0; i + 4 < tokens.length; i++) {
    const [y, dash, m, dash2, d] = tokens.slice(i, i + 5).map((t) => t.text);
    if (/^\d{4}$/.test(y!) && dash === '-' && dash2 === '-' && /^\d{1,2}$/.test(d!) && /^\d{1,2}$/.test(m!) && Number(m) >= 1 && Number(m) <= 12) wants[i + 2] = { kind: 'month', value: Number(m) - 1 };
  }
  return wants;
}

function wordsMatch(words: Token[], tokens: Token[], wants: ReturnType<typeof quantity>[]): Float32Array {
  const m = new Float32Array(tokens.length * PER_SOURCE);
  const shown = words.map(quantity);
  tokens.forEach((t, ti) => {
    const o = ti * PER_SOURCE;
    for (const w of words) {
      const r = wordMatch(w, t);
      for (let c = 0; c < 4; c++) m[o + c] = Math.max(m[o + c]!, r[c]!);
    }
    const want = wants[ti];
    if (!want) return;
    for (const q of shown) {
      if (q?.kind !== want.kind) continue;
      if (q.value < want.value) m[o + 4] = 1;
      if (q.value > want.value) m[o + 5] = 1;
    }
  });
  return m;
}

/** Whether the element's whole text occurs in the instruction as consecutive words: [case-exact, folded, inside quotes]. */
function phraseIn(words: Token[], tokens: Token[]): [number, number, number] {
  const content = words.filter((w) => /[\p{L}\p{N}]/u.test(w.text));
  if (!content.length) return [0, 0, 0];
  let exact = 0;
  let folded = 0;
  let quoted = 0;
  for (let s = 0; s + content.length <= tokens.length; s++) {
    const span = tokens.slice(s, s + content.length);
    if (span.every((t, i) => t.norm === content[i]!.norm)) {
      folded = 1;
      if (span.every((t, i) => t.text === content[i]!.text)) exact = 1;
      if (span.every((t) => t.quoted)) quoted = 1;
    }
  }
  return [exact, folded, quoted];
}


const squeeze = (t: string) => fold(t).replace(/\s+/g, '');

/**
 * A text field's words: what it shows, and its label: the text on its left when there is some
 * (the text above it is then the row above's label), else the text above it. A sentence on its
 * left ("Tip: details appear on the right." in a sidebar) is no label.
 */
function fieldWordsOf(elements: UiElement[], near: Neighbours[], e: number): string[] {
  const [left, , above] = near[e]!;
  const leftLine = left >= 0 && elements[left]!.kind === 'text' ? lineOf(elements, left) : undefined;
  const labelLike = leftLine !== undefined && !/[.!?]$/.test(leftLine.trim()) && leftLine.trim().split(/\s+/).length <= 5;
  const label = labelLike ? leftLine : above >= 0 ? lineOf(elements, above) : undefined;
  return [elements[e]!.text, ...(label !== undefined ? [label] : [])];
}

/** A command that starts by saying to type unquoted words: "Enter Grace as your name, then press OK". */
const LEADING_TYPING = /^\W*(?:please\s+)?(?:type|enter|input|write|key in|fill in|put(?!\s+(?:a|the)\s+(?:tick|check|mark|cross)))\s+(?=[^\s"“”'‘’])/i;

/**
 * Where the unquoted value a command starts by saying to type begins, if it does. "Put Call
 * supplier in Later by dragging it" moves a thing, and "Put the same API key in Key using copy and
 * paste" a value already there: nothing to type.
 */
function leadingValueAt(instruction: string): number | undefined {
  const leading = LEADING_TYPING.exec(instruction);
  if (!leading || quotedSpans(instruction).length) return undefined;
  const moving = /^\W*(?:please\s+)?put\b/i.test(instruction) && (actionCues(instruction)[ACTION_CUES.findIndex(([name]) => name === 'drag')] === 1 || /\b(?:copy|paste|clipboard)\b/i.test(instruction));
  return moving ? undefined : leading[0].length;
}

/** The unquoted value a command starts by saying to type ("Put +1 555 534 4364 in Phone"), if it does. */
export function leadingValue(instruction: string): string | undefined {
  const at = leadingValueAt(instruction);
  return at === undefined ? undefined : unquotedValue(instruction, at) || undefined;
}

const NEW_NAME = /\b(?:as|to|into)\s*$/i;

/**
 * Where the values still to type start in the command, when it says to type or gives values for
 * fields on screen (`forFields`): quoted values not on screen and not typed yet; or, before
 * anything is typed, the unquoted words a command starts by saying to type.
 */
function untypedValues(instruction: string, typed: string, elementWords: Token[][], forFields: boolean): number[] {
  const spans = quotedSpans(instruction);
  if (!spans.length) {
    const at = leadingValueAt(instruction);
    return at !== undefined && !typed ? [at] : [];
  }
  // A new name for a quoted old one (`Retitle "Launch plan" as "Launch checklist"`) is typed too.
  const renamed = ([a]: [number, number]) => spans[0]![1] < a && NEW_NAME.test(instruction.slice(spans[0]![1] + 1, a - 1));
  return spans
    .filter((span) => typingCommand(instruction) || forFields || renamed(span))
    .filter(([a, b]) => {
      const value = instruction.slice(a, b);
      // On screen when each of its words is (perception reads one element per word).
      const onScreen = tokenize(value).every((v) => !/[\p{L}\p{N}]/u.test(v.text) || elementWords.some((ws) => ws.some((w) => w.norm === v.norm)));
      return /[\p{L}\p{N}]/u.test(value) && !typed.includes(value) && !onScreen;
    })
    .map(([a]) => a);
}

export function extractFeatures(vocab: Vocabulary, instruction: string, perception: Perception, history: StepMemory[], previous?: Perception): Features {
  const tokens = tokenize(instruction).slice(0, MAX_TOKENS);
  const elements = perception.elements.slice(0, MAX_ELEMENTS);
  const T = tokens.length;
  const E = elements.length;
  const W = perception.width || 1;
  const H = perception.height || 1;

  const wordKeys = tokens.map(vectorKey);
  const tokenVectors = new Float32Array(T * WORD_DIMS);
  wordKeys.forEach((k, i) => {
    const v = vocab.vectors?.get(k);
    if (v) tokenVectors.set(v, i * WORD_DIMS);
  });
  const elementWords = elements.map((e) => tokenize(e.text));
  const wants = wantedQuantities(tokens);
  const selfMatch = elementWords.map((words) => wordsMatch(words, tokens, wants));
  const near = neighbours(elements);
  const match = new Float32Array(E * T * MATCH_CHANNELS);
  elements.forEach((_, e) => {
    const sources = [e, ...near[e]!];
    sources.forEach((src, s) => {
      if (src < 0) return;
      const m = selfMatch[src]!;
      for (let t = 0; t < T; t++) for (let c = 0; c < PER_SOURCE; c++) match[(e * T + t) * MATCH_CHANNELS + s * PER_SOURCE + c] = m[t * PER_SOURCE + c]!;
    });
  });

  const memory = elementMemory(elements, history, previous);
  const typed = history.flatMap((h) => (h.action.type === 'type' ? [h.action.text] : [])).join('\n');
  // A field whose label the command gives a quoted value for (`last name "Lund"`): [still to
  // fill, filled]. Labels are whole lines (perception reads "Last" and "name" apart).
  // Fields that show their value already, and their labels: a click on either is not the next step.
  const filledFields = new Set<UiElement>();
  const fieldValue = elements.map((el, e) => {
    if (el.kind !== 'text_field') return [0, 0];
    const labels = [near[e]![0], near[e]![2]].filter((j) => j >= 0);
    // By its label; else by its own text (a placeholder), which may be the value itself by now.
    const labelWords = labels.map((j) => lineOf(elements, j));
    const value = labelledValue(instruction, tokens, labelWords) ?? labelledValue(instruction, tokens, [el.text, ...labelWords]);
    if (value === undefined) return [0, 0];
    // OCR reads "311" as "31 1", a caret as "l", and drops a letter of "ll": compared folded,
    // without spaces, a letter in four allowed to differ.
    const [shown, wanted] = [squeeze(el.text), squeeze(value)];
    if (shown.includes(wanted) || levenshtein(shown, wanted, 8) <= Math.ceil(wanted.length / 4)) [el, ...labels.flatMap((j) => lineElements(elements, j))].forEach((x) => filledFields.add(x));
    const filled = filledFields.has(el) || typed.includes(value);
    return filled ? [0, 1] : [1, 0];
  });
  // The fields the command gives a value for by their label and that do not show it yet, in the
  // command's order: the form's fields still to fill.
  const fieldsToFill = elements.flatMap((el, e) => {
    const value = el.kind === 'text_field' ? labelledValue(instruction, tokens, fieldWordsOf(elements, near, e)) : undefined;
    if (value === undefined || filledFields.has(el) || typed.includes(value) || squeeze(el.text).includes(squeeze(value))) return [];
    return [{ field: el, value, at: instruction.indexOf(value) }];
  }).sort((a, b) => a.at - b.at);
  // How many of the command's unquoted words name each text field (its label's words, its placeholder).
  const named = tokens.filter((t) => !t.quoted && /[\p{L}\p{N}]/u.test(t.text) && !isStopword(t) && !inWrittenValue(instruction, t));
  const fieldNaming = new Map<UiElement, number>();
  elements.forEach((el, e) => {
    if (el.kind !== 'text_field') return;
    const words = fieldWordsOf(elements, near, e).flatMap((w) => tokenize(w));
    fieldNaming.set(el, named.filter((t) => words.some((w) => wordMatch(w, t)[2])).length);
  });
  // The model was trained with states on checkboxes and radio buttons only: a switch's or a
  // chip's (read since) is for the corrections, until the model is retrained with it here.
  const checkedFlag = (el: UiElement, on: boolean) => ((el.kind === 'checkbox' || el.kind === 'radio') && el.state?.checked === on ? 1 : 0);
  const elementFeatures = new Float32Array(E * ELEMENT_FEATURES);
  elements.forEach((el, e) => {
    const [x, y, w, h] = el.box;
    const words = elementWords[e]!;
    const content = words.filter((wd) => /[\p{L}\p{N}]/u.test(wd.text));
    const covered = content.filter((wd) => tokens.some((t) => wordMatch(wd, t)[2])).length;
    const row = [
      ...ELEMENT_KINDS.map((k) => (k === el.kind ? 1 : 0)),
      x / W, y / H, w / W, h / H, (x + w / 2) / W, (y + h / 2) / H,
      el.confidence,
      checkedFlag(el, true), checkedFlag(el, false), el.state?.focused ? 1 : 0,
      Math.min(el.text.length / 30, 1), Math.min(content.length / 5, 1), content.length ? 1 : 0, /^\s*[\d.,:/-]+\s*$/.test(el.text) ? 1 : 0,
      ...phraseIn(words, tokens), content.length ? covered / content.length : 0,
      ...memory[e]!,
      E > 1 ? e / (E - 1) : 0,
      ...fieldValue[e]!,
    ];
    elementFeatures.set(row, e * ELEMENT_FEATURES);
  });

  // Which instruction words the agent already acted on: the words of what it clicked, dragged or
  // typed into. A task with several parts is done when every part the command names is.
  const actedOn = (steps: StepMemory[]) => steps.flatMap((h) => (h.words ?? []).flatMap((w) => tokenize(w)));
  const acted = actedOn(history.filter((h) => h.action.type !== 'type'));
  const typedInto = actedOn(history.filter((h) => h.action.type === 'type'));
  const lastActed = actedOn(history.slice(-1));
  const hits = (words: Token[], t: Token) => (words.some((w) => wordMatch(w, t)[2]) ? 1 : 0);
  // Done with a name: the same word acted on, or one letter off in a long word (OCR noise). A
  // short word one letter off is another word ("Teal" is not "team").
  const done = (words: Token[], t: Token) => words.some((w) => wordMatch(w, t)[1] || (t.norm.length >= 5 && wordMatch(w, t)[2]));
  let pending = 0;
  let quotedPending = 0;
  const tokenFeatures = new Float32Array(T * TOKEN_FEATURES);
  tokens.forEach((t, i) => {
    let folded = 0;
    let fuzzy = 0;
    for (let e = 0; e < E; e++) {
      folded = Math.max(folded, selfMatch[e]![i * PER_SOURCE + 1]!);
      fuzzy = Math.max(fuzzy, selfMatch[e]![i * PER_SOURCE + 2]!);
    }
    // The stopword flag as the committed model was trained on it: by the folded word, which misses
    // the stopwords with an "i" ("with" folds to "wlth"). `isStopword` once the model is retrained.
    const row = [
      t.quoted ? 1 : 0, /^\p{N}+$/u.test(t.text) ? 1 : 0, /^\p{Lu}/u.test(t.text) ? 1 : 0, STOPWORDS.has(t.norm) ? 1 : 0,
      /^[^\p{L}\p{N}]$/u.test(t.text) ? 1 : 0, T > 1 ? i / (T - 1) : 0, typed.includes(t.text) ? 1 : 0,
      folded, fuzzy, i === 0 ? 1 : 0, i === T - 1 ? 1 : 0,
      hits(acted, t), hits(typedInto, t), hits(lastActed, t),
      // A number's value lets the model place a slider ("set volume to 70") without a word per number.
      /^\p{N}+$/u.test(t.text) ? Math.min(Number(t.text) / 100, 1) : 0,
    ];
    tokenFeatures.set(row, i * TOKEN_FEATURES);
    // A name the command gives (quoted, or capitalised after the first word) that is on screen and
    // that the agent has not acted on yet: while there is one, the task is not done.
    const name = t.quoted || (i > 0 && /^\p{Lu}/u.test(t.text));
    if (name && fuzzy && !isStopword(t) && /\p{L}/u.test(t.text) && !done(acted, t) && !done(typedInto, t) && !typed.includes(t.text)) {
      pending++;
      // Quoted names are almost always things to act on; a capitalised word may only be a heading.
      if (t.quoted) quotedPending++;
    }
  });

  const last = history.at(-1);
  // The last click went into a field that already shows text: typing now would append to it
  // ("Change Job title to Editor" in a field reading "Analyst" needs the old text selected first).
  const lastAt = last && (last.action.type === 'click' || last.action.type === 'double_click') ? last.action.at : undefined;
  const clicked = previous && lastAt ? previous.elements[elementUnder(previous.elements, lastAt)] : undefined;
  const intoFilledField = clicked?.kind === 'text_field' && /[\p{L}\p{N}]/u.test(clicked.text) ? 1 : 0;
  const counts = MODEL_ACTIONS.map((a) => Math.min(history.filter((h) => h.action.type === a).length, 3) / 3);
  const pressed = new Set(history.flatMap((h) => (h.action.type === 'hotkey' ? [h.action.keys.join('+')] : [])));
  const globalFeatures = Float32Array.from([
    Math.min(pending / 4, 1), pending ? 1 : 0,
    Math.min(history.length / 10, 1),
    intoFilledField,
    ...[...MODEL_ACTIONS, 'none'].map((a) => ((last?.action.type ?? 'none') === a ? 1 : 0)),
    last?.changed ? 1 : 0,
    ...counts,
    previous ? 1 : 0,
    Math.min(E / 100, 2),
    ...SCROLL_DIRECTIONS.map((d) => (last?.action.type === 'scroll' && last.action.direction === d ? 1 : 0)),
    ...KEY_COMBOS.map((k) => (pressed.has(k) ? 1 : 0)),
    Math.min(quotedPending / 4, 1), quotedPending ? 1 : 0,
    ...actionCues(instruction),
  ]);

  return {
    tokens,
    wordKeys,
    tokenVectors,
    elements,
    tokenIds: BigInt64Array.from(tokens.map((t) => BigInt(vocab.id(t)))),
    tokenFeatures,
    elementFeatures,
    match,
    globalFeatures,
    keyMentions: Float32Array.from(keyMentions(instruction)),
    quotedPending,
    filledFields,
    fieldsToFill,
    fieldNaming,
    // A click on a field, or on its label (a web page focuses the field then).
    fieldWords: clicked?.kind === 'text_field' ? fieldWordsOf(previous!.elements, neighbours(previous!.elements), previous!.elements.indexOf(clicked)) : clicked?.kind === 'text' ? (last?.words ?? []) : [],
    // A command that says to type, or gives values for fields on screen by their labels.
    untypedAt: untypedValues(instruction, typed, elementWords, fieldValue.some(([toFill, filled]) => toFill || filled)),
  };
}
