// Calendars from pixels. A date picker shows one month: its name over a grid of day numbers, with
// arrows to page. The model finds the calendar and the day, but often clicks the day in whatever
// month is on show. This module reads the month on show and, until it is the one the command
// names, turns a click on a day (or a premature `finished`) into a click on the arrow that pages
// towards it; in the right month, a click on the wrong day goes to the day the command names.
import type { Perception, UiElement } from '../perception/types.ts';
import { centre, clickOn, clickPoint, elementUnder, inside } from './elementMemory.ts';
import { MONTH_NAMES } from './features.ts';
import type { PolicyAction, PolicyInput } from './types.ts';

interface Day {
  y?: number;
  /** 0–11 */
  m: number;
  d: number;
}

const monthOf = (word: string) => MONTH_NAMES.findIndex((re) => re.test(word));
const MONTH = String.raw`([A-Za-z]{3,9})\.?`;

/** The date the command names: ISO (2026-12-16), "December 24[, 2026]" or "24 December [2026]". */
export function wantedDate(instruction: string): Day | undefined {
  const iso = instruction.match(/\b(\d{4})-(\d{1,2})-(\d{1,2})\b/);
  if (iso && Number(iso[2]) >= 1 && Number(iso[2]) <= 12) return { y: Number(iso[1]), m: Number(iso[2]) - 1, d: Number(iso[3]) };
  for (const m of instruction.matchAll(new RegExp(String.raw`\b${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?`, 'g'))) {
    const month = monthOf(m[1]!);
    if (month >= 0 && Number(m[2]) >= 1 && Number(m[2]) <= 31) return { m: month, d: Number(m[2]), ...(m[3] ? { y: Number(m[3]) } : {}) };
  }
  for (const m of instruction.matchAll(new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}(?:,?\s+(\d{4})\b)?`, 'g'))) {
    const month = monthOf(m[2]!);
    if (month >= 0 && Number(m[1]) >= 1 && Number(m[1]) <= 31) return { m: month, d: Number(m[1]), ...(m[3] ? { y: Number(m[3]) } : {}) };
  }
  return undefined;
}

const dayNumber = (e: UiElement) => (/^\d{1,2}$/.test(e.text.trim()) && Number(e.text) >= 1 && Number(e.text) <= 31 ? Number(e.text) : undefined);

interface Shown {
  m: number;
  y?: number;
  header: UiElement;
  days: UiElement[];
  grid: { x0: number; x1: number; y0: number; y1: number };
}

/** Lone digits side by side, a digit's width apart at most, as one number: OCR may read a day's "11" as "1" "1". */
function joinDigits(elements: UiElement[]): UiElement[] {
  const digits = elements.filter((e) => /^\d$/.test(e.text.trim())).sort((a, b) => a.box[0] - b.box[0]);
  const out = elements.filter((e) => !digits.includes(e));
  const used = new Set<UiElement>();
  for (const d of digits) {
    if (used.has(d)) continue;
    const h = d.box[3];
    const next = digits.find((o) => !used.has(o) && o !== d && Math.abs(centre(o).y - centre(d).y) < h / 2 && o.box[0] >= d.box[0] + d.box[2] - 1 && o.box[0] - (d.box[0] + d.box[2]) <= 0.8 * h);
    if (!next) { out.push(d); continue; }
    used.add(next);
    const [x, y] = [d.box[0], Math.min(d.box[1], next.box[1])];
    out.push({ ...d, text: d.text.trim() + next.text.trim(), box: [x, y, next.box[0] + next.box[2] - x, Math.max(d.box[1] + d.box[3], next.box[1] + next.box[3]) - y] });
  }
  return out;
}

/** The month a calendar on screen shows: a month's name (and year) right above a grid of at least 20 day numbers. */
function shownMonth(p: Perception): Shown | undefined {
  const days = joinDigits(p.elements).filter((e) => dayNumber(e) !== undefined);
  let best: Shown | undefined;
  for (const e of p.elements) {
    // OCR may join a month and its year ("November2026").
    const words = e.text.trim().replace(/^(\p{L}{3,})(\d{4})$/u, '$1 $2').split(/\s+/);
    const m = words.map(monthOf).find((i) => i >= 0);
    if (m === undefined || words.length > 3) continue;
    const c = centre(e);
    const below = days.filter((d) => d.box[1] > c.y && d.box[1] - c.y < 320 && Math.abs(centre(d).x - c.x) < 220);
    if (below.length < 20) continue;
    // The year: in the same element, or a four-digit word beside it.
    const yearText = words.find((w) => /^\d{4}$/.test(w)) ?? p.elements.find((o) => /^\d{4}$/.test(o.text.trim()) && Math.abs(centre(o).y - c.y) < 12 && Math.abs(centre(o).x - c.x) < 150)?.text.trim();
    const grid = { x0: Math.min(...below.map((d) => d.box[0])), x1: Math.max(...below.map((d) => d.box[0] + d.box[2])), y0: Math.min(...below.map((d) => d.box[1])), y1: Math.max(...below.map((d) => d.box[1] + d.box[3])) };
    if (!best || below.length > best.days.length) best = { m, ...(yearText ? { y: Number(yearText) } : {}), header: e, days: below, grid };
  }
  return best;
}

/** Months from the one shown to the one wanted: by year and month when both are known, else the short way round. */
function monthsAway(shown: Shown, want: Day): number {
  if (shown.y !== undefined && want.y !== undefined) return (want.y - shown.y) * 12 + (want.m - shown.m);
  const ahead = (want.m - shown.m + 12) % 12;
  return ahead <= 6 ? ahead : ahead - 12;
}

/** The arrow that pages the calendar, on the header's row: a chevron perception named, or a ‹ › < > « » glyph. */
function arrow(p: Perception, shown: Shown, forward: boolean): UiElement | undefined {
  const hy = centre(shown.header).y;
  const named = forward ? /^next forward right$|^[›>»→]$/ : /^previous back left$|^[‹<«←]$/;
  return p.elements
    .filter((e) => named.test(e.text.trim()) && Math.abs(centre(e).y - hy) < 30 && centre(e).x > shown.grid.x0 - 80 && centre(e).x < shown.grid.x1 + 80)
    .sort((a, b) => Math.abs(centre(a).y - hy) - Math.abs(centre(b).y - hy))[0];
}

/** The wanted day in the grid: of two cells with its number (days of the months around), the one in this month's block. */
function dayCell(shown: Shown, d: number): UiElement | undefined {
  const cells = shown.days.filter((e) => dayNumber(e) === d).sort((a, b) => a.box[1] - b.box[1]);
  return d < 15 ? cells[0] : cells.at(-1);
}

export interface CalendarMove {
  action: PolicyAction;
  target?: UiElement;
  thought: string;
}

/** How to go on with a calendar on screen, when the model's step would pick a day in the wrong month or the wrong day; else undefined. */
const WEEKDAYS = [/^mo(?:n|nday)?$/i, /^tu(?:e|es|esday)?$/i, /^we(?:d|dnesday)?$/i, /^th(?:u|urs|ursday)?$/i, /^fr(?:i|iday)?$/i, /^sa(?:t|turday)?$/i, /^su(?:n|nday)?$/i];
const weekday = (e: UiElement) => WEEKDAYS.findIndex((re) => re.test(e.text.trim()));

/**
 * A calendar cut off by the window's edge (it opened past it): a row of fewer than seven weekday
 * names, with no month on show. It is brought into view by scrolling the page towards the cut:
 * right when the row starts with the week's first day (Monday or Sunday), else left.
 */
function cutCalendar(input: PolicyInput): CalendarMove | undefined {
  const names = input.perception.elements.filter((e) => weekday(e) >= 0);
  const row = names.filter((e) => names.filter((o) => Math.abs(o.box[1] - e.box[1]) < 4).length >= 2).sort((a, b) => a.box[0] - b.box[0]);
  const line = row.filter((e) => Math.abs(e.box[1] - row[0]!.box[1]) < 4);
  if (line.length < 2 || line.length >= 7) return undefined;
  const direction = weekday(line[0]!) === 0 || weekday(line[0]!) === 6 ? 'right' : 'left';
  // Scrolled that way already, and nothing moved: the page cannot scroll; leave it to the model.
  const last = input.history.at(-1);
  if (last?.action.type === 'scroll' && last.action.direction === direction && !last.changed) return undefined;
  return { action: { type: 'scroll', at: clickPoint(line[0]!), direction, amount: 5 }, target: line[0]!, thought: `a calendar is cut off at the window's edge: scroll ${direction} to see it whole` };
}

export function calendarMove(input: PolicyInput, proposed: PolicyAction): CalendarMove | undefined {
  const want = wantedDate(input.instruction);
  if (!want) return undefined;
  const shown = shownMonth(input.perception);
  if (!shown) return proposed.type === 'finished' || proposed.type === 'call_user' || proposed.type === 'click' || proposed.type === 'type' ? cutCalendar(input) : undefined;
  const at = proposed.type === 'click' || proposed.type === 'double_click' ? proposed.at : undefined;
  const under = at ? input.perception.elements[elementUnder(input.perception.elements, at)] : undefined;
  const onDay = !!at && shown.days.some((d) => inside(at, d.box, 2));
  // `finished` with the calendar on the wrong month: no day was picked (unless the date was typed).
  const typed = input.history.some((h) => h.action.type === 'type');
  // A click on an arrow pages too: the way towards the month named, or not at all once it shows.
  const onArrow = !!under && (under === arrow(input.perception, shown, true) || under === arrow(input.perception, shown, false));
  if (!onDay && !onArrow && (proposed.type !== 'finished' || typed)) return undefined;
  const away = monthsAway(shown, want);
  const name = `${shown.header.text.trim()}${shown.y !== undefined && !shown.header.text.includes(String(shown.y)) ? ` ${shown.y}` : ''}`;
  if (away !== 0) {
    const a = arrow(input.perception, shown, away > 0);
    if (!a || a === under) return undefined;
    return { action: clickOn(a), target: a, thought: `the calendar shows ${name}: ${away > 0 ? 'next' : 'previous'} month` };
  }
  // The day named, in this month's block: of two "1"s, the first; of two "30"s, the last. In
  // place of a finish too, unless a click went to that day already.
  const cell = dayCell(shown, want.d);
  const picked = input.history.some((h) => h.action.type === 'click' && ((cell && inside(h.action.at, cell.box, 4)) || (h.words ?? []).some((w) => w.trim() === String(want.d))));
  if (!cell || (at && inside(at, cell.box, 2)) || (!onDay && picked)) return undefined;
  return { action: clickOn(cell), target: cell, thought: `the calendar shows ${name}: day ${want.d}` };
}
