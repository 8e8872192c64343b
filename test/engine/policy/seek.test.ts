import { describe, expect, it } from 'vitest';
import type { Perception, UiElement } from '../../../engine/perception/types.ts';
import { seekName, soughtName } from '../../../engine/policy/seek.ts';

const el = (id: string, text: string, y: number): UiElement => ({ id, kind: 'text', text, box: [300, y, 80, 16], confidence: 1 });
const list = (...names: string[]): Perception => ({ width: 1280, height: 800, timings: {}, elements: names.flatMap((n, i) => n.split(' ').map((w, j) => ({ ...el(`${i}-${j}`, w, 100 + 40 * i), box: [300 + 60 * j, 100 + 40 * i, 50, 16] as UiElement['box'] }))) });
const scrolled = (changed: boolean) => ({ action: { type: 'scroll' as const, at: { x: 400, y: 300 }, direction: 'down' as const, amount: 5 }, changed });

describe('seeking a name out of sight', () => {
  it('reads the name a command seeks', () => {
    expect(soughtName('Locate "Cobalt 31" further down and select it')).toBe('Cobalt 31');
    expect(soughtName('Look for Garnet 80 and click on it')).toBe('Garnet 80');
  });

  it('keeps scrolling while the name is not on screen, where and the way the model scrolled', () => {
    const input = { instruction: 'Look for Garnet 80 and click on it', perception: list('Amber 12', 'Dune 40'), history: [scrolled(true)] };
    expect(seekName(input, { type: 'finished' })?.action).toEqual({ type: 'scroll', at: { x: 400, y: 300 }, direction: 'down', amount: 5 });
    expect(seekName(input, { type: 'click', at: { x: 320, y: 108 } })?.action.type).toBe('scroll');
    // Turning back before the end: on the way it was going.
    expect(seekName(input, { type: 'scroll', direction: 'up', amount: 5 })?.action).toMatchObject({ direction: 'down' });
    expect(seekName(input, { type: 'scroll', direction: 'down', amount: 5 })).toBeUndefined();
    // In a panel shorter than 480 px (its scrollbar), 60% of its height at a time: no row skipped.
    const bar: UiElement = { id: 'sb', kind: 'scrollbar', text: '', box: [700, 100, 12, 340], confidence: 1 };
    const panel = { ...input, perception: { ...input.perception, elements: [...input.perception.elements, bar] } };
    expect(seekName(panel, { type: 'scroll', at: { x: 400, y: 300 }, direction: 'down', amount: 5 })?.action).toMatchObject({ direction: 'down', amount: 2 });
    expect(seekName(panel, { type: 'finished' })?.action).toMatchObject({ direction: 'down', amount: 2 });
    // Typing the name finds nothing in a list, and a typed name is not one acted on.
    expect(seekName(input, { type: 'type', text: 'Garnet 80' })?.action.type).toBe('scroll');
    // Into a field just clicked (an autocomplete's), typing is the model's.
    const box = { instruction: 'Find and choose Garnet 80 as gem', perception: { ...list('Amber 12'), elements: [...list('Amber 12').elements, { ...el('f', '', 40), kind: 'text_field' as const, box: [100, 40, 200, 30] as UiElement['box'] }] }, history: [{ action: { type: 'click' as const, at: { x: 150, y: 55 } }, changed: true }] };
    expect(seekName(box, { type: 'type', text: 'Garnet' })).toBeUndefined();
    expect(seekName({ ...box, history: [...box.history, { action: { type: 'hotkey', keys: ['ctrl', 'a'] }, changed: false }] }, { type: 'type', text: 'Garnet' })).toBeUndefined();
    expect(seekName({ ...input, history: [...input.history, { action: { type: 'type', text: 'Garnet 80' }, changed: false }] }, { type: 'finished' })?.action.type).toBe('scroll');
    // On screen: clicked, rather than scrolled past or left (unless the command only brings it into view).
    const found = { ...input, perception: list('Amber 12', 'Garnet 80') };
    expect(seekName(found, { type: 'click', at: { x: 320, y: 148 } })).toBeUndefined();
    expect(seekName(found, { type: 'scroll', direction: 'up', amount: 5 })?.action).toEqual({ type: 'click', at: { x: 325, y: 148 } });
    expect(seekName(found, { type: 'finished' })?.action.type).toBe('click');
    expect(seekName(found, { type: 'type', text: 'Garnet 80' })?.action.type).toBe('click');
    // A look-alike beside it ("Amber 80" for "Garnet 80") is not it.
    const beside = { ...input, perception: list('Amber 80', 'Garnet 80') };
    expect(seekName(beside, { type: 'click', at: { x: 380, y: 108 } })?.action).toEqual({ type: 'click', at: { x: 325, y: 148 } });
    expect(seekName({ ...found, instruction: 'Scroll down until Garnet 80 shows' }, { type: 'finished' })).toBeUndefined();
    // Clicked already (the menu it was in closed): found.
    expect(seekName({ ...input, history: [...input.history, { action: { type: 'click', at: { x: 320, y: 108 } }, changed: true, words: ['Garnet 80'] }] }, { type: 'finished' })).toBeUndefined();
  });

  it('turns back at the end of the list, and leaves the model alone at both ends, and before it has scrolled for a click on a way in', () => {
    const input = { instruction: 'Look for Garnet 80 and click on it', perception: list('Amber 12'), history: [scrolled(true), scrolled(false), scrolled(false)] };
    expect(seekName(input, { type: 'finished' })?.action).toMatchObject({ direction: 'up' });
    const up = (changed: boolean) => ({ action: { type: 'scroll' as const, at: { x: 400, y: 300 }, direction: 'up' as const, amount: 5 }, changed });
    expect(seekName({ ...input, history: [...input.history, up(true), up(false), up(false)] }, { type: 'finished' })).toBeUndefined();
    // Before it has scrolled, a click is the model's way in, unless it goes to another row of the list.
    const tabs = { ...input, history: [], perception: { ...input.perception, elements: [...input.perception.elements, { ...el('t', 'Garnets', 40), kind: 'button' as const }] } };
    expect(seekName(tabs, { type: 'click', at: { x: 320, y: 48 } })).toBeUndefined();
    expect(seekName({ ...input, history: [] }, { type: 'click', at: { x: 320, y: 108 } })?.action).toMatchObject({ type: 'scroll', direction: 'down' });
    expect(seekName({ ...input, history: [] }, { type: 'call_user' })?.action).toMatchObject({ type: 'scroll', direction: 'down' });
    // Nor to a look-alike of the name: "Garnet 17" is not "Garnet 80".
    const alike = { ...input, history: [], perception: list('Garnet 17', 'Amber 12') };
    expect(seekName(alike, { type: 'click', at: { x: 320, y: 108 } })?.action).toMatchObject({ type: 'scroll', direction: 'down' });
    // A part of it with nothing else (the name wrapped over two lines: "Berlin" / "Brandenburg") may be it.
    const wrapped = { instruction: 'Find and choose Berlin Brandenburg as airport', perception: list('Berlin Tegel', 'Berlin', 'Brandenburg'), history: [] };
    expect(seekName(wrapped, { type: 'click', at: { x: 320, y: 148 } })).toBeUndefined();
    expect(seekName(wrapped, { type: 'click', at: { x: 320, y: 108 } })?.action.type).toBe('scroll');
  });

  it('scrolls a little, not a whole step, when a line cut by the edge nearly reads the name', () => {
    const bar: UiElement = { id: 'sb', kind: 'scrollbar', text: '', box: [1155, 98, 12, 600], confidence: 1 };
    const cut: UiElement = { id: 'c', kind: 'text', text: 'Laaoon60', box: [303, 687, 65, 12], confidence: 0.7 };
    const input = { instruction: 'Locate "Lagoon 60" further down and select it', perception: { ...list('Amber 12', 'Lagoon 83'), elements: [...list('Amber 12', 'Lagoon 83').elements, bar, cut] }, history: [scrolled(true)] };
    expect(seekName(input, { type: 'scroll', at: { x: 400, y: 300 }, direction: 'down', amount: 5 })?.action).toEqual({ type: 'scroll', at: { x: 400, y: 300 }, direction: 'down', amount: 2 });
    // In the middle of the area, or reading another name, it is passed by in a whole step.
    const middle = { ...input, perception: { ...input.perception, elements: [...input.perception.elements.slice(0, -1), { ...cut, box: [303, 400, 65, 12] as UiElement['box'] }] } };
    expect(seekName(middle, { type: 'scroll', at: { x: 400, y: 300 }, direction: 'down', amount: 5 })).toBeUndefined();
    expect(seekName({ ...input, instruction: 'Locate "Quill 22" further down and select it' }, { type: 'scroll', at: { x: 400, y: 300 }, direction: 'down', amount: 5 })).toBeUndefined();
  });
});
