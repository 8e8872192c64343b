import { describe, expect, it } from 'vitest';
import type { Perception, UiElement } from '../../../engine/perception/types.ts';
import { dragEnds, exactName, listChoice, menuPath, nothingDone, openEdit, openRename, pathStep, finalClickName, scrollToFinalClick, finalClickNames, pendingClick, pendingSuggestion, pendingTick, pendingValue, quotedParts, unnamedClick } from '../../../engine/policy/pending.ts';

const el = (id: string, kind: UiElement['kind'], text: string, box: UiElement['box']): UiElement => ({ id, kind, text, box, confidence: 1 });
const screen = (...elements: UiElement[]): Perception => ({ width: 1280, height: 800, elements, timings: {} });

describe('the click a command ends on', () => {
  it('reads the name after the last click, press or hit at the end of the command', () => {
    expect(finalClickName('Use these details: city "Lima"; finish by choosing to click Send')).toBe('Send');
    expect(finalClickName('Register with name "Ada" and click Sign up')).toBe('Sign up');
    expect(finalClickName('Fill it in and hit the Save button.')).toBe('Save');
    expect(finalClickName('Click Save and wait for the dialog to close')).toBe(undefined);
    expect(finalClickName("Close the dialog by choosing Don't save")).toBe("Don't save");
  });

  it('reads the buttons a last verb stands for ("… and submit")', () => {
    expect(finalClickNames('Choose Kenya as the country and submit')).toContain('OK');
    expect(finalClickNames('Pick a plan, then confirm.')[0]).toBe('Confirm');
    expect(finalClickNames('Register and click Sign up')).toEqual(['Sign up']);
    expect(finalClickNames('Submit the form and wait')).toEqual([]);
  });

  it('clicks the button a last verb stands for, though a list item lay over it when the model clicked there', () => {
    const p = screen(el('d', 'dropdown', 'Kenya', [625, 375, 85, 36]), el('c', 'button', 'Cancel', [551, 418, 88, 36]), el('ok', 'button', 'OK', [641, 418, 88, 36]), el('okt', 'text', 'OK', [676, 430, 18, 11]));
    const chose = [{ action: { type: 'click' as const, at: { x: 668, y: 394 } }, changed: true, words: [''] }, { action: { type: 'click' as const, at: { x: 655, y: 426 } }, changed: true, words: ['Kenya'] }];
    const input = { instruction: 'Choose Kenya as the country and submit', perception: p, history: chose };
    expect(pendingClick(input, { type: 'finished' })?.target.id).toBe('ok');
    // Once clicked (its words), or not when the model does something else.
    expect(pendingClick({ ...input, history: [...chose, { action: { type: 'click', at: { x: 680, y: 430 } }, changed: true, words: ['OK'] }] }, { type: 'finished' })).toBeUndefined();
    expect(pendingClick(input, { type: 'click', at: { x: 5, y: 5 } })).toBeUndefined();
    // "OK" is a word, not letters inside another ("Book").
    expect(pendingClick({ ...input, history: [{ action: { type: 'click', at: { x: 5, y: 5 } }, changed: true, words: ['Book'] }] }, { type: 'finished' })?.target.id).toBe('ok');
  });

  it('clicks it instead of finishing while it is on screen and not clicked yet', () => {
    const p = screen(el('f', 'text_field', 'Lima', [100, 100, 200, 30]), el('s1', 'text', 'Sign', [100, 160, 30, 14]), el('s2', 'text', 'up', [134, 160, 20, 14]));
    const input = { instruction: 'Register with city "Lima" and click Sign up', perception: p, history: [] };
    expect(pendingClick(input, { type: 'finished' })?.target.text).toBe('Sign');
    expect(pendingClick(input, { type: 'click', at: { x: 5, y: 5 } })).toBeUndefined();
    const done = { ...input, history: [{ action: { type: 'click' as const, at: { x: 120, y: 167 } }, changed: true, words: ['Sign up'] }] };
    expect(pendingClick(done, { type: 'finished' })).toBeUndefined();
    expect(pendingClick({ ...input, perception: screen(el('f', 'text_field', 'Lima', [100, 100, 200, 30])) }, { type: 'call_user' })).toBeUndefined();
  });

  it('ticks the box the command names once the values are in, then clicks the button even when the model would type again', () => {
    const form = screen(
      el('f', 'text_field', 'Apollo 4', [100, 100, 200, 30]),
      el('c', 'checkbox', '', [100, 150, 14, 14]), el('l1', 'text', 'Subscribe', [120, 150, 70, 14]), el('l2', 'text', 'to', [194, 150, 14, 14]), el('l3', 'text', 'updates', [212, 150, 60, 14]),
      el('b', 'button', 'Submit', [100, 190, 80, 30]),
    );
    const instruction = 'Use these details: project name "Apollo 4", tick "Subscribe to updates"; finish by choosing to click Submit';
    const typed = [{ action: { type: 'click' as const, at: { x: 150, y: 115 } }, changed: true }, { action: { type: 'type' as const, text: 'Apollo 4' }, changed: true }];
    expect(quotedParts({ instruction, history: typed })).toEqual([{ text: 'Apollo 4', tick: false, done: true }, { text: 'Subscribe to updates', tick: true, done: false }]);
    const input = { instruction, perception: form, history: typed };
    expect(pendingTick(input, { type: 'call_user' })?.target.id).toBe('c');
    expect(pendingTick(input, { type: 'type', text: 'Apollo 4' })?.target.id).toBe('c');
    // Not while a value is still to type, nor in place of a click the model chose.
    expect(pendingTick({ ...input, history: [] }, { type: 'finished' })).toBeUndefined();
    expect(pendingTick(input, { type: 'click', at: { x: 5, y: 5 } })).toBeUndefined();
    // A click on the button the command ends on, before the box is ticked, is early.
    expect(pendingTick(input, { type: 'click', at: { x: 140, y: 205 } })?.target.id).toBe('c');
    const ticked = [...typed, { action: { type: 'click' as const, at: { x: 107, y: 157 } }, changed: true, words: ['Subscribe to updates'] }];
    expect(pendingTick({ ...input, history: ticked }, { type: 'finished' })).toBeUndefined();
    // Everything quoted is done: the button, whatever the model would do.
    expect(pendingClick({ ...input, history: ticked }, { type: 'hotkey', keys: ['ctrl', 'a'] }, true)?.target.id).toBe('b');
    expect(pendingClick({ ...input, history: ticked }, { type: 'click', at: { x: 120, y: 200 } })).toBeUndefined();
    // Clicked where it is, though OCR read less of it then ("Sub" for "Submit"): done.
    const submitted = [...ticked, { action: { type: 'click' as const, at: { x: 130, y: 205 } }, changed: true, words: ['Sub'] }];
    expect(pendingClick({ ...input, history: submitted }, { type: 'hotkey', keys: ['ctrl', 'a'] }, true)).toBeUndefined();
  });

  it('clicks the one thing that reads exactly the quoted name, not a longer look-alike', () => {
    const options = screen(...['Save', 'Save draft', 'Save all'].flatMap((t, i) => t.split(' ').map((w, j) => el(`${i}${j}`, 'text', w, [134 + 50 * j, 290 + 57 * i, 42, 19]))));
    const input = { instruction: 'Select the option that says "Save"', perception: options, history: [] };
    expect(exactName(input, { type: 'click', at: { x: 155, y: 357 } })?.target.id).toBe('00');
    expect(exactName(input, { type: 'click', at: { x: 155, y: 300 } })).toBeUndefined();
    // A look-alike that starts with the name's first word ("Save draft" for "Save all") gives way
    // to it; a click on another name altogether is the model's to make.
    expect(exactName({ ...input, instruction: 'Select the option that says "Save all"' }, { type: 'click', at: { x: 155, y: 357 } })?.target.id).toBe('20');
    const print = screen(...options.elements, el('p', 'text', 'Print', [134, 461, 42, 19]));
    expect(exactName({ ...input, perception: print, instruction: 'Select the option that says "Print"' }, { type: 'click', at: { x: 155, y: 357 } })).toBeUndefined();
    // Nor a shorter one ("Save" for "Save all"), even as stacked buttons read as fields.
    expect(exactName({ ...input, instruction: 'Choose "Save all" (careful, several look alike)' }, { type: 'click', at: { x: 155, y: 300 } })?.target.id).toBe('20');
    const fields = screen(...options.elements, el('f0', 'text_field', 'Save', [120, 285, 200, 30]));
    expect(exactName({ ...input, perception: fields, instruction: 'Choose "Save all" (careful, several look alike)' }, { type: 'click', at: { x: 250, y: 300 } })?.target.id).toBe('20');
    // A look-alike that starts as the name does ("Share all" for "Shared with me").
    const shares = screen(...['Shared with me', 'Share', 'Share all'].flatMap((t, i) => t.split(' ').map((w, j) => el(`s${i}${j}`, 'text', w, [46 + 44 * j, 277 + 33 * i, 40, 11]))));
    expect(exactName({ instruction: 'Choose "Shared with me" (careful, several look alike)', perception: shares, history: [] }, { type: 'click', at: { x: 100, y: 349 } })?.target.id).toBe('s00');
    // None reads it exactly (underlined, "Copy all" read "Copy_gl"): the one line nearest it.
    const underlined = screen(...['Copy link', 'Copy_gl', 'Copy path', 'Copy folder'].flatMap((t, i) => t.split(' ').map((w, j) => el(`c${i}${j}`, 'text', w, [55 + 50 * j, 279 + 30 * i, 45, 20]))));
    const copyAll = { instruction: 'Select the option that says "Copy all"', perception: underlined, history: [] };
    expect(exactName(copyAll, { type: 'click', at: { x: 89, y: 379 } })?.target.id).toBe('c10');
    // Two lines as near: neither.
    expect(exactName({ ...copyAll, perception: screen(...underlined.elements, el('x', 'text', 'Copy_gI', [55, 420, 70, 20])) }, { type: 'click', at: { x: 89, y: 379 } })).toBeUndefined();
    // Unquoted: the line clicked says more than the command ("Save all" for "Only hit Save").
    expect(exactName({ ...input, instruction: 'Only hit Save' }, { type: 'click', at: { x: 155, y: 414 } })?.target.id).toBe('00');
    expect(exactName({ ...input, instruction: 'Only hit Save' }, { type: 'click', at: { x: 155, y: 300 } })).toBeUndefined();
    expect(exactName({ ...input, instruction: 'Choose Save all' }, { type: 'click', at: { x: 155, y: 414 } })).toBeUndefined();
    expect(exactName({ ...input, instruction: 'Choose Save all' }, { type: 'click', at: { x: 155, y: 357 } })?.target.id).toBe('20');
    // The longest stretch of the command read exactly: "Copy path", not the "Copy" of "Copy link".
    const copies = screen(el('l1', 'text', 'Copy', [100, 100, 40, 14]), el('l2', 'text', 'link', [144, 100, 30, 14]), el('p1', 'text', 'Copy', [100, 200, 40, 14]), el('p2', 'text', 'path', [144, 200, 30, 14]));
    expect(exactName({ instruction: 'Only hit Copy path', perception: copies, history: [] }, { type: 'click', at: { x: 110, y: 106 } })?.target.id).toBe('p1');
    const short = screen(el('c', 'text', 'Copy', [100, 100, 40, 14]), el('p1', 'text', 'Copy', [100, 200, 40, 14]), el('p2', 'text', 'path', [144, 200, 30, 14]));
    expect(exactName({ instruction: 'Only hit Copy path', perception: short, history: [] }, { type: 'click', at: { x: 110, y: 106 } })?.target.id).toBe('p1');
    expect(exactName({ instruction: 'Only hit Copy', perception: short, history: [] }, { type: 'click', at: { x: 110, y: 106 } })).toBeUndefined();
    // The line clicked holds a longer stretch of the command than the exact one elsewhere.
    const menu = screen(...['Find', 'Find and Replace Ctrl+R'].flatMap((t, i) => t.split(' ').map((w, j) => el(`${i}${j}`, 'text', w, [100 + 60 * j, 30 + 40 * i, 50, 14]))));
    expect(exactName({ instruction: 'Open Find and Replace from the Search menu', perception: menu, history: [] }, { type: 'click', at: { x: 110, y: 76 } })).toBeUndefined();
  });

  it('counts a ticked label read with a letter wrong as done, and types a value left after a click into a field or an edit in place', () => {
    const ticked = [{ action: { type: 'click' as const, at: { x: 46, y: 460 } }, changed: true, words: ['1 agree to the terms'] }];
    expect(quotedParts({ instruction: 'tick "I agree to the terms" and click Sign up', history: ticked })[0]!.done).toBe(true);
    expect(quotedParts({ instruction: 'tick "Weekly" and click Sign up', history: [{ ...ticked[0]!, words: ['Weekty'] }] })[0]!.done).toBe(false);
    const names = screen(el('t', 'text', 'Launch plan', [100, 100, 90, 18]), el('f', 'text_field', '', [300, 100, 200, 30]));
    const instruction = 'Retitle "Launch plan" as "Launch checklist"';
    const edited = { instruction, perception: names, previous: names, history: [{ action: { type: 'double_click' as const, at: { x: 120, y: 109 } }, changed: true }] };
    const at = [instruction.indexOf('Launch checklist')];
    expect(pendingValue(edited, { type: 'finished' }, at)?.action).toEqual({ type: 'type', text: 'Launch checklist\n' });
    expect(pendingValue({ ...edited, history: [{ action: { type: 'click', at: { x: 350, y: 115 } }, changed: true }] }, { type: 'call_user' }, at)?.action).toEqual({ type: 'type', text: 'Launch checklist' });
    // A click on nothing perception names (a document's page) is a click into it.
    expect(pendingValue({ ...edited, history: [{ action: { type: 'click', at: { x: 700, y: 500 } }, changed: true }] }, { type: 'finished' }, at)?.action).toEqual({ type: 'type', text: 'Launch checklist' });
    // Not after a click on something else, nor when nothing is left, nor in place of another step.
    expect(pendingValue({ ...edited, history: [{ action: { type: 'click', at: { x: 120, y: 109 } }, changed: true }] }, { type: 'finished' }, at)).toBeUndefined();
    expect(pendingValue(edited, { type: 'finished' }, [])).toBeUndefined();
    expect(pendingValue(edited, { type: 'hotkey', keys: ['enter'] }, at)).toBeUndefined();
  });

  it('clicks the name the command gives in place of a line that only shares its other words', () => {
    const menu = screen(...['Find and replace', 'Select all', 'Preferences'].flatMap((t, i) => t.split(' ').map((w, j) => el(`${i}${j}`, 'text', w, [380 + 45 * j, 250 + 30 * i, 40, 14]))));
    const input = { instruction: 'Find Preferences under Edit and click it', perception: menu, history: [{ action: { type: 'click' as const, at: { x: 390, y: 160 } }, changed: true, words: ['Edit'] }] };
    expect(unnamedClick(input, { type: 'click', at: { x: 430, y: 256 } })?.target.id).toBe('20');
    // A line the command reads out whole is one it names, capitals or not.
    const options = screen(el('o1', 'text', 'In', [100, 100, 20, 14]), el('o2', 'text', 'progress', [124, 100, 60, 14]), el('st', 'text', 'Status', [100, 60, 50, 14]));
    expect(unnamedClick({ instruction: 'I need In progress in the Status menu', perception: options, history: [] }, { type: 'click', at: { x: 130, y: 106 } })).toBeUndefined();
    // Not a look-alike to fix: "Find" is a word of the very line clicked.
    expect(exactName(input, { type: 'click', at: { x: 430, y: 256 } })).toBeUndefined();
    // A line the command does not speak of at all, or one holding a name of it, is the model's.
    expect(unnamedClick(input, { type: 'click', at: { x: 390, y: 286 } })).toBeUndefined();
    expect(unnamedClick({ ...input, instruction: 'Find and replace under Edit' }, { type: 'click', at: { x: 430, y: 256 } })).toBeUndefined();
    // A field's label is on the way to typing into it.
    const form = screen(el('u', 'text', 'Username', [100, 100, 70, 14]), el('f', 'text_field', '', [200, 92, 200, 30]), el('s', 'button', 'Submit', [100, 160, 80, 30]));
    expect(unnamedClick({ instruction: 'Use these details: username "elena38"; finish by choosing to click Submit', perception: form, history: [] }, { type: 'click', at: { x: 130, y: 106 } })).toBeUndefined();
    // Clicked already: nothing left to send it to.
    expect(unnamedClick({ ...input, history: [...input.history, { action: { type: 'click', at: { x: 390, y: 316 } }, changed: true, words: ['Preferences'] }] }, { type: 'click', at: { x: 430, y: 256 } })).toBeUndefined();
  });

  it('clicks the name the command gives in place of an icon it does not speak of', () => {
    const crumbs = screen(el('h', 'text', 'Home', [700, 167, 45, 21]), el('i1', 'icon', 'next forward right', [849, 172, 10, 10]), el('s', 'text', 'Security', [861, 167, 61, 21]), el('i2', 'icon', 'next forward right', [924, 172, 10, 10]), el('b', 'text', 'Billing', [940, 167, 50, 21]));
    const input = { instruction: 'Visit the Security page', perception: crumbs, history: [] };
    expect(unnamedClick(input, { type: 'click', at: { x: 854, y: 177 } })?.target.id).toBe('s');
    // The name read twice ("Status" of a sentence's "status."): the one that reads on as the command does.
    const status = screen(el('n', 'text', 'status.', [670, 120, 48, 19]), el('i', 'icon', 'next forward right', [708, 172, 10, 10]), el('t', 'text', 'Status', [799, 167, 49, 20]), el('p', 'text', 'page', [854, 167, 35, 20]), el('tp', 'button', 'Status page', [797, 168, 94, 18]));
    expect(unnamedClick({ instruction: 'Go to Status page', perception: status, history: [] }, { type: 'click', at: { x: 713, y: 177 } })?.target.id).toBe('t');
    // An icon the command speaks of, or a command about an icon, is the model's.
    expect(unnamedClick({ ...input, instruction: 'Go forward to the Security page' }, { type: 'click', at: { x: 854, y: 177 } })).toBeUndefined();
    expect(unnamedClick({ ...input, instruction: 'Click the arrow icon next to Security' }, { type: 'click', at: { x: 854, y: 177 } })).toBeUndefined();
    // A nameless icon (a select's arrow) may be the way in.
    const arrow = screen(...crumbs.elements.map((e) => (e.id === 'i1' ? { ...e, text: '' } : e)));
    expect(unnamedClick({ ...input, perception: arrow }, { type: 'click', at: { x: 854, y: 177 } })).toBeUndefined();
  });

  it('types an unquoted value the command starts with, after the click into its field and a select-all', () => {
    const form = screen(el('l', 'text', 'Website:', [238, 435, 78, 19]), el('f', 'text_field', 'https://petrov.example.com', [326, 424, 306, 46]));
    const instruction = 'Put https://walsh.example.com in Website';
    const click = { action: { type: 'click' as const, at: { x: 439, y: 443 } }, changed: true };
    const input = { instruction, perception: form, previous: form, history: [click, { action: { type: 'hotkey' as const, keys: ['ctrl', 'a'] }, changed: true }] };
    expect(pendingValue(input, { type: 'finished' }, [4])?.action).toEqual({ type: 'type', text: 'https://walsh.example.com' });
    expect(pendingValue({ ...input, history: [click] }, { type: 'finished' }, [4])?.action).toEqual({ type: 'type', text: 'https://walsh.example.com' });
    expect(pendingValue({ ...input, instruction: 'Enter Grace as your name, then press OK' }, { type: 'finished' }, [6])?.action).toEqual({ type: 'type', text: 'Grace' });
  });

  it('types the value a command to change a field ends with, and goes from a label to its field', () => {
    const form = screen(el('f', 'text_field', 'First name', [409, 179, 851, 31]));
    const clicked = [{ action: { type: 'click' as const, at: { x: 857, y: 194 } }, changed: true }];
    const input = { instruction: 'Change First name to Ines', perception: form, previous: form, history: clicked };
    expect(pendingValue(input, { type: 'finished' }, [])?.action).toEqual({ type: 'type', text: 'Ines' });
    expect(pendingValue({ ...input, history: [...clicked, { action: { type: 'hotkey', keys: ['ctrl', 'a'] }, changed: true }] }, { type: 'finished' }, [])?.action).toEqual({ type: 'type', text: 'Ines' });
    expect(pendingValue({ ...input, instruction: 'The first name should be Ines Ortega' }, { type: 'finished' }, [])?.action).toEqual({ type: 'type', text: 'Ines Ortega' });
    // Not once typed, nor after a click on no field, nor for a quoted value (untypedAt has those).
    expect(pendingValue({ ...input, history: [...clicked, { action: { type: 'type', text: 'Ines' }, changed: true }] }, { type: 'finished' }, [])).toBeUndefined();
    expect(pendingValue({ ...input, history: [{ action: { type: 'click', at: { x: 5, y: 5 } }, changed: true }] }, { type: 'finished' }, [])).toBeUndefined();
    expect(pendingValue({ ...input, instruction: 'Change First name to "Ines"' }, { type: 'finished' }, [])).toBeUndefined();
    // A label clicked, and a value still to type: its field.
    const labelled = screen(el('l', 'text', 'Username:', [288, 380, 65, 12]), el('u', 'text_field', '', [359, 373, 205, 31]));
    const onLabel = { instruction: 'Put dmitri42 in Username', perception: labelled, previous: labelled, history: [{ action: { type: 'click' as const, at: { x: 321, y: 386 } }, changed: false }] };
    expect(pendingValue(onLabel, { type: 'finished' }, [4])?.action).toEqual({ type: 'click', at: { x: 462, y: 389 } });
  });

  it('clicks the one thing the command names when the model would stop with nothing done', () => {
    const tabs = screen(el('m', 'button', 'Members', [792, 250, 90, 35]), el('s1', 'text', 'Secu', [898, 260, 30, 19]), el('s2', 'text', 'rity', [931, 260, 20, 19]), el('a', 'text', 'Advanced', [1076, 261, 63, 13]));
    const input = { instruction: 'View Security', perception: tabs, history: [{ action: { type: 'hotkey' as const, keys: ['escape'] }, changed: false }] };
    expect(nothingDone(input, { type: 'finished' })?.target.id).toBe('s1');
    // Not once a step changed the screen, nor in place of another step, nor for a name not on screen.
    expect(nothingDone({ ...input, history: [{ action: { type: 'click', at: { x: 900, y: 265 } }, changed: true }] }, { type: 'finished' })).toBeUndefined();
    expect(nothingDone(input, { type: 'hotkey', keys: ['tab'] })).toBeUndefined();
    // A scroll, for a command that needs none, is no way to it either.
    expect(nothingDone(input, { type: 'scroll', direction: 'down', amount: 3 })?.target.id).toBe('s1');
    expect(nothingDone({ ...input, instruction: 'Scroll to Security' }, { type: 'scroll', direction: 'down', amount: 3 })).toBeUndefined();
    expect(nothingDone({ ...input, instruction: 'View Billing' }, { type: 'finished' })).toBeUndefined();
  });

  it('drags from the item the command quotes to the place it names', () => {
    const board = screen(el('w', 'text', 'Writetests', [551, 200, 86, 18]), el('d1', 'text', 'Design', [552, 249, 57, 22]), el('d2', 'text', 'logo', [613, 249, 40, 22]), el('a', 'text', 'Archive', [575, 383, 64, 18]), el('t', 'text', 'Trash', [765, 383, 43, 18]));
    const input = { instruction: 'Drop "Write tests" on the Archive area', perception: board, history: [] };
    expect(dragEnds(input, { type: 'drag', from: { x: 591, y: 258 }, to: { x: 786, y: 393 } })?.action).toEqual({ type: 'drag', from: { x: 594, y: 209 }, to: { x: 607, y: 392 } });
    expect(dragEnds(input, { type: 'drag', from: { x: 594, y: 209 }, to: { x: 600, y: 390 } })).toBeUndefined();
    expect(dragEnds({ ...input, instruction: 'Put Write tests in Archive by dragging it' }, { type: 'drag', from: { x: 591, y: 258 }, to: { x: 786, y: 393 } })).toBeUndefined();
  });

  it('follows a menu path the command spells out, name by name', () => {
    expect(menuPath('Use Actions › Add label')).toEqual(['Actions', 'Add label']);
    expect(menuPath('Open File > Save As, then type "x"')).toEqual(['File', 'Save As']);
    expect(menuPath('Go to Settings → Privacy and turn off Location')).toEqual(['Settings', 'Privacy']);
    expect(menuPath('Choose Edit › Find and Replace…')).toEqual(['Edit', 'Find and Replace']);
    expect(menuPath('Click Save')).toEqual([]);
    expect(menuPath('Run "Undo typing" from the Edit menu')).toEqual(['Edit', 'Undo typing']);
    expect(menuPath('Please open the Page Setup menu and click "Margins"')).toEqual(['Page Setup', 'Margins']);
    expect(menuPath('Open the context menu and click "Copy"')).toEqual([]);
    const bar = screen(el('a', 'text', 'Actions', [955, 334, 55, 17]), el('h', 'text', 'Help', [955, 364, 40, 17]));
    const input = { instruction: 'Use Actions › Add label', perception: bar, history: [] };
    expect(pathStep(input, { type: 'double_click', at: { x: 982, y: 343 } })?.action).toEqual({ type: 'click', at: { x: 983, y: 343 } });
    expect(pathStep(input, { type: 'click', at: { x: 982, y: 343 } })).toBeUndefined();
    const flyout = screen(...bar.elements, el('l1', 'text', 'Add', [1060, 334, 30, 17]), el('l2', 'text', 'label', [1094, 334, 40, 17]));
    const opened = [{ action: { type: 'click' as const, at: { x: 982, y: 343 } }, changed: true, words: ['Actions'] }];
    expect(pathStep({ ...input, perception: flyout, history: opened }, { type: 'type', text: 'Actions › Add label' })?.target.id).toBe('l1');
    expect(pathStep({ ...input, perception: flyout, history: [...opened, { action: { type: 'click', at: { x: 1075, y: 343 } }, changed: true, words: ['Add label'] }] }, { type: 'finished' })).toBeUndefined();
    // Clicked where it is, though read otherwise ("Edlit"): the next name.
    const misread = [{ action: { type: 'click' as const, at: { x: 982, y: 343 } }, changed: true, words: ['Actlons'] }];
    expect(pathStep({ ...input, perception: flyout, history: misread }, { type: 'click', at: { x: 982, y: 343 } })?.target.id).toBe('l1');
  });

  it('opens a name the command renames for editing: F2 once it is selected, else a double click', () => {
    const tree = screen(el('a', 'text', 'Launch', [847, 516, 70, 28]), el('b', 'text', 'plan', [921, 516, 40, 28]), el('c', 'text', 'Budget', [847, 556, 70, 28]));
    const instruction = 'Retitle "Launch plan" as "Launch checklist"';
    const at = [instruction.indexOf('Launch checklist')];
    const selected = [{ action: { type: 'click' as const, at: { x: 887, y: 530 } }, changed: true }];
    expect(openRename({ instruction, perception: tree, history: selected }, { type: 'finished' }, at)?.action).toEqual({ type: 'hotkey', keys: ['f2'] });
    const f2 = [...selected, { action: { type: 'hotkey' as const, keys: ['f2'] }, changed: false }];
    expect(openRename({ instruction, perception: tree, history: f2 }, { type: 'finished' }, at)?.action).toEqual({ type: 'double_click', at: { x: 882, y: 530 } });
    expect(openRename({ instruction, perception: tree, history: [] }, { type: 'call_user' }, at)?.action.type).toBe('double_click');
    // F2 that opened an editor: the new name is typed, and Enter ends the edit.
    expect(pendingValue({ instruction, perception: tree, history: [...selected, { action: { type: 'hotkey', keys: ['f2'] }, changed: true }] }, { type: 'finished' }, at)?.action).toEqual({ type: 'type', text: 'Launch checklist\n' });
    // Not once typed, nor for a command that renames nothing, nor in place of another step.
    expect(openRename({ instruction, perception: tree, history: [...selected, { action: { type: 'type', text: 'Launch checklist' }, changed: true }] }, { type: 'finished' }, at)).toBeUndefined();
    expect(openRename({ instruction: 'Open "Launch plan" then type "Launch checklist"', perception: tree, history: selected }, { type: 'finished' }, at)).toBeUndefined();
    expect(openRename({ instruction, perception: tree, history: selected }, { type: 'click', at: { x: 5, y: 5 } }, at)).toBeUndefined();
  });

  it('chooses the suggestion that reads the whole name once its start is typed', () => {
    const offered = screen(el('f', 'text_field', 'San', [276, 237, 238, 32]), el('d', 'button', 'San Diego', [280, 271, 81, 31]), el('j', 'button', 'San Jose', [363, 271, 73, 31]), el('x', 'button', 'Santa Fe', [385, 304, 72, 31]));
    const typed = [{ action: { type: 'click' as const, at: { x: 395, y: 253 } }, changed: true }, { action: { type: 'type' as const, text: 'San' }, changed: true }];
    const input = { instruction: 'Find and choose San Jose as destination', perception: offered, history: typed };
    expect(pendingSuggestion(input, { type: 'finished' })?.target.id).toBe('j');
    expect(pendingSuggestion(input, { type: 'click', at: { x: 300, y: 280 } })).toBeUndefined();
    // A click on nothing, just past it, is a miss.
    expect(pendingSuggestion(input, { type: 'click', at: { x: 600, y: 330 } })?.target.id).toBe('j');
    expect(pendingSuggestion({ ...input, instruction: 'Find and choose Lima as destination' }, { type: 'finished' })).toBeUndefined();
    // Typed whole, it is still to choose.
    expect(pendingSuggestion({ ...input, history: [typed[0]!, { action: { type: 'type', text: 'San Jose' }, changed: true }] }, { type: 'finished' })?.target.id).toBe('j');
  });

  it('ends an edit in place left open with Enter, for a command to rename', () => {
    const names = screen(el('b', 'text', 'Books', [897, 586, 42, 29]));
    const edited = [{ action: { type: 'double_click' as const, at: { x: 920, y: 595 } }, changed: true }, { action: { type: 'type' as const, text: 'Books to read' }, changed: true }];
    const input = { instruction: 'Change the name Reading list into Books to read by editing it in place', perception: names, history: edited };
    expect(openEdit(input, { type: 'finished' })?.action).toEqual({ type: 'hotkey', keys: ['enter'] });
    expect(openEdit(input, { type: 'click', at: { x: 918, y: 601 } })?.action).toEqual({ type: 'hotkey', keys: ['enter'] });
    // Ended already, keys, or a document where Enter adds a line: left alone.
    expect(openEdit({ ...input, history: [edited[0]!, { action: { type: 'type', text: 'Books to read\n' }, changed: true }] }, { type: 'finished' })).toBeUndefined();
    expect(openEdit(input, { type: 'click', at: { x: 100, y: 100 } })?.action).toEqual({ type: 'hotkey', keys: ['enter'] });
    expect(openEdit(input, { type: 'hotkey', keys: ['tab'] })).toBeUndefined();
    expect(openEdit({ ...input, instruction: 'Double-click the word cat and type dog' }, { type: 'finished' })).toBeUndefined();
  });

  it('scrolls down to the button a long form ends on once every part is done', () => {
    const form = screen(el('f', 'text_field', 'chloe58', [334, 690, 700, 46]));
    const instruction = 'Use these details: username "chloe58"; finish by choosing to click Send';
    const typed = [{ action: { type: 'click' as const, at: { x: 681, y: 712 } }, changed: true }, { action: { type: 'type' as const, text: 'chloe58' }, changed: true }];
    expect(scrollToFinalClick({ instruction, perception: form, history: typed }, { type: 'finished' })?.action).toEqual({ type: 'scroll', at: { x: 681, y: 712 }, direction: 'down', amount: 5 });
    // Not before the values are in, not when it is on screen, not when the page no longer moves.
    expect(scrollToFinalClick({ instruction, perception: form, history: [] }, { type: 'finished' })).toBeUndefined();
    expect(scrollToFinalClick({ instruction, perception: screen(...form.elements, el('s', 'button', 'Send', [344, 760, 80, 30])), history: typed }, { type: 'finished' })).toBeUndefined();
    const stuck = [...typed, ...[1, 2].map(() => ({ action: { type: 'scroll' as const, at: { x: 681, y: 712 }, direction: 'down' as const, amount: 5 }, changed: false }))];
    expect(scrollToFinalClick({ instruction, perception: form, history: stuck }, { type: 'finished' })).toBeUndefined();
  });

  it('clicks the name left in place of the thing already right-clicked', () => {
    const menu = screen(el('t', 'text', 'Taxes', [306, 268, 30, 11]), el('y', 'text', '2024', [340, 268, 26, 11]), el('c', 'text', 'Compress', [358, 283, 58, 13]));
    const opened = [{ action: { type: 'right_click' as const, at: { x: 345, y: 274 } }, changed: true, words: ['Taxes 2024'] }];
    const input = { instruction: 'Right click on "Taxes 2024", then select Compress', perception: menu, history: opened };
    expect(unnamedClick(input, { type: 'click', at: { x: 320, y: 273 } })?.target.id).toBe('c');
    // Before the right click, "Taxes 2024" is the name to act on; after a plain click on a line
    // that holds it ("Extra large" for "Large"), a click on it is still right.
    expect(unnamedClick({ ...input, history: [] }, { type: 'click', at: { x: 320, y: 273 } })).toBeUndefined();
    const options = screen(el('x', 'text', 'Large', [962, 520, 43, 20]), el('s', 'text', 'Size', [896, 457, 37, 19]));
    const opened2 = [{ action: { type: 'click' as const, at: { x: 984, y: 507 } }, changed: true, words: ['Extra large'] }];
    expect(unnamedClick({ instruction: 'I need Large in the Size menu', perception: options, history: opened2 }, { type: 'click', at: { x: 980, y: 530 } })).toBeUndefined();
  });

  it('picks the name the command gives from a list the last click opened', () => {
    const closed = screen(el('f', 'text_field', 'Peach', [380, 338, 706, 30]), el('h', 'text', 'Fruit', [300, 345, 40, 14]));
    const open = screen(...closed.elements, ...['Apple', 'Mango', 'Papaya', 'Peach'].map((t, i) => el(`o${i}`, 'text', t, [394, 370 + 22 * i, 50, 17])));
    const clicked = [{ action: { type: 'click' as const, at: { x: 733, y: 353 } }, changed: true }];
    const input = { instruction: 'Change the fruit to Papaya', perception: open, previous: closed, history: clicked };
    expect(listChoice(input, { type: 'hotkey', keys: ['ctrl', 'a'] })?.target.id).toBe('o2');
    // Typing into the field just clicked picks from its list too; a click on it is right; no
    // list opened, nothing to pick.
    expect(listChoice(input, { type: 'type', text: 'Papaya' })).toBeUndefined();
    expect(listChoice(input, { type: 'click', at: { x: 410, y: 420 } })).toBeUndefined();
    expect(listChoice({ ...input, perception: closed }, { type: 'finished' })).toBeUndefined();
    // Typing into the list a dropdown (no field) opened may pick nothing: the option is clicked.
    const dropdown = screen(el('d', 'dropdown', 'Mango', [956, 368, 198, 26]), el('h', 'text', 'Fruit', [958, 344, 25, 12]));
    const listed = screen(...dropdown.elements, ...['Mango', 'Banana', 'Orange', 'Papaya'].map((t, i) => el(`b${i}`, 'text', t, [968, 430 + 27 * i, 48, 17])));
    const fromDropdown = { instruction: 'Switch the fruit to Banana', perception: listed, previous: dropdown, history: [{ action: { type: 'click' as const, at: { x: 1057, y: 385 } }, changed: true }] };
    expect(listChoice(fromDropdown, { type: 'type', text: 'Banana\n' })?.target.id).toBe('b1');
    // The option holding the longest stretch of the command: "Find and Replace…", not "Find".
    const bar = screen(el('m', 'text', 'Search', [90, 10, 50, 14]));
    const menu = screen(...bar.elements, ...['Find Ctrl+F', 'Find and Replace… Ctrl+R', 'Go to Ctrl+L'].flatMap((t, i) => t.split(' ').map((w, j) => el(`${i}${j}`, 'text', w, [100 + 70 * j, 40 + 30 * i, 60, 14]))));
    const search = { instruction: 'Open Find and Replace from the Search menu', perception: menu, previous: bar, history: [{ action: { type: 'click' as const, at: { x: 117, y: 16 } }, changed: true, words: ['Search'] }] };
    expect(listChoice(search, { type: 'click', at: { x: 122, y: 46 } })?.target.id).toBe('10');
    // A calendar the click opened is paged to the month first: its "18" is not yet the day.
    const field = screen(el('d', 'text', 'YYYY-MM-DD', [281, 196, 82, 11]));
    const calendar = screen(...field.elements, el('m', 'text', 'December', [465, 201, 62, 11]), el('y', 'text', '2026', [531, 201, 27, 11]), ...['17', '18', '19'].map((t, i) => el(`d${t}`, 'text', t, [505 + 30 * i, 296, 12, 11])));
    const picking = { instruction: 'Select February 18 on the calendar', perception: calendar, previous: field, history: [{ action: { type: 'click' as const, at: { x: 342, y: 203 } }, changed: true }] };
    expect(listChoice(picking, { type: 'click', at: { x: 597, y: 208 } })).toBeUndefined();
  });
});
