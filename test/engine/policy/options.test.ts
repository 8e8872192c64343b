import { describe, expect, it } from 'vitest';
import type { Perception, UiElement } from '../../../engine/perception/types.ts';
import { commandOptions, optionStates } from '../../../engine/policy/options.ts';

const el = (id: string, kind: UiElement['kind'], text: string, box: UiElement['box'], checked?: boolean): UiElement => ({ id, kind, text, box, confidence: 1, ...(checked === undefined ? {} : { state: { checked } }) });
const screen = (...elements: UiElement[]): Perception => ({ width: 1280, height: 800, elements, timings: {} });
const click = (x: number, y: number) => ({ type: 'click' as const, at: { x, y } });

// Chips: Dark mode on (filled), Spell check and Sound effects off.
const chips = screen(
  el('dm', 'button', 'Dark mode', [669, 444, 138, 44], true), el('sc', 'button', 'Spel check', [817, 444, 142, 44], false), el('se', 'button', 'Sound effects', [495, 498, 162, 44], false),
  el('dm1', 'text', 'Dark', [691, 456, 40, 19]), el('dm2', 'text', 'mode', [738, 456, 48, 19]),
);
// Switches after their labels: Notifications off, Weekly digest on.
const switches = screen(
  el('n', 'text', 'Notifications', [111, 240, 100, 20]), el('nt', 'toggle', '', [220, 238, 43, 24], false),
  el('w1', 'text', 'Weekly', [111, 302, 55, 20]), el('w2', 'text', 'digest', [172, 302, 47, 21]), el('wt', 'toggle', '', [229, 300, 43, 24], true),
  el('save', 'button', 'Save', [111, 360, 60, 30]),
);

describe('options the command turns on or off', () => {
  it('reads each name and the state the command wants, quoted or not', () => {
    expect(commandOptions('Adjust the options: turn on "Sound effects", turn off "Dark mode" and select "Spell check"')).toEqual([
      { name: 'Sound effects', want: true }, { name: 'Dark mode', want: false }, { name: 'Spell check', want: true },
    ]);
    expect(commandOptions('Please clear "Spell check", nothing else')).toEqual([{ name: 'Spell check', want: false }]);
    expect(commandOptions('Turn "Wi-Fi" off')).toEqual([{ name: 'Wi-Fi', want: false }]);
    expect(commandOptions('Enable the Weekly digest option and disable Notifications')).toEqual([{ name: 'Weekly digest', want: true }, { name: 'Notifications', want: false }]);
    expect(commandOptions('Turn Bluetooth off, then close the window')).toEqual([{ name: 'Bluetooth', want: false }]);
    expect(commandOptions('Enable "Weekly digest", "Sound" and "Spell check", then click "Save"')).toEqual([{ name: 'Weekly digest', want: true }, { name: 'Sound', want: true }, { name: 'Spell check', want: true }]);
    expect(commandOptions('Click "Save"')).toEqual([]);
    expect(commandOptions('Tick Apple and Cherry, then click OK')).toEqual([{ name: 'Apple', want: true }, { name: 'Cherry', want: true }]);
    expect(commandOptions('Enable Wi-Fi, Bluetooth and Night light and disable Location')).toEqual([
      { name: 'Wi-Fi', want: true }, { name: 'Bluetooth', want: true }, { name: 'Night light', want: true }, { name: 'Location', want: false },
    ]);
  });

  it('does not click an option already as the command wants it: the next one that is not, else the end', () => {
    const instruction = 'Adjust the options: turn on "Sound effects", turn off "Dark mode" and select "Spell check"';
    // Dark mode is on: the click turns it off, as wanted.
    expect(optionStates({ instruction, perception: chips, history: [] }, click(752, 464))).toBeUndefined();
    const later = screen(...chips.elements.map((e) => (e.id === 'dm' ? { ...e, state: { checked: false } } : e.id === 'se' ? { ...e, state: { checked: true } } : e)));
    const again = optionStates({ instruction, perception: later, history: [] }, click(752, 464));
    expect(again?.action).toEqual({ type: 'click', at: { x: 888, y: 466 } });
    expect(again?.thought).toContain('"Dark mode" is off already');
    // And a finish with Spell check still off clicks it.
    expect(optionStates({ instruction, perception: later, history: [] }, { type: 'finished' })?.target?.id).toBe('sc');
    const done = screen(...later.elements.map((e) => (e.id === 'sc' ? { ...e, state: { checked: true } } : e)));
    expect(optionStates({ instruction, perception: done, history: [] }, { type: 'finished' })).toBeUndefined();
    expect(optionStates({ instruction, perception: done, history: [] }, click(752, 464))?.action).toEqual({ type: 'finished' });
  });

  it('does not touch an option the command does not name, once every one it names is on screen', () => {
    const instruction = 'Please clear "Spell check", turn on "Dark mode", nothing else';
    const withWeekly = screen(...chips.elements, el('wd', 'button', 'Weekly digest', [340, 444, 120, 44], true), el('wd1', 'text', 'digest', [386, 456, 50, 19]));
    // Dark mode is on already and Spell check off: nothing left, so the click on Weekly digest ends it.
    expect(optionStates({ instruction, perception: withWeekly, history: [] }, click(400, 466))?.action).toEqual({ type: 'finished' });
    const spellOn = screen(...withWeekly.elements.map((e) => (e.id === 'sc' ? { ...e, state: { checked: true } } : e)));
    const fixed = optionStates({ instruction, perception: spellOn, history: [] }, click(400, 466));
    expect(fixed?.target?.id).toBe('sc');
    expect(fixed?.thought).toContain('does not name "Weekly digest"');
    // A radio button is another question than the boxes the command ticks.
    const radio = screen(...spellOn.elements, el('ex', 'text', 'Express', [340, 520, 60, 19]), el('exr', 'radio', '', [320, 522, 14, 14], false));
    expect(optionStates({ instruction, perception: radio, history: [] }, click(360, 528))).toBeUndefined();
  });

  it('reads a switch on its label\'s row, and ends on the click the command ends on', () => {
    expect(optionStates({ instruction: 'Select "Weekly digest" and turn on "Notifications"', perception: switches, history: [] }, click(190, 312))?.action).toEqual(click(242, 250));
    expect(optionStates({ instruction: 'Select "Weekly digest" and turn on "Notifications"', perception: switches, history: [] }, { type: 'finished' })?.target?.id).toBe('nt');
    // A form's values come first.
    expect(optionStates({ instruction: 'Select "Weekly digest" and turn on "Notifications"', perception: switches, history: [] }, { type: 'finished' }, true)).toBeUndefined();
    const on = screen(...switches.elements.map((e) => (e.id === 'nt' ? { ...e, state: { checked: true } } : e)));
    expect(optionStates({ instruction: 'Enable "Weekly digest" and "Notifications", then click Save', perception: on, history: [] }, click(250, 312))?.target?.id).toBe('save');
  });

  it('leaves options whose state the screen does not show to the model', () => {
    const plain = screen(el('n', 'text', 'Notifications', [111, 240, 100, 20]), el('nt', 'toggle', '', [220, 238, 43, 24]));
    expect(optionStates({ instruction: 'Turn on "Notifications"', perception: plain, history: [] }, { type: 'finished' })).toBeUndefined();
    expect(optionStates({ instruction: 'Turn on "Notifications"', perception: plain, history: [] }, click(242, 250))).toBeUndefined();
  });
});
