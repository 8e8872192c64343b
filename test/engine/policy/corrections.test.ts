import { describe, expect, it } from 'vitest';
import type { Perception, UiElement } from '../../../engine/perception/types.ts';
import { copyField, correct, fieldDrag, namedField, namedWordInside, replacing, wholeValue } from '../../../engine/policy/corrections.ts';

const el = (id: string, kind: UiElement['kind'], text: string, box: UiElement['box']): UiElement => ({ id, kind, text, box, confidence: 1 });
const screen = (...elements: UiElement[]): Perception => ({ width: 1280, height: 800, elements, timings: {} });
const first = el('f', 'text_field', 'Farid', [200, 100, 200, 30]);
const last = el('l', 'text_field', '', [200, 150, 200, 30]);
const form = screen(el('fl', 'text', 'First name:', [100, 108, 90, 14]), first, el('ll', 'text', 'Last name:', [100, 158, 90, 14]), last);
const none = { fieldNaming: new Map<UiElement, number>(), fieldsToFill: [], untypedAt: [], quotedPending: 0 };

describe('corrections to the model\'s step', () => {
  it('clicks the kind of click the command says, on what a rule goes to', () => {
    const chips = screen(el('t', 'text', '#Taxes2024', [560, 223, 104, 18]), el('p', 'text', '#Photos', [680, 223, 70, 18]));
    const input = { instruction: 'Right click on "Taxes 2024", then select Compress', perception: chips, history: [] };
    expect(correct(input, { action: { type: 'scroll', direction: 'down', amount: 5 }, confidence: 0.3 }, none)?.action).toEqual({ type: 'right_click', at: { x: 612, y: 232 } });
  });

  it('clicks into a field where the model would drag from it, for a command that drags nothing', () => {
    const drag = { type: 'drag' as const, from: { x: 300, y: 165 }, to: { x: 150, y: 165 } };
    expect(fieldDrag({ instruction: 'Put Peru in Last name', perception: form, history: [] }, drag)).toEqual({ type: 'click', at: { x: 300, y: 165 } });
    expect(fieldDrag({ instruction: 'Select the text in Last name', perception: form, history: [] }, drag)).toBeUndefined();
    expect(fieldDrag({ instruction: 'Put Call supplier in Team B by dragging it', perception: form, history: [] }, drag)).toBeUndefined();
    expect(fieldDrag({ instruction: 'Put Peru in Last name', perception: form, history: [] }, { ...drag, from: { x: 50, y: 50 } })).toBeUndefined();
  });

  it('clicks the field whose label names it better, for a command about one field', () => {
    const naming = new Map([[first, 1], [last, 2]]);
    const click = { type: 'click' as const, at: { x: 300, y: 115 } };
    expect(namedField({ instruction: 'Put Khan in Last name', perception: form, history: [] }, click, naming)?.target).toBe(last);
    expect(namedField({ instruction: 'Put Khan in Last name', perception: form, history: [] }, { type: 'click', at: { x: 300, y: 165 } }, naming)).toBeUndefined();
    // The field read twice (its focus ring outlined apart): the click is in the field named.
    const ring = el('r', 'text_field', '', [199, 149, 202, 32]);
    expect(namedField({ instruction: 'Put Khan in Last name', perception: screen(ring, ...form.elements), history: [] }, { type: 'click', at: { x: 300, y: 165 } }, new Map([[first, 1], [ring, 0], [last, 2]]))).toBeUndefined();
    // Clicked into the field named already, the model would click away: the value goes in.
    const into = [{ action: { type: 'click' as const, at: { x: 300, y: 165 } }, changed: true }];
    expect(namedField({ instruction: 'Put Khan in Last name', perception: form, history: into }, click, naming)?.action).toEqual({ type: 'type', text: 'Khan' });
    // A form's values go field by field: the model's order stands.
    expect(namedField({ instruction: 'Register with first name "Ada", last name "Khan"', perception: form, history: [] }, click, naming)).toBeUndefined();
    // A copy names its source and its target: the source comes first.
    expect(namedField({ instruction: 'Duplicate the first name into the Last name box', perception: form, history: [] }, click, naming)).toBeUndefined();
    // A click on loose words the command does not say (a field's value read as text): the field named.
    const loose = screen(...form.elements, el('w', 'text', 'https://ivanova.example.com', [200, 250, 220, 16]));
    expect(namedField({ instruction: 'The last name should be Khan', perception: loose, history: [] }, { type: 'click', at: { x: 300, y: 256 } }, naming)?.target).toBe(last);
    expect(namedField({ instruction: 'The last name should be Khan', perception: loose, history: [] }, { type: 'click', at: { x: 130, y: 112 } }, naming)).toBeUndefined();
  });

  it('with no field named, clicks the one field showing a value shaped like the one to type', () => {
    const fields = screen(el('c', 'text_field', 'Norway', [300, 190, 600, 29]), el('p', 'text_field', '36787', [300, 223, 600, 29]), el('e', 'text_field', 'ana@example.org', [300, 256, 600, 29]));
    const none0 = new Map(fields.elements.map((e) => [e, 0]));
    const into = (y: number) => ({ type: 'click' as const, at: { x: 600, y } });
    expect(namedField({ instruction: 'Write "52566" in the postal code box', perception: fields, history: [] }, into(204), none0)?.target?.id).toBe('p');
    expect(namedField({ instruction: 'Write "52566" in the postal code box', perception: fields, history: [] }, into(237), none0)).toBeUndefined();
    expect(namedField({ instruction: 'The email should be sven@example.org', perception: fields, history: [] }, into(204), none0)?.target?.id).toBe('e');
    expect(namedField({ instruction: 'Write "Lima" in the city box', perception: fields, history: [] }, into(204), none0)).toBeUndefined();
    // A phone number, unquoted, at the command's start: its whole shape, not its "555".
    const phones = screen(el('c', 'text_field', 'Country', [300, 190, 600, 29]), el('p', 'text_field', '+1 555 144 5484', [300, 223, 600, 29]), el('w', 'text_field', 'Website', [300, 256, 600, 29]));
    expect(namedField({ instruction: 'Put +1 555 534 4364 in Phone', perception: phones, history: [] }, into(270), new Map(phones.elements.map((e) => [e, 0])))?.target?.id).toBe('p');
    const streets = screen(el('a', 'text_field', '145 Berg Street', [300, 190, 600, 29]), el('p', 'text_field', 'Phone', [300, 223, 600, 29]));
    expect(namedField({ instruction: 'Put 153 Tanaka Street in Street address', perception: streets, history: [] }, into(237), new Map(streets.elements.map((e) => [e, 0])))?.target?.id).toBe('a');
  });

  it('goes to the next empty field of a form the model gives up on', () => {
    const toFill = [{ field: last, value: 'Khan', at: 30 }];
    const input = { instruction: 'Use these details: last name "Khan"', perception: form, history: [] };
    expect(correct(input, { action: { type: 'call_user', reason: 'unsure' }, confidence: 0.1 }, { ...none, fieldsToFill: toFill })?.target).toBe(last);
    expect(correct(input, { action: { type: 'click', at: { x: 5, y: 5 } }, confidence: 0.9 }, { ...none, fieldsToFill: toFill })).toBeUndefined();
  });

  it('copies from the field holding the value before clicking into the target, then pastes into another field', () => {
    const source = el('s', 'text_field', 'T9QZ-HL56', [200, 100, 600, 30]);
    const target = el('t', 'text_field', '', [200, 160, 600, 30]);
    const copyForm = screen(el('sl', 'text', 'Your API key', [200, 80, 90, 14]), source, el('tl', 'text', 'Key', [200, 140, 30, 14]), target);
    const naming = new Map([[source, 3], [target, 2]]);
    const input = { instruction: 'Duplicate the API key into the Key box', perception: copyForm, history: [] };
    const intoTarget = { type: 'click' as const, at: { x: 500, y: 175 } };
    const intoSource = { type: 'click' as const, at: { x: 500, y: 115 } };
    expect(copyField(input, intoTarget, naming)).toMatchObject({ action: { type: 'click', at: { x: 500, y: 115 } }, target: source });
    expect(copyField(input, intoSource, naming)).toBeUndefined();
    // A field with a value the command does not name (a page's header read as one) is not the source.
    const header = el('h', 'text_field', 'Orbit Manager', [0, 20, 1200, 40]);
    const withHeader = { ...input, perception: screen(header, ...copyForm.elements) };
    expect(copyField(withHeader, { type: 'click', at: { x: 600, y: 40 } }, new Map([...naming, [header, 0]]))?.target).toBe(source);
    // Clicked and selected: copied, not clicked again.
    const selected = [{ action: intoSource, changed: true }, { action: { type: 'hotkey' as const, keys: ['ctrl', 'a'] }, changed: true }];
    expect(copyField({ ...input, history: selected }, intoTarget, naming)?.action).toEqual({ type: 'hotkey', keys: ['ctrl', 'c'] });
    const copied = [{ action: intoSource, changed: true }, { action: { type: 'hotkey' as const, keys: ['ctrl', 'a'] }, changed: true }, { action: { type: 'hotkey' as const, keys: ['ctrl', 'c'] }, changed: false }];
    expect(copyField({ ...input, history: copied }, intoSource, naming)?.target).toBe(target);
    expect(copyField({ ...input, history: copied }, intoTarget, naming)).toBeUndefined();
    expect(copyField({ ...input, history: copied }, { type: 'click', at: { x: 1200, y: 700 } }, naming)?.target).toBe(target);
    // The source's label focuses the source: no way to the target either.
    expect(copyField({ ...input, history: copied }, { type: 'click', at: { x: 240, y: 86 } }, naming)?.target).toBe(target);
    expect(copyField({ ...input, history: copied }, { type: 'click', at: { x: 210, y: 146 } }, naming)).toBeUndefined();
    // Finishing with the value copied and not pasted: to the target first, then paste.
    expect(copyField({ ...input, history: copied }, { type: 'finished' }, naming)?.target).toBe(target);
    const clickedTarget = [...copied, { action: intoTarget, changed: true }];
    expect(copyField({ ...input, history: clickedTarget }, { type: 'finished' }, naming)?.action).toEqual({ type: 'hotkey', keys: ['ctrl', 'v'] });
    const pasted = [...clickedTarget, { action: { type: 'hotkey' as const, keys: ['ctrl', 'v'] }, changed: true }];
    expect(copyField({ ...input, history: pasted }, { type: 'finished' }, naming)).toBeUndefined();
    // Not a copy: the model's click stands.
    expect(copyField({ ...input, instruction: 'Type the key into Key' }, intoTarget, naming)).toBeUndefined();
  });

  it('with no field named by a label, takes the one field that does not show another field\'s name', () => {
    const profile = screen(el('c', 'text_field', 'Company', [313, 210, 884, 30]), el('w', 'text_field', 'Walsh', [313, 245, 884, 31]));
    const input = { instruction: 'Write "Silva" in the last name box', perception: profile, history: [] };
    expect(namedField(input, { type: 'click', at: { x: 760, y: 225 } }, new Map())?.target?.id).toBe('w');
    expect(namedField(input, { type: 'click', at: { x: 760, y: 260 } }, new Map())).toBeUndefined();
    // Loose words clicked (a header's "Portal" for "Portugal"), with a value to type.
    const country = screen(el('h', 'text', 'Portal', [111, 120, 44, 14]), el('a', 'text_field', 'Australia', [704, 317, 226, 33]), el('f', 'text_field', 'First name', [704, 358, 226, 33]));
    expect(namedField({ instruction: 'Change Country to Portugal', perception: country, history: [] }, { type: 'click', at: { x: 132, y: 127 } }, new Map())?.target?.id).toBe('a');
    // The field's name on screen as words (the field itself missed): no field is guessed.
    const missed = screen(el('l1', 'text', 'Last', [295, 289, 32, 17]), el('l2', 'text', 'name', [332, 289, 43, 17]), el('j', 'text_field', 'Job title', [284, 331, 806, 40]), el('v', 'text_field', 'Juniper', [284, 381, 806, 39]), el('a', 'text', 'Account', [285, 185, 80, 20]));
    expect(namedField({ instruction: 'Put Ivanova in Last name', perception: missed, history: [] }, { type: 'click', at: { x: 320, y: 194 } }, new Map())).toBeUndefined();
    // Not the field showing another's name, then, but those words.
    expect(namedField({ instruction: 'Put Ivanova in Last name', perception: missed, history: [] }, { type: 'click', at: { x: 687, y: 351 } }, new Map())?.target?.id).toBe('l1');
    // The command says the name a field shows: that is the field, not another field's.
    expect(namedField({ ...input, instruction: 'Write "Globex" in the company box' }, { type: 'click', at: { x: 760, y: 225 } }, new Map())).toBeUndefined();
  });

  it('types a value whole, not its first words, nor how to do it', () => {
    expect(wholeValue('Change Street address to 63 Ivanova Street', { type: 'type', text: '63' })).toEqual({ type: 'type', text: '63 Ivanova Street' });
    expect(wholeValue('Write "Globex Ltd" in the company box', { type: 'type', text: 'Globex\n' })).toEqual({ type: 'type', text: 'Globex Ltd\n' });
    expect(wholeValue('Put 153 Tanaka Street in Street address', { type: 'type', text: '153 Tanaka' })?.text).toBe('153 Tanaka Street');
    expect(wholeValue('Change the name Weekly sync into Monday sync by editing it in place', { type: 'type', text: 'Monday sync by editing' })?.text).toBe('Monday sync');
    // Whole already, or not a value's start (a part of a word is no first word).
    expect(wholeValue('Look up Dana Scott in the assignee box and select the match', { type: 'type', text: 'Scott' })?.text).toBe('Dana Scott');
    expect(wholeValue('Look up Dana Scott in the assignee box and select the match', { type: 'type', text: 'Dana' })).toBeUndefined();
    expect(wholeValue('Change Street address to 63 Ivanova Street', { type: 'type', text: '63 Ivanova Street' })).toBeUndefined();
    expect(wholeValue('Write "Globex Ltd" in the company box', { type: 'type', text: 'Glob' })).toBeUndefined();
    expect(wholeValue('Write "Globex Ltd" in the company box', { type: 'hotkey', keys: ['ctrl', 'a'] })).toBeUndefined();
  });

  it('selects what a field shows before typing another value over it, unless it is the placeholder the command names', () => {
    const clicked = [{ action: { type: 'click' as const, at: { x: 300, y: 115 } }, changed: true }];
    expect(replacing({ instruction: 'Change First name to Ada', perception: form, previous: form, history: clicked }, { type: 'type', text: 'Ada' })).toEqual({ type: 'hotkey', keys: ['ctrl', 'a'] });
    const search = screen(el('s', 'text_field', 'Search', [200, 100, 200, 30]));
    expect(replacing({ instruction: 'Type cats into the search box', perception: search, previous: search, history: clicked }, { type: 'type', text: 'cats' })).toBeUndefined();
    const invite = screen(el('s', 'text_field', 'Start typing..', [200, 100, 200, 30]));
    expect(replacing({ instruction: 'Find and choose Berlin as airport', perception: invite, previous: invite, history: clicked }, { type: 'type', text: 'Berlin' })).toBeUndefined();
    // The very value already there: typed over, not after it ("TaraTara").
    expect(replacing({ instruction: 'Type Farid', perception: form, previous: form, history: clicked }, { type: 'type', text: 'Farid' })).toEqual({ type: 'hotkey', keys: ['ctrl', 'a'] });
    // A value that shares words with the new one is not a placeholder naming the field.
    const email = screen(el('e', 'text_field', 'farid.martin@example.org', [200, 100, 200, 30]));
    expect(replacing({ instruction: 'The email should be sven.walsh@example.org', perception: email, previous: email, history: clicked }, { type: 'type', text: 'sven.walsh@example.org' })).toEqual({ type: 'hotkey', keys: ['ctrl', 'a'] });
    // A click on the field's label focuses it too (its caret before what it shows).
    const labelled = screen(el('lab', 'text', 'Job title:', [100, 108, 90, 14]), el('jf', 'text_field', 'Analyst', [200, 100, 200, 30]));
    expect(replacing({ instruction: 'Change Job title to Editor', perception: labelled, previous: labelled, history: [{ action: { type: 'click', at: { x: 140, y: 114 } }, changed: true }] }, { type: 'type', text: 'Editor' })).toEqual({ type: 'hotkey', keys: ['ctrl', 'a'] });
    // A word of the value to type is no placeholder's name for the field.
    const street = screen(el('a', 'text_field', '145 Berg Street', [200, 100, 200, 30]));
    expect(replacing({ instruction: 'Put 153 Tanaka Street in Street address', perception: street, previous: street, history: clicked }, { type: 'type', text: '153 Tanaka Street' })).toEqual({ type: 'hotkey', keys: ['ctrl', 'a'] });
    const company = screen(el('c', 'text_field', 'Umbrella Ltd', [200, 100, 200, 30]));
    expect(replacing({ instruction: 'Write "Globex Ltd" in the company box', perception: company, previous: company, history: clicked }, { type: 'type', text: 'Globex Ltd' })).toEqual({ type: 'hotkey', keys: ['ctrl', 'a'] });
    // A value still to type, which a rule types in place of the model's finish, goes over it too.
    const tara = screen(el('t', 'text_field', 'Tara', [200, 100, 200, 30]));
    const write = { instruction: 'Write "Tara" in the first name box', perception: tara, previous: tara, history: clicked };
    expect(correct(write, { action: { type: 'finished' }, confidence: 0.9 }, { ...none, untypedAt: [7] })?.action).toEqual({ type: 'hotkey', keys: ['ctrl', 'a'] });
    // The click opened a list (a select read as a field): typing picks from it, nothing to select.
    const list = screen(...form.elements, ...['Low', 'Normal', 'High', 'Urgent'].map((t, i) => el(`o${i}`, 'text', t, [210, 135 + 20 * i, 60, 14])));
    expect(replacing({ instruction: 'Change First name to Ada', perception: list, previous: form, history: clicked }, { type: 'type', text: 'Ada' })).toBeUndefined();
  });

  it('clicks the one word the command names inside a box of several (a segmented control read as one button)', () => {
    const seg = screen(el('b', 'button', 'Teal Pink Green', [300, 300, 300, 40]), ...['Teal', 'Pink', 'Green'].map((t, i) => el(t, 'text', t, [320 + 100 * i, 312, 40, 16])));
    const input = { instruction: 'Color: go with Pink', perception: seg, history: [] };
    expect(namedWordInside(input, { type: 'click', at: { x: 520, y: 320 } })?.target.id).toBe('Pink');
    expect(namedWordInside(input, { type: 'click', at: { x: 440, y: 320 } })).toBeUndefined();
    expect(namedWordInside({ ...input, instruction: 'Choose a color' }, { type: 'click', at: { x: 520, y: 320 } })).toBeUndefined();
    // As OCR reads it: "Smal" for "Small".
    const sizes = screen(el('b', 'button', 'Smal Medium Large', [300, 300, 300, 40]), ...['Smal', 'Medium', 'Large'].map((t, i) => el(t, 'text', t, [320 + 100 * i, 312, 40, 16])));
    expect(namedWordInside({ instruction: 'Size: go with Small', perception: sizes, history: [] }, { type: 'click', at: { x: 440, y: 320 } })?.target.id).toBe('Smal');
  });

  it('makes the first click the kind the command spells out', () => {
    const input = { instruction: 'Right click on "Photos", then select Open', perception: form, history: [] };
    expect(correct(input, { action: { type: 'click', at: { x: 130, y: 112 } }, confidence: 0.9 }, none)?.action.type).toBe('right_click');
    // A click on nothing is not the way in: it stays a click, and the kind is kept for the next.
    expect(correct(input, { action: { type: 'click', at: { x: 5, y: 5 } }, confidence: 0.9 }, none)).toBeUndefined();
    const after = { ...input, history: [{ action: { type: 'right_click' as const, at: { x: 5, y: 5 } }, changed: true }] };
    expect(correct(after, { action: { type: 'click', at: { x: 5, y: 5 } }, confidence: 0.9 }, none)).toBeUndefined();
    const menu = { ...input, instruction: 'Use the context menu on Invoices to pick Add to favourites' };
    expect(correct(menu, { action: { type: 'click', at: { x: 130, y: 112 } }, confidence: 0.9 }, none)?.action.type).toBe('right_click');
    const inPlace = { ...input, instruction: 'Change the name Launch plan into Launch checklist by editing it in place' };
    expect(correct(inPlace, { action: { type: 'click', at: { x: 130, y: 112 } }, confidence: 0.9 }, none)?.action.type).toBe('double_click');
  });
});
