import { describe, expect, it } from 'vitest';
import type { Perception, UiElement } from '../../../engine/perception/types.ts';
import { calendarMove, wantedDate } from '../../../engine/policy/calendar.ts';

const el = (id: string, kind: UiElement['kind'], text: string, box: UiElement['box']): UiElement => ({ id, kind, text, box, confidence: 1 });

/** A month view as perception reads it: header "November 2027" between arrows, days 1–30 in a 7-column grid, with the next month's first days after them. */
function calendar(header = 'November 2027', days = 30, lead = 2): Perception {
  const elements = [el('h', 'button', header, [420, 200, 200, 30]), el('p', 'icon', 'previous back left', [400, 208, 10, 10]), el('n', 'icon', 'next forward right', [640, 208, 10, 10])];
  const cells = [...Array.from({ length: lead }, (_, i) => 31 - lead + 1 + i), ...Array.from({ length: days }, (_, i) => i + 1), 1, 2, 3, 4, 5];
  cells.forEach((d, i) => elements.push(el(`d${i}`, 'text', String(d), [400 + (i % 7) * 36, 250 + Math.floor(i / 7) * 30, 14, 12])));
  return { width: 1280, height: 800, elements, timings: {} };
}
const cellOf = (p: Perception, day: number, which: 'first' | 'last' = 'first') => {
  const cells = p.elements.filter((e) => e.text === String(day));
  const c = which === 'first' ? cells[0]! : cells.at(-1)!;
  return { x: c.box[0] + 7, y: c.box[1] + 6 };
};

