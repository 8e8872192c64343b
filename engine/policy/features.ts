// Turns (instruction, perceived elements, history) into the action model's input tensors. This is
// the only implementation of the features: the training data generator calls it too, so the model
// trains on exactly what it sees at run time.
import { ELEMENT_KINDS, type Perception, type UiElement } from '../perception/types.ts';
import { elementMemory, MEMORY_FEATURES } from './elementMemory.ts';
import { STOPWORDS, type Token, tokenize, wordMatch } from './text.ts';
import type { StepMemory } from './types.ts';
import { keyMentions, KEY_COMBOS, MODEL_ACTIONS, SCROLL_DIRECTIONS } from './vocabulary.ts';
import type { Vocabulary } from './vocabularyFile.ts';

export const MAX_TOKENS = 48;
export const MAX_ELEMENTS = 256;
/** Match channels per (element, token): [exact, folded, fuzzy, prefix] of the element itself and of its left, right and above neighbours. */
export const MATCH_CHANNELS = 16;
export const TOKEN_FEATURES = 12;
export const ELEMENT_FEATURES = ELEMENT_KINDS.length + 6 + 1 + 3 + 4 + 4 + MEMORY_FEATURES + 1;
export const GLOBAL_FEATURES = 1 + (MODEL_ACTIONS.length + 1) + 1 + MODEL_ACTIONS.length + 1 + 1 + SCROLL_DIRECTIONS.length + KEY_COMBOS.length;

export interface Features {
  tokens: Token[];
  elements: UiElement[];
  tokenIds: BigInt64Array;
  tokenFeatures: Float32Array;
  elementFeatures: Float32Array;
  match: Float32Array;
  globalFeatures: Float32Array;
  keyMentions: Float32Array;
}

type Neighbours = [number, number, number];

/** The nearest text-bearing element to the left, right and above: where a control's label sits. */
function neighbours(elements: UiElement[]): Neighbours[] {
  return elements.map((e) => {
    const [ex, ey, ew, eh] = e.box;
    const best: Array<[number, number]> = [[-1, 250], [-1, 250], [-1, 60]];
    elements.forEach((o, j) => {
      if (o === e || !o.text.trim()) return;
      const [ox, oy, ow, oh] = o.box;
      const vOverlap = Math.min(ey + eh, oy + oh) - Math.max(ey, oy);
      const hOverlap = Math.min(ex + ew, ox + ow) - Math.max(ex, ox);
      const sameRow = vOverlap > 0.4 * Math.min(eh, oh);
      const candidates: Array<[number, number]> = [
        [0, sameRow && ox + ow <= ex + 4 ? ex - (ox + ow) : Infinity],
        [1, sameRow && ox >= ex + ew - 4 ? ox - (ex + ew) : Infinity],
        [2, hOverlap > -20 && oy + oh <= ey + 4 ? ey - (oy + oh) : Infinity],
      ];
      for (const [side, gap] of candidates) if (gap < best[side]![1]) best[side] = [j, gap];
    });
    return best.map(([j]) => j) as Neighbours;
  });
}

function wordsMatch(words: Token[], tokens: Token[]): Float32Array {
  const m = new Float32Array(tokens.length * 4);
  tokens.forEach((t, ti) => {
    for (const w of words) {
      const r = wordMatch(w, t);
      for (let c = 0; c < 4; c++) m[ti * 4 + c] = Math.max(m[ti * 4 + c]!, r[c]!);
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

export function extractFeatures(vocab: Vocabulary, instruction: string, perception: Perception, history: StepMemory[], previous?: Perception): Features {
  const tokens = tokenize(instruction).slice(0, MAX_TOKENS);
  const elements = perception.elements.slice(0, MAX_ELEMENTS);
  const T = tokens.length;
  const E = elements.length;
  const W = perception.width || 1;
  const H = perception.height || 1;

  const elementWords = elements.map((e) => tokenize(e.text));
  const selfMatch = elementWords.map((words) => wordsMatch(words, tokens));
  const near = neighbours(elements);
  const match = new Float32Array(E * T * MATCH_CHANNELS);
  elements.forEach((_, e) => {
    const sources = [e, ...near[e]!];
    sources.forEach((src, s) => {
      if (src < 0) return;
      const m = selfMatch[src]!;
      for (let t = 0; t < T; t++) for (let c = 0; c < 4; c++) match[(e * T + t) * MATCH_CHANNELS + s * 4 + c] = m[t * 4 + c]!;
    });
  });

  const memory = elementMemory(elements, history, previous);
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
      el.state?.checked === true ? 1 : 0, el.state?.checked === false ? 1 : 0, el.state?.focused ? 1 : 0,
      Math.min(el.text.length / 30, 1), Math.min(content.length / 5, 1), content.length ? 1 : 0, /^\s*[\d.,:/-]+\s*$/.test(el.text) ? 1 : 0,
      ...phraseIn(words, tokens), content.length ? covered / content.length : 0,
      ...memory[e]!,
      E > 1 ? e / (E - 1) : 0,
    ];
    elementFeatures.set(row, e * ELEMENT_FEATURES);
  });

  const typed = history.flatMap((h) => (h.action.type === 'type' ? [h.action.text] : [])).join('\n');
  const tokenFeatures = new Float32Array(T * TOKEN_FEATURES);
  tokens.forEach((t, i) => {
    let folded = 0;
    let fuzzy = 0;
    for (let e = 0; e < E; e++) {
      folded = Math.max(folded, selfMatch[e]![i * 4 + 1]!);
      fuzzy = Math.max(fuzzy, selfMatch[e]![i * 4 + 2]!);
    }
    const row = [
      t.quoted ? 1 : 0, /^\p{N}+$/u.test(t.text) ? 1 : 0, /^\p{Lu}/u.test(t.text) ? 1 : 0, STOPWORDS.has(t.norm) ? 1 : 0,
      /^[^\p{L}\p{N}]$/u.test(t.text) ? 1 : 0, T > 1 ? i / (T - 1) : 0, typed.includes(t.text) ? 1 : 0,
      folded, fuzzy, i === 0 ? 1 : 0, i === T - 1 ? 1 : 0,
      // A number's value lets the model place a slider ("set volume to 70") without a word per number.
      /^\p{N}+$/u.test(t.text) ? Math.min(Number(t.text) / 100, 1) : 0,
    ];
    tokenFeatures.set(row, i * TOKEN_FEATURES);
  });

  const last = history.at(-1);
  const counts = MODEL_ACTIONS.map((a) => Math.min(history.filter((h) => h.action.type === a).length, 3) / 3);
  const pressed = new Set(history.flatMap((h) => (h.action.type === 'hotkey' ? [h.action.keys.join('+')] : [])));
  const globalFeatures = Float32Array.from([
    Math.min(history.length / 10, 1),
    ...[...MODEL_ACTIONS, 'none'].map((a) => ((last?.action.type ?? 'none') === a ? 1 : 0)),
    last?.changed ? 1 : 0,
    ...counts,
    previous ? 1 : 0,
    Math.min(E / 100, 2),
    ...SCROLL_DIRECTIONS.map((d) => (last?.action.type === 'scroll' && last.action.direction === d ? 1 : 0)),
    ...KEY_COMBOS.map((k) => (pressed.has(k) ? 1 : 0)),
  ]);

  return {
    tokens,
    elements,
    tokenIds: BigInt64Array.from(tokens.map((t) => BigInt(vocab.id(t)))),
    tokenFeatures,
    elementFeatures,
    match,
    globalFeatures,
    keyMentions: Float32Array.from(keyMentions(instruction)),
  };
}
