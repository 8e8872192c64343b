// Constrained decoding: the model's scores become one valid action. Only actions that can be
// carried out on this screen are considered (a click needs an element, typing needs words to
// copy), actions the loop has banned are skipped, and a weak best guess becomes `call_user`.
import type { UiElement } from '../perception/types.ts';
import { inside } from './elementMemory.ts';
import { labelledValue, quotedSpans, type Token, wholeWords } from './text.ts';
import type { Decision, Point, PolicyAction } from './types.ts';
import { comboOnScreen, KEY_COMBOS, MODEL_ACTIONS, type ModelAction, SCROLL_DIRECTIONS, spelledCombos } from './vocabulary.ts';

export interface ModelScores {
  type: Float32Array;
  target: Float32Array;
  /** Per element: where to point, in units of its width and height from its top-left (0.5 = centre; outside 0..1 = beside it). */
  point: Float32Array;
  drop: Float32Array;
  dropPoint: Float32Array;
  spanStart: Float32Array;
  spanEnd: Float32Array;
  key: Float32Array;
  dir: Float32Array;
  /** Logit that Enter follows typed text. */
  enter: number;
}

export interface DecodeContext {
  instruction: string;
  tokens: Token[];
  elements: UiElement[];
  width: number;
  height: number;
  /** Actions not to emit again (the loop saw them fail on this very screen). */
  banned?: PolicyAction[];
  /** Below this probability the policy asks the user instead of guessing. */
  minConfidence?: number;
  /**
   * Quoted names the command gives that are on screen and not acted on yet. While there are any
   * the task is not done: in the experts' solutions a task finishes with one left once in 560.
   */
  quotedPending?: number;
  /** Key combinations already pressed in this task, as `ctrl+alt+m`. */
  pressed?: string[];
  /** The words of the text field the last step clicked (its label, its text), if it clicked one. */
  fieldWords?: string[];
  /** Where quoted values still to type (not on screen, not typed yet) start in the instruction. */
  untypedAt?: number[];
  /** Text fields that already show the value the command gives for them: clicking one again is not the next step. */
  filledFields?: Set<UiElement>;
  /** The last step typed text. */
  lastWasTyping?: boolean;
  /** The last two steps clicked into something and selected all of it: typing comes next. */
  lastWasSelectAll?: boolean;
  /** The command copies between fields: a selection may be copied rather than typed over. */
  copying?: boolean;
}

export const DEFAULT_MIN_CONFIDENCE = 0.15;
const MAX_SPAN = 40;
const SCROLL_AMOUNT = 5;

export function softmax(xs: ArrayLike<number>, allowed?: (i: number) => boolean): number[] {
  let max = -Infinity;
  for (let i = 0; i < xs.length; i++) if (!allowed || allowed(i)) max = Math.max(max, xs[i]!);
  const ex = Array.from(xs, (x, i) => (!allowed || allowed(i) ? Math.exp(x - max) : 0));
  const sum = ex.reduce((a, b) => a + b, 0) || 1;
  return ex.map((e) => e / sum);
}

const ranked = (probs: number[]) => probs.map((p, i) => [p, i] as const).filter(([p]) => p > 0).sort((a, b) => b[0] - a[0]);

/** The same action, compared by what it would do (points within 4 px count as the same). */
export function sameAction(a: PolicyAction, b: PolicyAction): boolean {
  if (a.type !== b.type) return false;
  const near = (p?: { x: number; y: number }, q?: { x: number; y: number }) => (!p && !q) || (!!p && !!q && Math.abs(p.x - q.x) <= 4 && Math.abs(p.y - q.y) <= 4);
  switch (a.type) {
    case 'click':
    case 'double_click':
    case 'right_click':
      return near(a.at, (b as typeof a).at);
    case 'drag':
      return near(a.from, (b as typeof a).from) && near(a.to, (b as typeof a).to);
    case 'scroll':
      return a.direction === (b as typeof a).direction && near(a.at, (b as typeof a).at);
    case 'type':
      return a.text === (b as typeof a).text;
    case 'hotkey':
      return a.keys.join('+') === (b as typeof a).keys.join('+');
    default:
      return true;
  }
}

