import { describe, expect, it } from 'vitest';
import type { UiElement } from '../../../engine/perception/types.ts';
import { decode, type ModelScores } from '../../../engine/policy/decode.ts';
import { labelledValue, tokenize } from '../../../engine/policy/text.ts';
import { KEY_COMBOS, MODEL_ACTIONS } from '../../../engine/policy/vocabulary.ts';

const els: UiElement[] = [
  { id: 'a', kind: 'button', text: 'Save', box: [100, 100, 80, 30], confidence: 1 },
  { id: 'b', kind: 'button', text: 'Cancel', box: [200, 100, 80, 30], confidence: 1 },
];
const instruction = 'type "hi there" and press Save';
const tokens = tokenize(instruction);

function scores(over: Partial<Record<Exclude<keyof ModelScores, 'enter'>, number[]>> & { enter?: number }): ModelScores {
  const f = (n: number, v?: number[]) => Float32Array.from(v ?? new Array(n).fill(0));
  return {
    type: f(MODEL_ACTIONS.length, over.type), target: f(2, over.target), point: f(4, over.point ?? [0.5, 0.5, 0.5, 0.5]), drop: f(2, over.drop), dropPoint: f(4, [0.5, 0.5, 0.5, 0.5]),
    spanStart: f(tokens.length, over.spanStart), spanEnd: f(tokens.length, over.spanEnd), key: f(KEY_COMBOS.length, over.key), dir: f(4, over.dir), enter: over.enter ?? -5,
  };
}
const onehot = (n: number, i: number, v = 10) => Array.from({ length: n }, (_, k) => (k === i ? v : 0));
const ctx = { instruction, tokens, elements: els, width: 1280, height: 800 };