describe('calendars', () => {
  it('reads the date a command names, in the usual ways of writing one', () => {
    expect(wantedDate('The due date should be 2026-12-16')).toEqual({ y: 2026, m: 11, d: 16 });
    expect(wantedDate('Select December 24 on the calendar')).toEqual({ m: 11, d: 24 });
    expect(wantedDate('Book it for March 7, 2025')).toEqual({ y: 2025, m: 2, d: 7 });
    expect(wantedDate('Choose 3rd of Feb 2026 as the start')).toEqual({ y: 2026, m: 1, d: 3 });
    expect(wantedDate('Set the volume to 30')).toBeUndefined();
  });

  it('pages towards the month named before a day is picked', () => {
    const p = calendar();
    const click = { type: 'click' as const, at: cellOf(p, 24) };
    expect(calendarMove({ instruction: 'Select December 24 on the calendar', perception: p, history: [] }, click)?.action).toEqual({ type: 'click', at: { x: 645, y: 213 } });
    expect(calendarMove({ instruction: 'Book it for March 24, 2027', perception: p, history: [] }, click)?.action).toEqual({ type: 'click', at: { x: 405, y: 213 } });
    // The short way round without a year: January is next after November's December.
    expect(calendarMove({ instruction: 'Select January 24', perception: p, history: [] }, click)?.target?.text).toBe('next forward right');
    // An arrow the wrong way is the other arrow; the right one is the model's; in the month named, the day.
    const back = { type: 'click' as const, at: { x: 405, y: 213 } };
    expect(calendarMove({ instruction: 'Select December 24', perception: p, history: [] }, back)?.target?.text).toBe('next forward right');
    expect(calendarMove({ instruction: 'Select October 24', perception: p, history: [] }, back)).toBeUndefined();
    expect(calendarMove({ instruction: 'Select November 24', perception: p, history: [] }, back)?.action).toEqual({ type: 'click', at: cellOf(p, 24) });
    // A month and its year read as one word.
    expect(calendarMove({ instruction: 'Select February 18 on the calendar', perception: calendar('November2026'), history: [] }, click)?.target?.text).toBe('next forward right');
    // A premature finish pages too.
    expect(calendarMove({ instruction: 'The due date should be 2027-12-16', perception: p, history: [] }, { type: 'finished' })?.target?.text).toBe('next forward right');
  });

  it('in the right month, takes the day named, in this month\'s block of the grid', () => {
    const p = calendar();
    const wrong = { type: 'click' as const, at: cellOf(p, 2, 'last') };
    const m = calendarMove({ instruction: 'Pick November 30, 2027', perception: p, history: [] }, wrong);
    expect(m?.target?.text).toBe('30');
    expect(m?.target?.box[1]).toBeGreaterThan(300);
    // The first "2" is this month's (the grid's last row has next month's 1–5).
    expect(calendarMove({ instruction: 'Pick November 2, 2027', perception: p, history: [] }, { type: 'click', at: cellOf(p, 9) })?.action).toEqual({ type: 'click', at: cellOf(p, 2) });
    // A finish once the month is right, before the day is picked: the day; after, the finish.
    expect(calendarMove({ instruction: 'Pick November 9, 2027', perception: p, history: [] }, { type: 'finished' })?.action).toEqual({ type: 'click', at: cellOf(p, 9) });
    expect(calendarMove({ instruction: 'Pick November 9, 2027', perception: p, history: [{ action: { type: 'click', at: cellOf(p, 9) }, changed: true, words: ['9'] }] }, { type: 'finished' })).toBeUndefined();
  });

  it('reads a day OCR split in two ("1" "1") as its number', () => {
    const p = calendar('January 2027', 31, 4);
    const eleven = p.elements.find((e) => e.text === '11')!;
    const [x, y] = eleven.box;
    p.elements.splice(p.elements.indexOf(eleven), 1, el('a', 'text', '1', [x, y, 4, 12]), el('b', 'text', '1', [x + 8, y, 4, 12]));
    const next = { type: 'click' as const, at: { x: 645, y: 213 } };
    expect(calendarMove({ instruction: 'The check-in should be 2027-01-11', perception: p, history: [] }, next)?.action).toEqual({ type: 'click', at: { x: x + 6, y: y + 6 } });
    expect(calendarMove({ instruction: 'The check-in should be 2027-01-11', perception: p, history: [] }, { type: 'click', at: { x: x + 9, y: y + 6 } })).toBeUndefined();
  });

  it('leaves the model alone when its click is right, or is not on the calendar', () => {
    const p = calendar();
    expect(calendarMove({ instruction: 'Pick November 9, 2027', perception: p, history: [] }, { type: 'click', at: cellOf(p, 9) })).toBeUndefined();
    expect(calendarMove({ instruction: 'Book it for March 7, 2025', perception: p, history: [] }, { type: 'click', at: { x: 900, y: 600 } })).toBeUndefined();
    expect(calendarMove({ instruction: 'Book it for March 7, 2025', perception: calendar('Notes and more'), history: [] }, { type: 'finished' })).toBeUndefined();
  });

  it('scrolls a calendar cut off by the window\'s edge into view, towards the cut', () => {
    const cut: Perception = { width: 1280, height: 800, timings: {}, elements: [
      el('f', 'text_field', 'YYYY-MM-DD', [1038, 258, 130, 26]), el('mo', 'text', 'Mo', [1182, 292, 16, 10]), el('tu', 'text', 'Tu', [1210, 292, 16, 10]),
      ...[5, 6, 12, 13, 19, 20].map((d, i) => el(`d${d}`, 'text', String(d), [1184 + (i % 2) * 28, 340 + Math.floor(i / 2) * 26, 12, 12])),
    ] };
    const input = { instruction: 'The delivery date should be 2027-04-10', perception: cut, history: [] };
    expect(calendarMove(input, { type: 'click', at: { x: 700, y: 750 } })?.action).toMatchObject({ type: 'scroll', direction: 'right' });
    // The end of the week showing: the cut is on the left.
    const left = { ...cut, elements: cut.elements.map((e) => (e.id === 'mo' ? { ...e, text: 'Sa' } : e.id === 'tu' ? { ...e, text: 'Su' } : e)) };
    expect(calendarMove({ ...input, perception: left }, { type: 'finished' })?.action).toMatchObject({ type: 'scroll', direction: 'left' });
    // Scrolled and nothing moved: the model's step stands.
    const stuck = [{ action: { type: 'scroll' as const, direction: 'right' as const, amount: 5 }, changed: false }];
    expect(calendarMove({ ...input, history: stuck }, { type: 'finished' })).toBeUndefined();
    expect(calendarMove({ ...input, instruction: 'Open the calendar' }, { type: 'finished' })).toBeUndefined();
  });
});
