// Finding what the command names when it is out of sight ("Look for Garnet 80 and click on it"):
// the model scrolls a little, then gives up or settles for something else. While the name is not
// on screen, the agent keeps scrolling the way it was going (down, unless it scrolled another
// way), where it scrolled before, and passes look-alikes by ("Basalt 77" for "Basalt 16"); once
// the name shows, it is clicked.
import type { UiElement } from '../perception/types.ts';
import { actedOn, lineReads, named } from './pending.ts';
import { clickOn, kindAt, lineAt } from './elementMemory.ts';
import { levenshtein, nameRuns, quotedSpans, squeeze, tokenize } from './text.ts';
import { typingCommand } from './vocabulary.ts';
import type { Point, PolicyAction, PolicyInput } from './types.ts';

const SEEK = /\b(?:find|locate|look for|search for|scroll|further down|down the list|in the list|bring)\b/i;
/** The command says to act on what it finds ("… and click on it"), not only to bring it into view. */
const CHOOSE = /\b(?:click|select|choose|pick|open|tap|press)\b/i;
/** Scrolls in one direction that changed nothing, in a row: the end of the list. */
const STUCK = 2;
/**
 * Wheel clicks per scroll (about 100 px each in Chromium): in a panel shorter than 480 px (its
 * scrollbar), at most 60% of its height, so none of its rows is skipped; 5 on a page.
 */
function stepFor(elements: UiElement[], at: { x: number; y: number }): number {
  const bar = elements.filter((e) => e.kind === 'scrollbar' && e.box[0] >= at.x && e.box[1] <= at.y && e.box[1] + e.box[3] >= at.y).sort((a, b) => a.box[0] - b.box[0])[0];
  return bar && bar.box[3] < 480 ? Math.max(1, Math.floor((0.6 * bar.box[3]) / 100)) : 5;
}

/** How near (px) the edge of the scrolled area a line cut by it lies. */
const EDGE = 24;
/** Wheel clicks that bring a line cut by the edge fully into view. */
const NUDGE = 2;

/**
 * Whether a line cut by the edge of the scrolled area, the way it scrolls, nearly reads `name`
 * ("Laaoon60" for "Lagoon 60", its descenders cut off): a full step would carry it past the other
 * edge unseen. The area is the scrollbar's height, where one shows.
 */
function cutAtEdge(elements: UiElement[], name: string, way: string, at: Point): boolean {
  const bar = elements.filter((e) => e.kind === 'scrollbar' && e.box[0] >= at.x && e.box[3] > 2 * e.box[2]).sort((a, b) => a.box[0] - b.box[0])[0];
  if (!bar || (way !== 'down' && way !== 'up')) return false;
  const want = squeeze(name);
  const read = lineReads(elements);
  return elements.some((e, i) => {
    const edge = way === 'down' ? bar.box[1] + bar.box[3] - (e.box[1] + e.box[3]) : e.box[1] - bar.box[1];
    return edge <= EDGE && edge >= -EDGE && read[i]!.length >= want.length - 1 && levenshtein(read[i]!, want, 2) <= Math.max(1, Math.floor(want.length / 6));
  });
}

const OPPOSITE = { up: 'down', down: 'up', left: 'right', right: 'left' } as const;

/** The name the command seeks: its first quoted span, else its run of capitalised words and numbers ("Garnet 80"). */
export function soughtName(instruction: string): string | undefined {
  const [quoted] = quotedSpans(instruction);
  if (quoted) return instruction.slice(quoted[0], quoted[1]);
  // The longest run: "Garnet 80" in "Scroll the Gems list to Garnet 80".
  return nameRuns(instruction).sort((a, b) => b.split(' ').length - a.split(' ').length)[0];
}

/** Whether a line on screen reads `name`. */
export function onScreen(elements: UiElement[], name: string): boolean {
  const want = squeeze(name);
  return lineReads(elements).some((r) => r.includes(want));
}

/** Whether `at` is on a line of words (not a control) none of which the command says. */
function onUnsaidWords(instruction: string, elements: UiElement[], at: Point): boolean {
  const line = lineAt(elements, at);
  if (line === undefined) return false;
  const said = new Set(tokenize(instruction).map((t) => t.norm));
  return !tokenize(line).some((t) => said.has(t.norm));
}

/**
 * Whether `at` is on a line that reads a word of `name` and a word it does not have: "Basalt 77"
 * for "Basalt 16", "Berlin Tegel" for "Berlin Brandenburg" (a bare "Berlin" may be the name wrapped).
 */
