// Keyboard shortcuts the command asks for: spelled out ("Type the key combination Ctrl+B") or named
// by what they do ("Do "open the command palette" via its hotkey"), read then from the legend on
// screen, where the keys sit on the same row as the words for the action. The model points at
// the keys to read them and then clicks them, or presses another combo: the keys are pressed.
import type { UiElement } from '../perception/types.ts';
import { centre, inside, kindAt } from './elementMemory.ts';
import { quotedSpans, isStopword, tokenize, wordMatch } from './text.ts';
import type { PolicyAction, PolicyInput } from './types.ts';
import { comboOnScreen, spelledCombos, typingCommand } from './vocabulary.ts';

const CUE = /\b(?:shortcut|hotkey|key ?(?:combination|combo|binding)|keys|keyboard|without the mouse)\b/i;
const CUE_WORDS = new Set(['shortcut', 'shortcuts', 'hotkey', 'key', 'keys', 'combination', 'combo', 'keyboard', 'mouse', 'without', 'press', 'hit', 'use', 'using', 'via', 'trigger', 'listed', 'shown', 'page', 'find', 'look', 'do', 'its']);
/** A command that says to keep off the mouse. */
const NO_MOUSE = /\bwithout (?:using )?(?:the |a )?mouse\b|\b(?:keyboard|keys) only\b|\bonly (?:the )?(?:keyboard|keys)\b/i;
const MODIFIER = /^(?:ctrl|control|strg|shift|alt|cmd|⌘)$/i;
/**
 * What a keycap reads, without its frame: OCR reads the frame's sides as brackets ("[Ctrl]", "[B]",
 * "[Enters": the closing one as a letter) and a "+" beside it with it ("+D", "[Ctrl]+").
 */
