// The closed sets the action model chooses from: action types, key combinations and scroll
// directions. Training (models/action) and decoding read the same tables, so they never drift.

/** Action types the model's type head scores; `call_user` comes from low confidence instead. */
export const MODEL_ACTIONS = ['click', 'double_click', 'right_click', 'type', 'hotkey', 'scroll', 'drag', 'finished'] as const;
export type ModelAction = (typeof MODEL_ACTIONS)[number];

export const SCROLL_DIRECTIONS = ['up', 'down', 'left', 'right'] as const;

/**
 * Words that name a kind of action, whatever the phrasing around them: "right click", "right-click"
 * and "context menu" all mean a right click. They are features, not rules: the model learns how
 * much each one weighs, and word vectors alone are too diluted in a long sentence to carry them.
 */
export const ACTION_CUES: Array<[string, RegExp]> = [
  ['double_click', /\bdouble[\s-]*(?:click|tap)|\bdbl[\s-]*click/],
  ['right_click', /\bright[\s-]*(?:click|tap)|\bcontext[\s-]*menu|\bsecondary[\s-]*click|\bshortcut menu/],
  ['drag', /\bdrag|\bdrop(?![\s-]*down)(?:s|ped|ping)?\b/],
  ['scroll', /\bscroll/],
  ['type', /\b(?:type|typing|write|fill|input|enter)\b/],
];

/** 1 for each kind of action the instruction names in so many words (outside quotes: "Write tests" is a name). */
export function actionCues(instruction: string): number[] {
  const s = instruction.toLowerCase().replace(/"[^"]*"|“[^”]*”/g, ' ');
  return ACTION_CUES.map(([, re]) => (re.test(s) ? 1 : 0));
}

/** Whether the command says to type something ("type", "enter", "fill"…, outside quotes). */
export const typingCommand = (instruction: string) => actionCues(instruction)[ACTION_CUES.findIndex(([name]) => name === 'type')] === 1;

/** Key combinations the hotkey head may emit, `+`-joined, modifiers first. */
export const KEY_COMBOS = [
  'enter', 'escape', 'tab', 'shift+tab', 'backspace', 'delete', 'space',
  'up', 'down', 'left', 'right', 'home', 'end', 'pageup', 'pagedown',
  'ctrl+a', 'ctrl+c', 'ctrl+v', 'ctrl+x', 'ctrl+z', 'ctrl+y', 'ctrl+shift+z',
  'ctrl+s', 'ctrl+f', 'ctrl+p', 'ctrl+n', 'ctrl+o', 'ctrl+w', 'ctrl+t', 'ctrl+b', 'ctrl+i', 'ctrl+u',
  'ctrl+enter', 'ctrl+k', 'ctrl+l', 'ctrl+h', 'ctrl+d', 'ctrl+e', 'ctrl+r', 'ctrl+g', 'ctrl+j',
  'alt+f4', 'f1', 'f2', 'f5', 'f11',
] as const;

/** Spoken and written names people use for a key, mapped to the names in KEY_COMBOS. */
const KEY_SYNONYMS: Array<[RegExp, string]> = [
  [/\b(?:control|ctl|strg)\b/g, 'ctrl'],
  [/\besc\b/g, 'escape'],
  [/\breturn\b/g, 'enter'],
  [/\bdel\b/g, 'delete'],
  [/\bpage ?up\b|\bpgup\b/g, 'pageup'],
  [/\bpage ?down\b|\bpgdn\b/g, 'pagedown'],
  [/\bspace ?bar\b/g, 'space'],
  [/\b(?:arrow up|up arrow)\b/g, 'up'],
  [/\b(?:arrow down|down arrow)\b/g, 'down'],
  [/\b(?:arrow left|left arrow)\b/g, 'left'],
  [/\b(?:arrow right|right arrow)\b/g, 'right'],
  [/⌘|\bcmd\b|\bcommand\b/g, 'ctrl'],
];

const comboPatterns = KEY_COMBOS.map((combo) => new RegExp(`(?<![\\w+-])${combo.split('+').join('\\s*[+\\- ]\\s*')}(?![\\w+-])`));

const normalizeKeys = (instruction: string) => KEY_SYNONYMS.reduce((s, [re, to]) => s.replace(re, to), instruction.toLowerCase());

/** 1 for each combo the instruction names outright ("press Ctrl+S", "hit escape"). */
export function keyMentions(instruction: string): number[] {
  const s = normalizeKeys(instruction);
  return comboPatterns.map((re) => (re.test(s) ? 1 : 0));
}

const MODIFIER_ORDER = ['ctrl', 'alt', 'shift', 'super'];
const SPELLED = /(?<![\w+-])((?:(?:ctrl|alt|shift|super)\s*[+-]\s*)+)([a-z0-9]|f\d{1,2}|enter|escape|tab|space|delete|backspace|home|end|up|down|left|right|pageup|pagedown)(?![\w+-])/g;

/**
 * Modifier combos the instruction spells out ("Ctrl+Alt+M", "control-shift-k"), modifiers in
 * KEY_COMBOS order: the hotkey head has a closed set, these let it press any combo it is told.
 */
export function spelledCombos(instruction: string): string[] {
  const out = new Set<string>();
  for (const m of normalizeKeys(instruction).matchAll(SPELLED)) {
    const mods = MODIFIER_ORDER.filter((k) => new RegExp(`\\b${k}\\b`).test(m[1]!));
    out.add([...mods, m[2]!].join('+'));
  }
  return [...out];
}

const NAMED_KEY = /^(?:f\d{1,2}|enter|escape|tab|space|delete|backspace|home|end|pageup|pagedown)$/;
const WHOLE_COMBO = /^(?:(?:ctrl|alt|shift|super)[+-])+(?:[a-z0-9]|f\d{1,2}|enter|escape|tab|space|delete|backspace|home|end|up|down|left|right|pageup|pagedown)$/;

/**
 * The key combination an element's text shows, when all of it is one ("Ctrl+Shift+P", "F2",
 * "Esc"): a shortcut legend on screen tells the agent which keys do what the command asks.
 */
export function comboOnScreen(text: string): string | undefined {
  const s = normalizeKeys(text.trim()).replace(/\s*([+-])\s*/g, '$1');
  if (NAMED_KEY.test(s)) return s;
  return WHOLE_COMBO.test(s) ? spelledCombos(s)[0] : undefined;
}