describe('constrained decoding', () => {
  it('clicks inside the chosen element at the predicted point', () => {
    const d = decode(scores({ type: onehot(8, 0), target: [0, 10], point: [0.5, 0.5, 0.25, 0.5] }), ctx);
    expect(d.action).toEqual({ type: 'click', at: { x: 220, y: 115 } });
    expect(d.target?.text).toBe('Cancel');
    expect(d.confidence).toBeGreaterThan(0.9);
  });

  it('clicks the middle of a switch, a checkbox or a radio button, wherever the model points on it', () => {
    const toggle: UiElement = { id: 't', kind: 'toggle', text: '', box: [220, 238, 43, 24], confidence: 1 };
    const d = decode(scores({ type: onehot(8, 0), target: [0, 10], point: [0.5, 0.5, 0.3, 0.99] }), { ...ctx, elements: [els[0]!, toggle] });
    expect(d.action).toEqual({ type: 'click', at: { x: 242, y: 250 } });
  });

  it('copies the text to type from the instruction, exactly as written', () => {
    const i = tokens.findIndex((t) => t.text === 'hi');
    const d = decode(scores({ type: onehot(8, MODEL_ACTIONS.indexOf('type')), spanStart: onehot(tokens.length, i), spanEnd: onehot(tokens.length, i + 1) }), ctx);
    expect(d.action).toEqual({ type: 'type', text: 'hi there' });
    const typed = (over: Parameters<typeof scores>[0]) => decode(scores({ type: onehot(8, MODEL_ACTIONS.indexOf('type')), ...over }), ctx).action;
    // The Enter head presses Enter after the text.
    expect(typed({ spanStart: onehot(tokens.length, i), spanEnd: onehot(tokens.length, i + 1), enter: 3 })).toEqual({ type: 'type', text: 'hi there\n' });
    // A span across a quote mark is never a value: the best span inside the quotes wins.
    expect(typed({ spanStart: onehot(tokens.length, i), spanEnd: onehot(tokens.length, i + 3, 10).map((v, k) => (k === i + 1 ? 8 : v)) })).toEqual({ type: 'type', text: 'hi there' });
    // A quoted value is typed whole, never a part of it ("there" alone).
    expect(typed({ spanStart: onehot(tokens.length, i + 1, 10).map((v, k) => (k === i ? 8 : v)), spanEnd: onehot(tokens.length, i + 1) })).toEqual({ type: 'type', text: 'hi there' });
  });

  it('types unquoted words up to the next part of the command', () => {
    const command = 'Enter Grace as your name, then press OK';
    const t = tokenize(command);
    const at = (w: string) => t.findIndex((k) => k.text === w);
    const typed = decode(scores({ type: onehot(8, MODEL_ACTIONS.indexOf('type')), spanStart: onehot(t.length, at('Grace')), spanEnd: onehot(t.length, at('OK'), 10).map((v, k) => (k === at('Grace') ? 6 : v)) }), { ...ctx, instruction: command, tokens: t });
    expect(typed.action).toEqual({ type: 'type', text: 'Grace' });
    // A quoted value the command says to type is the only value: no unquoted words around it.
    const over = 'Select all the text with Ctrl+A, type "final" over it and press Ctrl+S';
    const o = tokenize(over);
    const w = (x: string) => o.findIndex((k) => k.text === x);
    const spans = { spanStart: onehot(o.length, w('text'), 10).map((v, k) => (k === w('final') ? 5 : v)), spanEnd: onehot(o.length, w('text'), 10).map((v, k) => (k === w('final') ? 5 : v)) };
    expect(decode(scores({ type: onehot(8, MODEL_ACTIONS.indexOf('type')), ...spans }), { ...ctx, instruction: over, tokens: o }).action).toEqual({ type: 'type', text: 'final' });
  });

  it('holds back a click on what the command names after a value still to type, but never a click into a field', () => {
    const command = 'Enter Grace as your name, then press OK';
    const t = tokenize(command);
    const screen: UiElement[] = [{ id: 'f', kind: 'text_field', text: 'Name', box: [100, 50, 200, 30], confidence: 1 }, { id: 'ok', kind: 'button', text: 'OK', box: [100, 100, 80, 30], confidence: 1 }];
    const c = { ...ctx, instruction: command, tokens: t, elements: screen, untypedAt: [6] };
    expect(decode(scores({ type: onehot(8, 0), target: [4, 10] }), c).target?.id).toBe('f');
    expect(decode(scores({ type: onehot(8, 0), target: [10, 4] }), c).target?.id).toBe('f');
  });

  it('types the value the command gives for the label of the field just clicked', () => {
    const command = 'Register with first name "Elena", last name "Lund Berg", email: "a@b.org" and click Save';
    const t = tokenize(command);
    const value = (field: string[]) => labelledValue(command, t, field);
    expect(value(['', 'Last name'])).toBe('Lund Berg');
    expect(value(['First name'])).toBe('Elena');
    expect(value(['E-mail', 'Email'])).toBe('a@b.org');
    // No label named, a label named twice as well, or a value that is not quoted: the model's own span.
    expect(value(['Phone'])).toBeUndefined();
    expect(value(['Name'])).toBeUndefined();
    // Connectors are read by their letters ("with" folds to "wlth").
    const form = 'Fill First name with "Ada" and Email with "ada@example.org", then click OK';
    expect(labelledValue(form, tokenize(form), ['', 'Email'])).toBe('ada@example.org');
    expect(labelledValue(form, tokenize(form), ['First name'])).toBe('Ada');
    expect(labelledValue('Change Username to boris29', tokenize('Change Username to boris29'), ['Username'])).toBeUndefined();
    // A quoted name holding a label's word is no value for that field.
    const shared = 'Select the option that says "Shared with me"';
    expect(labelledValue(shared, tokenize(shared), ['Shared with me'])).toBeUndefined();
    // The model's span says "Elena", but the field clicked is Last name.
    const elena = t.findIndex((k) => k.text === 'Elena');
    const typed = decode(scores({ type: onehot(8, MODEL_ACTIONS.indexOf('type')), spanStart: onehot(t.length, elena), spanEnd: onehot(t.length, elena) }), { ...ctx, instruction: command, tokens: t, fieldWords: ['Last name'] });
    expect(typed.action).toEqual({ type: 'type', text: 'Lund Berg' });
  });

  it('does not click what the command names last while a value before it is still to type', () => {
    const command = 'Type "Ada Lovelace" into the name field and click OK';
    const t = tokenize(command);
    const dialog: UiElement[] = [
      { id: 'f', kind: 'text_field', text: '', box: [100, 100, 200, 30], confidence: 0.6 },
      { id: 'o', kind: 'button', text: 'OK', box: [220, 150, 80, 30], confidence: 0.8 },
    ];
    const s = scores({ type: onehot(8, 0), target: [4, 6], spanStart: new Array(t.length).fill(0), spanEnd: new Array(t.length).fill(0) });
    const at = command.indexOf('Ada');
    const d = decode(s, { ...ctx, instruction: command, tokens: t, elements: dialog, untypedAt: [at] });
    expect(d.target?.id).toBe('f');
    // Once the value is typed, OK is next.
    expect(decode(s, { ...ctx, instruction: command, tokens: t, elements: dialog, untypedAt: [] }).target?.id).toBe('o');
  });

  it('does not click a field again that already shows its value', () => {
    const form: UiElement[] = [
      { id: 'n', kind: 'text_field', text: 'Sparky', box: [100, 100, 200, 30], confidence: 0.6 },
      { id: 's', kind: 'text_field', text: '', box: [100, 150, 200, 30], confidence: 0.6 },
    ];
    const s = scores({ type: onehot(8, 0), target: [6, 4] });
    expect(decode(s, { ...ctx, elements: form, filledFields: new Set([form[0]!]) }).target?.id).toBe('s');
    expect(decode(s, { ...ctx, elements: form }).target?.id).toBe('n');
  });

  it('does not click into the browser\'s address bar for a command about the page', () => {
    const page: UiElement[] = [
      { id: 'a', kind: 'dropdown', text: 'about: blank', box: [150, 50, 1000, 36], confidence: 0.7 },
      { id: 'p', kind: 'button', text: 'Pink', box: [300, 300, 80, 30], confidence: 0.8 },
    ];
    const s = scores({ type: onehot(8, 0), target: [6, 4] });
    expect(decode(s, { ...ctx, instruction: 'Color: go with Pink', elements: page }).target?.id).toBe('p');
    expect(decode(s, { ...ctx, instruction: 'Go to example.org in the address bar', elements: page }).target?.id).toBe('a');
    const site = [{ ...page[0]!, text: 'localhost:8080/form.html' }, page[1]!];
    expect(decode(s, { ...ctx, instruction: 'Color: go with Pink', elements: site }).target?.id).toBe('p');
    // A page's own field showing a web address, lower down, is the model's to click.
    const domain = [{ ...page[0]!, text: 'example.com', box: [300, 400, 600, 30] as UiElement['box'] }, page[1]!];
    expect(decode(s, { ...ctx, instruction: 'Put acme.io in Domain', elements: domain }).target?.id).toBe('a');
    // Nor on the browser's other controls above it (its "+" for a new tab), read as words or not.
    const chrome: UiElement[] = [
      { id: 't', kind: 'icon', text: 'plus add new', box: [290, 13, 14, 14], confidence: 0.7 },
      { id: 'w1', kind: 'text', text: 'about:', box: [169, 88, 43, 13], confidence: 0.9 },
      { id: 'w2', kind: 'text', text: 'blank', box: [215, 88, 38, 13], confidence: 0.9 },
      { id: 'i', kind: 'icon', text: 'plus add new', box: [1090, 289, 47, 47], confidence: 0.7 },
    ];
    const two = scores({ type: onehot(8, 0), target: [6, 0, 0, 4], point: new Array(8).fill(0.5) });
    expect(decode(two, { ...ctx, instruction: 'Use the plus icon to add a new item', elements: chrome }).target?.id).toBe('i');
  });

  it('types over a selection rather than leaving it for another field', () => {
    const fields: UiElement[] = [
      { id: 'n', kind: 'text_field', text: 'Comet', box: [189, 214, 770, 33], confidence: 0.8 },
      { id: 'p', kind: 'text_field', text: 'Phone', box: [189, 252, 770, 33], confidence: 0.8 },
    ];
    const command = 'Change Nickname to Sparky';
    const t = tokenize(command);
    const sparky = t.findIndex((k) => k.text === 'Sparky');
    const s = scores({ type: MODEL_ACTIONS.map((a) => (a === 'click' ? 3 : a === 'type' ? 2 : 0)), target: [0, 6], spanStart: onehot(t.length, sparky), spanEnd: onehot(t.length, sparky) });
    const c = { ...ctx, instruction: command, tokens: t, elements: fields };
    expect(decode(s, c).target?.id).toBe('p');
    expect(decode(s, { ...c, lastWasSelectAll: true }).action).toEqual({ type: 'type', text: 'Sparky' });
    // Nor copied, unless the command copies.
    const copy = scores({ type: MODEL_ACTIONS.map((a) => (a === 'hotkey' ? 3 : a === 'type' ? 2 : 0)), key: onehot(KEY_COMBOS.length, KEY_COMBOS.indexOf('ctrl+c')), spanStart: onehot(t.length, sparky), spanEnd: onehot(t.length, sparky) });
    expect(decode(copy, { ...c, lastWasSelectAll: true }).action).toEqual({ type: 'type', text: 'Sparky' });
    expect(decode(copy, { ...c, lastWasSelectAll: true, copying: true }).action).toEqual({ type: 'hotkey', keys: ['ctrl', 'c'] });
  });

  it('never clicks when there is nothing to click', () => {
    const d = decode(scores({ type: onehot(8, 0, 10), key: onehot(KEY_COMBOS.length, 0) }), { ...ctx, elements: [] });
    expect(d.action.type).not.toBe('click');
  });

  it('asks the user when the best action is a weak guess', () => {
    const d = decode(scores({}), { ...ctx, minConfidence: 0.5 });
    expect(d.action.type).toBe('call_user');
    expect((d.action as { reason: string }).reason).toMatch(/not sure/);
  });

  it('does not finish while a quoted name on screen is still to do: the best next step instead, or the user', () => {
    const type = MODEL_ACTIONS.map((a) => (a === 'finished' ? 6 : a === 'click' ? 2 : 0));
    const sure = scores({ type, target: [0, 4] });
    expect(decode(sure, ctx).action.type).toBe('finished');
    expect(decode(sure, { ...ctx, quotedPending: 1 })).toMatchObject({ action: { type: 'click', at: { x: 240, y: 115 } }, target: els[1] });
    // Nothing else is likely: asking beats declaring a task done that is not.
    const onlyFinish = scores({ type: MODEL_ACTIONS.map((a) => (a === 'finished' ? 6 : 0)) });
    const tick = 'tick "hi there" and press Save';
    expect(decode(onlyFinish, { ...ctx, instruction: tick, tokens: tokenize(tick), quotedPending: 2 }).action).toMatchObject({ type: 'call_user', reason: expect.stringContaining('2 things in quotes') });
  });

  it('presses the keys the command spells out when it is unsure, once', () => {
    const keyed = { ...ctx, instruction: 'Trigger Ctrl+Alt+M', tokens: tokenize('Trigger Ctrl+Alt+M'), minConfidence: 0.5 };
    expect(decode(scores({}), keyed)).toMatchObject({ action: { type: 'hotkey', keys: ['ctrl', 'alt', 'm'] } });
    expect(decode(scores({}), { ...keyed, pressed: ['ctrl+alt+m'] }).action.type).toBe('call_user');
    expect(decode(scores({}), { ...keyed, banned: [{ type: 'hotkey', keys: ['ctrl', 'alt', 'm'] }] }).action.type).toBe('call_user');
  });

  it('double-clicks a file the command says to open, and clicks anything else', () => {
    const files: UiElement[] = [{ id: 'f', kind: 'text', text: 'budget.xlsx', box: [100, 100, 80, 20], confidence: 1 }, { id: 't', kind: 'text', text: 'Settings', box: [200, 100, 80, 20], confidence: 1 }];
    const open = (instruction: string, target: number[]) => decode(scores({ type: onehot(8, 0), target }), { ...ctx, instruction, tokens: tokenize(instruction), elements: files }).action.type;
    expect(open('Open the file budget.xlsx', [10, 0])).toBe('double_click');
    expect(open('Launch budget.xlsx', [10, 0])).toBe('double_click');
    expect(open('Select budget.xlsx', [10, 0])).toBe('click');
    expect(open('Open the Settings tab', [0, 10])).toBe('click');
  });

  it('skips an action the loop banned and takes the next best', () => {
    const s = scores({ type: onehot(8, 0), target: [10, 8] });
    const first = decode(s, ctx).action;
    const second = decode(s, { ...ctx, banned: [first] }).action;
    expect(first).toMatchObject({ type: 'click', at: { x: 140 } });
    expect(second).toMatchObject({ type: 'click', at: { x: 240 } });
  });

  it('emits hotkeys as key lists', () => {
    const d = decode(scores({ type: onehot(8, MODEL_ACTIONS.indexOf('hotkey')), key: onehot(KEY_COMBOS.length, KEY_COMBOS.indexOf('ctrl+shift+z')) }), ctx);
    expect(d.action).toEqual({ type: 'hotkey', keys: ['ctrl', 'shift', 'z'] });
  });

  it('presses a combo the instruction spells out even when the hotkey head does not know it', () => {
    const spelled = { ...ctx, instruction: 'Trigger Ctrl+Alt+M', tokens: tokenize('Trigger Ctrl+Alt+M') };
    const d = decode(scores({ type: onehot(8, MODEL_ACTIONS.indexOf('hotkey')), key: onehot(KEY_COMBOS.length, 0), spanStart: [0, 0, 0, 0, 0, 0], spanEnd: [0, 0, 0, 0, 0, 0] }), spelled);
    expect(d.action).toEqual({ type: 'hotkey', keys: ['ctrl', 'alt', 'm'] });
  });

  it('presses the combo a shortcut legend shows where the pointer reads', () => {
    const legend: UiElement[] = [
      { id: 'k', kind: 'text', text: 'Ctrl+Shift+P', box: [100, 100, 90, 20], confidence: 1 },
      { id: 'a', kind: 'text', text: 'open the command palette', box: [200, 100, 180, 20], confidence: 1 },
    ];
    const command = 'Use the shortcut to open the command palette';
    const onScreen = { ...ctx, instruction: command, tokens: tokenize(command), elements: legend };
    const hotkey = onehot(8, MODEL_ACTIONS.indexOf('hotkey'));
    const d = decode(scores({ type: hotkey, target: [10, 0], key: onehot(KEY_COMBOS.length, KEY_COMBOS.indexOf('ctrl+p')) }), onScreen);
    expect(d.action).toEqual({ type: 'hotkey', keys: ['ctrl', 'shift', 'p'] });
    // Pointing at words that are no combo leaves the choice to the hotkey head.
    const e = decode(scores({ type: hotkey, target: [0, 10], key: onehot(KEY_COMBOS.length, KEY_COMBOS.indexOf('ctrl+p')) }), onScreen);
    expect(e.action).toEqual({ type: 'hotkey', keys: ['ctrl', 'p'] });
  });
});