export function keyText(text: string): string {
  const bare = text.trim().replace(/^[[({|+]+|[\])}|+]+$/g, '');
  if (bare === text.trim() || MODIFIER.test(bare) || /^[A-Z0-9]$/.test(bare) || comboOnScreen(bare)) return bare;
  const cut = bare.slice(0, -1);
  return /^[[({|]/.test(text.trim()) && (MODIFIER.test(cut) || comboOnScreen(cut)) ? cut : bare;
}
/** A modifier, a combo or a named key, or one letter or digit (a capital: "a" in "insert a link" is a word). */
const isKey = (e: UiElement) => {
  const t = keyText(e.text);
  return e.kind !== 'icon' && (MODIFIER.test(t) || /^[A-Z0-9]$/.test(t) || comboOnScreen(t) !== undefined);
};
const isPlus = (e: UiElement) => e.text.trim() === '+' || (e.kind === 'icon' && /\bplus\b/.test(e.text));

/** The combos the command spells out, or the one the legend shows for the action it names. */
export function wantedCombos(instruction: string, elements: UiElement[]): string[] {
  const spelled = spelledCombos(instruction);
  if (spelled.length) return spelled;
  if (!CUE.test(instruction)) return [];
  const bare = tokenize(instruction).map((t) => comboOnScreen(t.text)).filter((c): c is string => c !== undefined && !/^(?:enter|tab|space|home|end)$/.test(c));
  if (bare.length) return [...new Set(bare)];
  const legend = legendCombo(instruction, elements);
  return legend ? [legend] : [];
}

/** The keys shown on the row where the action the command names is written. */
export function legendCombo(instruction: string, elements: UiElement[]): string | undefined {
  const quoted = quotedSpans(instruction);
  const phrase = quoted.length ? instruction.slice(quoted[0]![0], quoted[0]![1]) : instruction;
  const words = tokenize(phrase).filter((t) => /\p{L}/u.test(t.text) && !isStopword(t) && !CUE_WORDS.has(t.text.toLowerCase()));
  if (!words.length) return undefined;
  let best: { row: UiElement[]; from: number; to: number; n: number } | undefined;
  for (const anchor of elements) {
    if (anchor.kind !== 'text') continue;
    const mid = anchor.box[1] + anchor.box[3] / 2;
    const row = joinSplitKeys(elements.filter((e) => Math.abs(e.box[1] + e.box[3] / 2 - mid) <= anchor.box[3] / 2 + 2).sort((a, b) => a.box[0] - b.box[0]));
    // The action's words on this row: the stretch from the first to the last that matches.
    const hits = row.map((e, i) => (e.kind === 'text' && tokenize(e.text).some((t) => words.some((w) => wordMatch(t, w)[2])) ? i : -1)).filter((i) => i >= 0);
    const n = new Set(hits.map((i) => row[i]!.text.toLowerCase())).size;
    if (!hits.length || (best && best.n >= n)) continue;
    best = { row, from: hits[0]!, to: hits.at(-1)!, n };
  }
  if (!best || best.n < Math.ceil(0.6 * words.length)) return undefined;
  // Keys right before the words ("Ctrl + K insert a link"), else right after ("Insert a link  Ctrl+K").
  const run = (indices: number[]) => {
    const keys: UiElement[] = [];
    for (const i of indices) {
      const e = best.row[i]!;
      if (isPlus(e) || keys.some((k) => overlaps(k, e))) continue;
      if (!isKey(e)) break;
      keys.push(e);
    }
    return keys.sort((a, b) => a.box[0] - b.box[0]);
  };
  const before = run(Array.from({ length: best.from }, (_, k) => best.from - 1 - k));
  const keys = before.length ? before : run(Array.from({ length: best.row.length - best.to - 1 }, (_, k) => best.to + 1 + k));
  return keys.length ? comboOnScreen(keys.map((k) => keyText(k.text)).join('+')) : undefined;
}

/**
 * A key's name OCR cut in two at a wide letter gap (monospaced "Ctrl" read as "ct" "rl"): the two
 * pieces side by side, as one.
 */
function joinSplitKeys(row: UiElement[]): UiElement[] {
  const out: UiElement[] = [];
  for (const e of row) {
    const prev = out.at(-1);
    const joined = prev && { ...prev, text: prev.text.trim() + e.text.trim() };
    if (prev && joined && prev.kind === 'text' && e.kind === 'text' && !isKey(prev) && !isKey(e) && e.box[0] - (prev.box[0] + prev.box[2]) <= 0.6 * e.box[3] && isKey(joined)) {
      const right = Math.max(prev.box[0] + prev.box[2], e.box[0] + e.box[2]);
      out[out.length - 1] = { ...joined, box: [prev.box[0], Math.min(prev.box[1], e.box[1]), right - prev.box[0], Math.max(prev.box[3], e.box[3])] };
    } else out.push(e);
  }
  return out;
}

const overlaps = (a: UiElement, b: UiElement) => inside(centre(b), a.box, 0);

/** "Type the key combination Ctrl+B" asks for keys, not text: typing words outside such a phrase ask for text. */
const typesText = (instruction: string) => typingCommand(instruction.replace(/\b(?:type|enter|input)\s+(?:the\s+|a\s+)?(?:key|keys|shortcut|hotkey|combination|combo)\b/gi, ' '));

const combo = (a: PolicyAction) => (a.type === 'hotkey' ? a.keys.join('+').toLowerCase() : undefined);

/**
 * The next combo to press, in place of the model's step, when the command asks for keys: the
 * model presses other keys, finishes or gives up before pressing them, or clicks on the keys it
 * should press once the page has been clicked into. Once they are pressed, it finishes instead of
 * pressing more or clicking on the legend.
 */
export function shortcutKeys({ instruction, history, perception }: PolicyInput, action: PolicyAction): { action: PolicyAction; thought: string } | undefined {
  const wanted = wantedCombos(instruction, perception.elements);
  if (!wanted.length) return undefined;
  const pressed = history.flatMap((h) => combo(h.action) ?? []);
  // The legend read again may lose a key ("alt+m" after "ctrl+alt+m" was pressed): a combo pressed
  // with the same key and more modifiers is that one.
  const within = (c: string, p: string) => c.split('+').at(-1) === p.split('+').at(-1) && c.split('+').every((k) => p.split('+').includes(k));
  const next = wanted.find((c) => !pressed.some((p) => within(c, p)));
  const onKeys = action.type === 'click' && perception.elements.some((e) => inside(action.at, e.box, 0) && (isKey(e) || isPlus(e)));
  // Pressed: more keys, or clicks on the legend, would only fire other shortcuts, and text the
  // command does not ask for (or a click into a field, to type it) would land in the page.
  const intoField = action.type === 'click' && kindAt(perception.elements, 'text_field', action.at) !== undefined;
  const stray = action.type === 'hotkey' || onKeys || ((action.type === 'type' || intoField) && !typesText(instruction));
  if (!next) return stray ? { action: { type: 'finished' }, thought: `the keys the command asks for (${wanted.join(', ')}) are pressed` } : undefined;
  const press = { action: { type: 'hotkey', keys: next.split('+') } as PolicyAction, thought: `the command asks for the keys ${next}` };
  if (action.type === 'hotkey') return combo(action) === next ? undefined : press;
  if (action.type === 'finished' || action.type === 'call_user') return press;
  // A click into the page may focus it; more clicks a command that says to keep off the mouse
  // does not ask for.
  const clicked = history.some((h) => h.action.type === 'click');
  return (onKeys && history.length) || (action.type === 'click' && clicked && NO_MOUSE.test(instruction)) ? press : undefined;
}
