import { describe, expect, it } from 'vitest';
import type { Perception, UiElement } from '../../../engine/perception/types.ts';
import { keyText, legendCombo, shortcutKeys, wantedCombos } from '../../../engine/policy/shortcut.ts';

let n = 0;
const el = (kind: UiElement['kind'], text: string, box: UiElement['box']): UiElement => ({ id: `e${n++}`, kind, text, box, confidence: 1 });
const words = (y: number, x: number, text: string) => text.split(' ').map((t, i) => el('text', t, [x + 60 * i, y, 50, 14]));
// Keycaps before the action ("Ctrl + E toggle the sidebar"), one row each.
const chips = [
  el('button', 'Ctrl', [100, 100, 44, 24]), el('icon', 'plus add new', [150, 106, 12, 12]), el('text', 'E', [170, 104, 9, 14]), ...words(104, 200, 'toggle the sidebar'),
  el('button', 'F2', [100, 140, 28, 24]), ...words(144, 200, 'rename the file'),
  el('text', 'Ctrl', [100, 180, 30, 14]), el('text', 'Shift', [140, 180, 34, 14]), el('text', 'P', [180, 180, 9, 14]), ...words(180, 200, 'open the command palette'),
];
// A table: the action, then its keys.
const table = [...words(300, 100, 'Insert a link'), el('text', 'Ctrl+K', [400, 300, 50, 14]), ...words(330, 100, 'Save the document'), el('text', 'Ctrl+S', [400, 330, 50, 14])];
const screen = (elements: UiElement[]): Perception => ({ width: 1280, height: 800, elements, timings: {} });

describe('keyboard shortcuts', () => {
  it('reads the keys on the row of the action the command names, before or after its words', () => {
    expect(legendCombo('Do "open the command palette" via its hotkey', chips)).toBe('ctrl+shift+p');
    expect(legendCombo('Toggle the sidebar without the mouse', chips)).toBe('ctrl+e');
    expect(legendCombo('Rename the file with the keyboard shortcut', chips)).toBe('f2');
    expect(legendCombo('Use the shortcut to insert a link', table)).toBe('ctrl+k');
    expect(legendCombo('Use the shortcut to print the page', table)).toBeUndefined();
  });

  it('takes keys the command spells out over the legend, and none without a cue', () => {
    expect(wantedCombos('Type the key combination Ctrl+B', chips)).toEqual(['ctrl+b']);
    expect(wantedCombos('Type the key combination Esc', chips)).toEqual(['escape']);
    expect(wantedCombos('Rename the file', chips)).toEqual([]);
  });

  it('presses the keys in place of other keys, a finish, or a click on the legend once the page is clicked', () => {
    const input = { instruction: 'Type the key combination Ctrl+B', perception: screen(chips), history: [] };
    const onKey = { type: 'click' as const, at: { x: 120, y: 110 } };
    expect(shortcutKeys(input, onKey)).toBeUndefined();
    const clicked = [{ action: onKey, changed: false }];
    expect(shortcutKeys({ ...input, history: clicked }, onKey)?.action).toEqual({ type: 'hotkey', keys: ['ctrl', 'b'] });
    expect(shortcutKeys(input, { type: 'hotkey', keys: ['escape'] })?.action).toEqual({ type: 'hotkey', keys: ['ctrl', 'b'] });
    expect(shortcutKeys(input, { type: 'hotkey', keys: ['ctrl', 'b'] })).toBeUndefined();
    expect(shortcutKeys(input, { type: 'finished' })?.action).toEqual({ type: 'hotkey', keys: ['ctrl', 'b'] });
    const pressed = [...clicked, { action: { type: 'hotkey' as const, keys: ['ctrl', 'b'] }, changed: true }];
    expect(shortcutKeys({ ...input, history: pressed }, { type: 'finished' })).toBeUndefined();
    expect(shortcutKeys({ ...input, history: pressed }, { type: 'hotkey', keys: ['ctrl', 'e'] })?.action).toEqual({ type: 'finished' });
    expect(shortcutKeys({ ...input, history: pressed }, onKey)?.action).toEqual({ type: 'finished' });
    expect(shortcutKeys({ ...input, history: pressed }, { type: 'click', at: { x: 700, y: 700 } })).toBeUndefined();
    // The legend read with a key fewer after the keys were pressed: they were.
    expect(shortcutKeys({ ...input, instruction: 'Press Alt+B', history: [{ action: { type: 'hotkey', keys: ['ctrl', 'alt', 'b'] }, changed: true }] }, { type: 'hotkey', keys: ['alt', 'b'] })?.action).toEqual({ type: 'finished' });
    // Told to keep off the mouse: after a click into the page, a click elsewhere is the keys.
    const offMouse = { ...input, instruction: 'Toggle the sidebar without the mouse', history: [{ action: { type: 'click' as const, at: { x: 700, y: 300 } }, changed: false }] };
    expect(shortcutKeys(offMouse, { type: 'click', at: { x: 1000, y: 500 } })?.action).toEqual({ type: 'hotkey', keys: ['ctrl', 'e'] });
    expect(shortcutKeys({ ...offMouse, history: [] }, { type: 'click', at: { x: 1000, y: 500 } })).toBeUndefined();
    // Text after the keys: only when the command says to type something besides them.
    expect(shortcutKeys({ ...input, history: pressed }, { type: 'type', text: 'Ctrl+B' })?.action).toEqual({ type: 'finished' });
    const palette = { ...input, instruction: 'Do "open the command palette" via its hotkey', history: [{ action: { type: 'hotkey' as const, keys: ['ctrl', 'shift', 'p'] }, changed: true }] };
    expect(shortcutKeys(palette, { type: 'type', text: 'open the command palette' })?.action).toEqual({ type: 'finished' });
    const field = { ...palette, perception: screen([...chips, el('text_field', 'Last shortcut', [600, 500, 300, 40])]) };
    expect(shortcutKeys(field, { type: 'click', at: { x: 700, y: 520 } })?.action).toEqual({ type: 'finished' });
    const then = { ...input, instruction: 'Press Ctrl+B, then type "bold"', history: pressed };
    expect(shortcutKeys(then, { type: 'type', text: 'bold' })).toBeUndefined();
  });
});

describe('keycaps as OCR reads them', () => {
  it('reads the key inside a frame read as brackets, or with the "+" before it', () => {
    expect(keyText('[ctrl]')).toBe('ctrl');
    expect(keyText('[Ctrl]+')).toBe('Ctrl');
    expect(keyText('[B]')).toBe('B');
    expect(keyText('+D')).toBe('D');
    expect(keyText('[Enters')).toBe('Enter');
    expect(keyText('Shift')).toBe('Shift');
    expect(keyText('(see')).toBe('see');
    // The legend row as read off a dark page of kbd chips.
    const row = [el('text', 'ctrl', [94, 307, 42, 21]), el('icon', 'plus add new', [136, 311, 11, 11]), el('text', 'Shift', [148, 308, 46, 18]), el('text', '+D', [198, 308, 26, 18]), ...words(308, 224, 'duplicate the line')];
    expect(legendCombo('Do "duplicate the line" via its hotkey', row)).toBe('ctrl+shift+d');
    // "Ctrl" cut in two at a monospaced letter gap.
    const cut = [el('text', 'ct', [39, 34, 19, 22]), el('text', 'rl', [63, 34, 17, 22]), el('text', 'E', [118, 34, 8, 22]), ...words(34, 140, 'toggle the sidebar')];
    expect(legendCombo('Toggle the sidebar with its shortcut', cut)).toBe('ctrl+e');
  });
});