function onLookAlike(name: string, elements: UiElement[], at: Point): boolean {
  const read = lineAt(elements, at);
  if (read === undefined) return false;
  const words = new Set(tokenize(name).map((t) => t.norm));
  const line = tokenize(read).filter((t) => /[\p{L}\p{N}]/u.test(t.text));
  return line.some((t) => words.has(t.norm)) && line.some((t) => !words.has(t.norm));
}

/**
 * A scroll in place of a finish, a call for help, or (once the model has scrolled) a click
 * elsewhere or a scroll back the other way, while the command seeks a name that is not on screen.
 */
export function seekName({ instruction, history, perception }: PolicyInput, proposed: PolicyAction): { action: PolicyAction; thought: string } | undefined {
  if (!SEEK.test(instruction)) return undefined;
  const name = soughtName(instruction);
  // Found and acted on already (a click on it closed the menu it was in), or on screen: then it
  // is clicked, rather than scrolled past, left, typed, or mistaken for a look-alike.
  // (Typing the name acts on nothing in a list.)
  if (!name || actedOn(history.filter((h) => h.action.type !== 'type'), name)) return undefined;
  if (onScreen(perception.elements, name)) {
    const hits = named(perception.elements, name, false);
    const astray = proposed.type !== 'click' || onLookAlike(name, perception.elements, proposed.at);
    if (!astray || hits.length !== 1 || !CHOOSE.test(instruction) || !history.some((h) => h.action.type === 'scroll')) return undefined;
    return { action: clickOn(hits[0]!), thought: `"${name}" is on screen now: it is what the command looks for` };
  }
  // Typing, unless the command says to or a field was just clicked (a search box, a combo box's start).
  const lastMove = history.findLast((h) => h.action.type === 'click' || h.action.type === 'scroll')?.action;
  const intoField = lastMove?.type === 'click' && kindAt(perception.elements, 'text_field', lastMove.at) !== undefined;
  const typing = proposed.type === 'type' && !typingCommand(instruction) && !intoField;
  if (!['finished', 'call_user', 'click', 'scroll'].includes(proposed.type) && !typing) return undefined;
  const scrolls = history.flatMap((h) => (h.action.type === 'scroll' ? [{ ...h.action, changed: h.changed }] : []));
  const last = scrolls.at(-1);
  // A click elsewhere is the model's own way in (a tab, a panel to open) until it has started
  // scrolling, unless it goes to words the command does not say (another row of the list) or to
  // a look-alike of the name (the name is not on screen). The way to go: the last that moved
  // something, else down.
  if (proposed.type === 'click' && !last && !onUnsaidWords(instruction, perception.elements, proposed.at) && !onLookAlike(name, perception.elements, proposed.at)) return undefined;
  const direction = scrolls.filter((s) => s.changed).at(-1)?.direction ?? 'down';
  // At the end of the list that way, back the other way (it may have been passed by); at both
  // ends, the model's step stands.
  const stuck = (d: string) => scrolls.filter((s) => s.direction === d).slice(-STUCK).filter((s) => !s.changed).length === STUCK;
  const way = !stuck(direction) ? direction : !stuck(OPPOSITE[direction]) ? OPPOSITE[direction] : undefined;
  if (!way) return undefined;
  // Where the scrolling goes on: where it went before, else mid-screen (the model's own point, for its scroll).
  const at = last?.at ?? { x: Math.round(perception.width / 2), y: Math.round(perception.height / 2) };
  const from = proposed.type === 'scroll' && proposed.at ? proposed.at : at;
  if (cutAtEdge(perception.elements, name, way, from)) {
    return { action: { type: 'scroll', at: from, direction: way, amount: NUDGE }, thought: `a line at the edge nearly reads "${name}": scroll a little to read it whole` };
  }
  // A scroll that way (or a first one) is the model's own, in steps short enough not to skip a
  // row of a small panel.
  if (proposed.type === 'scroll' && (!last || proposed.direction === way)) {
    const step = stepFor(perception.elements, from);
    return proposed.amount > step ? { action: { ...proposed, amount: step }, thought: `looking for "${name}" in a short panel: scroll in short steps` } : undefined;
  }
  return { action: { type: 'scroll', at, direction: way, amount: stepFor(perception.elements, at) }, thought: `"${name}" is not on screen yet: keep scrolling ${way}` };
}