/** Controls as small as a finger's tip: their middle is the only safe place to click (an edge may be page). */
const SMALL_CONTROLS = new Set<UiElement['kind']>(['checkbox', 'radio', 'toggle']);

function pointIn(el: UiElement, point: Float32Array, i: number) {
  const [x, y, w, h] = el.box;
  if (SMALL_CONTROLS.has(el.kind)) return { x: Math.round(x + w / 2), y: Math.round(y + h / 2) };
  return { x: Math.round(x + point[i * 2]! * w), y: Math.round(y + point[i * 2 + 1]! * h) };
}

const onScreen = (p: { x: number; y: number }, ctx: DecodeContext) => p.x >= 0 && p.y >= 0 && p.x < ctx.width && p.y < ctx.height;

interface Candidate {
  action: PolicyAction;
  p: number;
  target?: UiElement;
}

/** Words that end an unquoted value: the next part of the command, or what the value is for. */
const CLAUSE = /^(?:then|as|into|[,;])$/i;
const TYPE_BEFORE = /\b(?:type|enter|write|input|key in|fill in|put)\s*$/i;

/** Every valid action of one type with its probability (best first, a few per type). */
function candidates(type: ModelAction, s: ModelScores, ctx: DecodeContext): Candidate[] {
  const { elements, tokens } = ctx;
  const targets = ranked(softmax(s.target, (i) => i < elements.length)).slice(0, 3);
  switch (type) {
    case 'click':
    case 'double_click':
    case 'right_click':
      // A point beside its element may fall off the screen: not a click anyone can make.
      return targets.map(([p, i]) => ({ action: { type, at: pointIn(elements[i]!, s.point, i) }, p, target: elements[i] })).filter((c) => onScreen(c.action.at, ctx));
    case 'drag':
      return targets.flatMap(([p, i]) =>
        ranked(softmax(s.drop, (j) => j !== i && j < elements.length)).slice(0, 2).map(([q, j]) => ({ action: { type, from: pointIn(elements[i]!, s.point, i), to: pointIn(elements[j]!, s.dropPoint, j) }, p: p * q, target: elements[i] })),
      );
    case 'scroll': {
      const dirs = ranked(softmax(s.dir)).slice(0, 2);
      const [pt, ti] = targets[0] ?? [1, -1];
      const pointed = ti >= 0 ? pointIn(elements[ti]!, s.point, ti) : undefined;
      // Over the browser's address bar nothing scrolls: the page below it, then.
      const at = pointed && !onAddressBar(pointed, ctx) ? pointed : { x: pointed?.x ?? Math.round(ctx.width / 2), y: Math.round(ctx.height / 2) };
      // Where to scroll matters less than which way: the element only places the pointer.
      return dirs.map(([p, d]) => ({ action: { type, at, direction: SCROLL_DIRECTIONS[d]!, amount: SCROLL_AMOUNT }, p: p * Math.max(pt, 0.5), target: ti >= 0 ? elements[ti] : undefined }));
    }
    case 'type': {
      const start = softmax(s.spanStart);
      const end = softmax(s.spanEnd);
      const enter = s.enter > 0 ? '\n' : '';
      const spans: Candidate[] = [];
      const quotes = quotedSpans(ctx.instruction);
      // One quoted value the command says to type (`type "final" over it`) is the only value.
      const typedQuote = quotes.some(([q0]) => TYPE_BEFORE.test(ctx.instruction.slice(0, q0 - 1)));
      const quotedFrom = (a: number) => quotes.some(([q0, q1]) => tokens[a]!.start >= q0 && tokens[a]!.start <= q1 && !(tokens[a - 1] && tokens[a - 1]!.start >= q0));
      const quotedTo = (b: number) => quotes.some(([q0, q1]) => tokens[b]!.end >= q0 && tokens[b]!.end <= q1 && !(tokens[b + 1] && tokens[b + 1]!.end <= q1));
      for (let a = 0; a < tokens.length; a++) {
        for (let b = a; b < Math.min(tokens.length, a + MAX_SPAN); b++) {
          const text = ctx.instruction.slice(tokens[a]!.start, tokens[b]!.end);
          // A value is one quoted string or unquoted words, never a stretch across a quote mark
          // (`Boris", postal code "91735` is two values and the words between them).
          if (/["“”]/.test(text)) continue;
          // and a quoted value is typed whole: "12 Costa Street", not "Costa Street".
          if ((tokens[a]!.quoted && !quotedFrom(a)) || (tokens[b]!.quoted && !quotedTo(b))) continue;
          // A command that quotes its values (two or more) gives none unquoted: "Use these
          // details: city "Lima", …" does not ask to type "details".
          if ((quotes.length >= 2 || typedQuote) && !(tokens[a]!.quoted && tokens[b]!.quoted)) continue;
          // Unquoted words are a value up to the next clause: "Enter Grace as your name, then
          // press OK" types "Grace", not the rest of the command.
          if (!tokens[a]!.quoted && tokens.slice(a, b + 1).some((t) => CLAUSE.test(t.text))) continue;
          // Unquoted words are typed whole: "sven.walsh@example.org", not "sven".
          const value = tokens[a]!.quoted ? text : wholeWords(ctx.instruction, tokens[a]!.start, tokens[b]!.end);
          const p = start[a]! * end[b]!;
          const same = spans.find((c) => c.action.type === 'type' && c.action.text === value + enter);
          if (same) same.p += p;
          else spans.push({ action: { type, text: value + enter }, p });
        }
      }
      // The spans left share the probability of those ruled out.
      const mass = spans.reduce((n, c) => n + c.p, 0) || 1;
      const best = spans.sort((x, y) => y.p - x.p).slice(0, 3).map((c) => ({ ...c, p: c.p / mass }));
      // The command gives this field's value by its label (`email "ada@example.org"`): that value.
      const labelled = labelledValue(ctx.instruction, tokens, ctx.fieldWords ?? []);
      if (labelled === undefined || !best[0]) return best;
      const value = { action: { type, text: labelled + enter }, p: best[0].p };
      return [value, ...best.filter((c) => !sameAction(c.action, value.action))];
    }
    case 'hotkey': {
      // A combo shown on screen where the pointer reads (a shortcut legend next to the named action).
      const shown = targets.flatMap(([p, i]) => {
        const combo = comboOnScreen(elements[i]!.text);
        return combo ? [{ action: { type, keys: combo.split('+') } as PolicyAction, p, target: elements[i] }] : [];
      });
      const onScreen = shown[0]?.p ?? 0;
      const head = ranked(softmax(s.key)).slice(0, 3).map(([p, k]) => ({ action: { type, keys: KEY_COMBOS[k]!.split('+') } as PolicyAction, p: p * (1 - onScreen) }));
      // A combo the person spelled out beats the rest: it may not be in the head's closed set at all.
      const spelled = spelledCombos(ctx.instruction).map((c) => ({ action: { type, keys: c.split('+') } as PolicyAction, p: 1 }));
      const seen: Candidate[] = [];
      for (const c of [...spelled, ...shown, ...head].sort((a, b) => b.p - a.p)) if (!seen.some((x) => sameAction(x.action, c.action))) seen.push(c);
      return seen.slice(0, 4);
    }
    case 'finished':
      return [{ action: { type }, p: 1 }];
  }
}

export function decode(s: ModelScores, ctx: DecodeContext): Omit<Decision, 'ms'> {
  const valid = (t: ModelAction) => {
    if (t === 'click' || t === 'double_click' || t === 'right_click') return ctx.elements.length > 0;
    if (t === 'drag') return ctx.elements.length > 1;
    if (t === 'type') return ctx.tokens.length > 0;
    return true;
  };
  const types = softmax(s.type, (i) => valid(MODEL_ACTIONS[i]!));
  const all = ranked(types).flatMap(([pt, i]) => candidates(MODEL_ACTIONS[i]!, s, ctx).map((c) => ({ ...c, p: c.p * pt })));
  const isBanned = (c: Candidate) => (ctx.banned ?? []).some((b) => sameAction(b, c.action));
  // Banned actions are impossible here: the rest share their probability.
  const bannedMass = all.filter(isBanned).reduce((n, c) => n + c.p, 0);
  const allowed = all.filter((c) => !isBanned(c)).map((c) => ({ ...c, p: c.p / Math.max(1 - bannedMass, 1e-6) })).sort((a, b) => b.p - a.p);
  // A command's parts come in order: a click on what it names after a value still to type
  // ("Type "Ada" into the name field and click OK") waits until that value is typed. A field that
  // shows its value already is done (a second click and the value typed again doubles it).
  // Like a banned action, such a click is out for now, and the rest share its probability; so is
  // a click into the browser's address bar for a command about the page. Select-all right after
  // typing would only wipe what was just typed; right after a select-all, the selection is to be
  // typed over, not left for another field, selected again or (unless the command copies) copied.
  const keys = (c: Candidate) => (c.action.type === 'hotkey' ? c.action.keys.join('+') : '');
  const selectAll = (c: Candidate) => keys(c) === 'ctrl+a';
  const copyKeys = (c: Candidate) => !ctx.copying && ['ctrl+c', 'ctrl+x'].includes(keys(c));
  const afterSelectAll = (c: Candidate) => ctx.lastWasSelectAll === true && (selectAll(c) || copyKeys(c) || (c.action.type === 'click' && c.target?.kind === 'text_field'));
  // Where the browser's controls end, read once (not per candidate).
  const chrome = BROWSER_COMMAND.test(ctx.instruction) ? undefined : browserChromeBottom(ctx);
  const heldBack = (c: Candidate) => tooEarly(c, ctx) || intoFilledField(c, ctx) || intoBrowserChrome(c, chrome) || (selectAll(c) && ctx.lastWasTyping === true) || afterSelectAll(c);
  let best = allowed[0];
  if (best && heldBack(best)) {
    const later = allowed.filter(heldBack).reduce((n, c) => n + c.p, 0);
    const next = allowed.find((c) => !heldBack(c));
    if (next) best = { ...next, p: next.p / Math.max(1 - later, 1e-6) };
  }
  const min = ctx.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  if (best?.action.type === 'finished' && ctx.quotedPending) {
    // Finishing now would be wrong: the model's best next step, given that it is not done, instead.
    const rest = allowed.filter((c) => c.action.type !== 'finished');
    const p = (rest[0]?.p ?? 0) / (rest.reduce((n, c) => n + c.p, 0) || 1);
    if (p < min) return { action: { type: 'call_user', reason: `the command names ${ctx.quotedPending === 1 ? 'something' : `${ctx.quotedPending} things`} in quotes that ${ctx.quotedPending === 1 ? 'is' : 'are'} on screen and not done yet, and no next step is likely` }, confidence: p };
    return { action: rest[0]!.action, confidence: p, target: rest[0]!.target };
  }
  if (!best) return { action: { type: 'call_user', reason: 'every action the model considers was already tried on this screen without effect' }, confidence: 0 };
  if (best.p < min) {
    // Unsure, but the command spells out keys it has not pressed yet ("Trigger Ctrl+Alt+M"): those.
    const spelled = spelledCombos(ctx.instruction).filter((c) => !ctx.pressed?.includes(c)).map((c): PolicyAction => ({ type: 'hotkey', keys: c.split('+') }));
    const keys = spelled.find((a) => !(ctx.banned ?? []).some((b) => sameAction(a, b)));
    if (keys) return { action: keys, confidence: best.p };
    return { action: { type: 'call_user', reason: `not sure what to do next (best guess ${describe(best.action)} at ${(best.p * 100).toFixed(0)}%)` }, confidence: best.p, target: best.target };
  }
  // Opening a file (a name with an extension) from a list, a folder or a desktop is a double
  // click; one click only selects it. The model reads "open" as a click, as for tabs and links.
  if (best.action.type === 'click' && OPEN_COMMAND.test(ctx.instruction) && FILE_NAME.test(best.target?.text ?? '')) {
    return { action: { ...best.action, type: 'double_click' }, confidence: best.p, target: best.target };
  }
  return { action: best.action, confidence: best.p, target: best.target };
}

/** A click on (the words in) a text field that already shows its value. */
function intoFilledField(c: Candidate, ctx: DecodeContext): boolean {
  if (c.action.type !== 'click' || !ctx.filledFields?.size) return false;
  const at = c.action.at;
  return [...ctx.filledFields].some((f) => inside(at, f.box, 0));
}

/** What a browser's address bar shows: a web address, a file's, or a blank page's. */
const ADDRESS = /^(?:about: ?blank|(?:https?|file|chrome):\/\/\S*|(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|dev|app|local|html?)(?:[/:?#]\S*)?|localhost\S*|\d{1,3}(?:\.\d{1,3}){3}\S*)$/i;
/** Commands about the browser itself: its address, its tabs, going somewhere by address. */
const BROWSER_COMMAND = /\b(?:address|url|browser|tab|tabs|navigate|go to|visit|open|web ?site|web ?page|link|search the web)\b|https?:|www\./i;

/**
 * A click (or a drag) on the browser's own controls (its tabs, its address bar, its buttons:
 * everything down to the row showing the page's address) when the command is about the page in
 * it, not the browser (`bottom`: where those controls end, undefined for a command about the
 * browser or a screen without one): the model's pull towards the widest field on screen, or a "+"
 * that opens a tab.
 */
function intoBrowserChrome(c: Candidate, bottom: number | undefined): boolean {
  const a = c.action;
  const at = a.type === 'drag' ? a.from : a.type === 'click' || a.type === 'double_click' || a.type === 'right_click' ? a.at : undefined;
  return at !== undefined && bottom !== undefined && at.y <= bottom;
}

/** The bottom of the browser's controls: the row near the top of the screen that reads a web address (the field, or its words read alone: "about:" "blank"), else undefined. */
function browserChromeBottom(ctx: DecodeContext): number | undefined {
  const top = ctx.elements.filter((e) => e.box[1] < 0.2 * ctx.height);
  const bar = top.find((e) => (e.kind === 'text_field' || e.kind === 'dropdown') && e.box[2] >= 0.3 * ctx.width && ADDRESS.test(e.text.trim()))
    ?? top.find((e) => e.kind === 'text' && onAddressBar({ x: e.box[0], y: e.box[1] + e.box[3] / 2 }, ctx));
  if (!bar) return undefined;
  // The field's own box, or the words' row with the field's padding around them.
  return bar.kind === 'text' ? bar.box[1] + bar.box[3] + 10 : bar.box[1] + bar.box[3];
}

/** Whether `at` is on the row of a web address near the top of the screen (the field, or its words read alone: "about:" "blank"). */
function onAddressBar(at: Point, ctx: DecodeContext): boolean {
  const row = ctx.elements.filter((e) => e.box[1] < 0.2 * ctx.height && Math.abs(e.box[1] + e.box[3] / 2 - at.y) <= Math.max(e.box[3] / 2, 12));
  const words = row.filter((e) => e.kind === 'text').sort((a, b) => a.box[0] - b.box[0]).map((e) => e.text.trim()).join('');
  return row.some((e) => ADDRESS.test(e.text.trim())) || /^about:?blank|https?:\/\/|www\./i.test(words);
}

function tooEarly(c: Candidate, ctx: DecodeContext): boolean {
  const name = c.target?.text.trim();
  // A field is clicked to type into: never too early.
  if (!ctx.untypedAt?.length || !name || !['click', 'double_click'].includes(c.action.type) || c.target?.kind === 'text_field') return false;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const at = [...ctx.instruction.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu'))].map((m) => m.index!);
  return at.length > 0 && at.every((i) => i > Math.max(...ctx.untypedAt!));
}

const OPEN_COMMAND = /^\W*(?:please\s+)?(?:open|launch)\b/i;
const FILE_NAME = /\S\.[a-z][a-z0-9]{1,4}$/i;

export function describe(a: PolicyAction): string {
  switch (a.type) {
    case 'click':
    case 'double_click':
    case 'right_click':
      return `${a.type} at (${a.at.x},${a.at.y})`;
    case 'drag':
      return `drag (${a.from.x},${a.from.y}) → (${a.to.x},${a.to.y})`;
    case 'type':
      return `type ${JSON.stringify(a.text)}`;
    case 'hotkey':
      return `hotkey ${a.keys.join('+')}`;
    case 'scroll':
      return `scroll ${a.direction}`;
    default:
      return a.type;
  }
}
