import { describe, expect, it } from 'vitest';
import type { Perception } from '../../../engine/perception/types.ts';
import { rememberStep } from '../../../engine/policy/elementMemory.ts';
import { ELEMENT_FEATURES, extractFeatures, GLOBAL_FEATURES, MATCH_CHANNELS, TOKEN_FEATURES } from '../../../engine/policy/features.ts';
import { ELEMENT_KINDS } from '../../../engine/perception/types.ts';
import { fold } from '../../../engine/policy/text.ts';
import { makeVocabulary, NUMBER, UNKNOWN } from '../../../engine/policy/vocabularyFile.ts';
import { WORD_DIMS } from '../../../engine/policy/wordVectors.ts';
import { dataVocabulary } from '../../../models/action/writeManifest.ts';
import { ACTION_CUES } from '../../../engine/policy/vocabulary.ts';

const screen: Perception = {
  width: 1000,
  height: 500,
  timings: {},
  elements: [
    { id: 'l', kind: 'text', text: 'Email', box: [100, 100, 60, 20], confidence: 0.9 },
    { id: 'f', kind: 'text_field', text: '', box: [200, 96, 200, 28], confidence: 0.8 },
    { id: 'b', kind: 'button', text: 'Sign ln', box: [200, 200, 90, 30], confidence: 0.9 },
    { id: 'c', kind: 'checkbox', text: '', box: [100, 300, 16, 16], confidence: 0.7, state: { checked: true } },
  ],
};
const vocab = makeVocabulary(['type', 'into', 'email', 'then', 'sign', 'in'].map(fold));
const instruction = 'Type "bob" into Email then Sign in 2';
const at = (f: Float32Array, e: number, t: number, c: number, T: number) => f[(e * T + t) * MATCH_CHANNELS + c]!;

describe('feature extraction', () => {
  const f = extractFeatures(vocab, instruction, screen, []);
  const T = f.tokens.length;
  const tok = (w: string) => f.tokens.findIndex((t) => t.text === w);

  it('has the documented shapes', () => {
    expect(f.tokenIds.length).toBe(T);
    expect(f.tokenFeatures.length).toBe(T * TOKEN_FEATURES);
    expect(f.elementFeatures.length).toBe(4 * ELEMENT_FEATURES);
    expect(f.match.length).toBe(4 * T * MATCH_CHANNELS);
    expect(f.globalFeatures.length).toBe(GLOBAL_FEATURES);
  });

  it('maps words to ids, numbers to one id and unseen words to unknown', () => {
    expect(Number(f.tokenIds[tok('Email')])).toBeGreaterThan(NUMBER);
    expect(Number(f.tokenIds[tok('2')])).toBe(NUMBER);
    expect(Number(f.tokenIds[tok('bob')])).toBe(UNKNOWN);
  });

  it('matches an element\'s own words, through OCR damage', () => {
    // "Sign ln" (OCR for "Sign in") still matches "in" once folded.
    expect(at(f.match, 2, tok('in'), 1, T)).toBe(1);
    expect(at(f.match, 2, tok('Sign'), 0, T)).toBe(1);
    expect(at(f.match, 2, tok('Email'), 1, T)).toBe(0);
  });

  it('gives an unlabelled field the match of the label on its left', () => {
    // channels 6..11: the left neighbour's [exact, folded, fuzzy, prefix, less, greater]
    expect(at(f.match, 1, tok('Email'), 6, T)).toBe(1);
    expect(at(f.match, 1, tok('Email'), 0, T)).toBe(0);
  });

  it('encodes kind and checked state', () => {
    const row = (e: number) => f.elementFeatures.slice(e * ELEMENT_FEATURES, (e + 1) * ELEMENT_FEATURES);
    expect(row(3)[ELEMENT_KINDS.indexOf('checkbox')]).toBe(1);
    expect(row(3)[ELEMENT_KINDS.length + 7]).toBe(1);
  });

  it('remembers what the agent did to each element', () => {
    const g = extractFeatures(vocab, instruction, screen, [{ action: { type: 'click', at: { x: 250, y: 110 } }, changed: true }, { action: { type: 'type', text: 'bob' }, changed: true }], screen);
    const mem = (e: number) => Array.from(g.elementFeatures.slice(e * ELEMENT_FEATURES + ELEMENT_FEATURES - 10, e * ELEMENT_FEATURES + ELEMENT_FEATURES - 3));
    // Clicked once (of at most 3), not in the last step, typed into.
    expect(mem(1)[0]).toBeCloseTo(1 / 3);
    expect(mem(1).slice(1, 3)).toEqual([0, 1]);
    expect(mem(2).slice(0, 3)).toEqual([0, 0, 0]);
    // "bob" was typed already: the token says so.
    expect(g.tokenFeatures[tok('bob') * TOKEN_FEATURES + 6]).toBe(1);
  });

  it('compares the quantities on screen with the command\'s: numbers with numbers, months with months', () => {
    const cal: Perception = { ...screen, elements: [
      { id: 'm', kind: 'text', text: 'September 2027', box: [100, 100, 150, 20], confidence: 0.9 },
      { id: 's', kind: 'slider', text: '', box: [100, 200, 300, 20], confidence: 0.6 },
      { id: 'v', kind: 'text', text: '30', box: [410, 200, 20, 20], confidence: 0.9 },
    ] };
    const g = extractFeatures(vocab, 'Pick October 15, 2027 and set it to 20', cal, []);
    const U = g.tokens.length;
    const w = (x: string) => g.tokens.findIndex((t) => t.text === x);
    // self channels 4 (shows less) and 5 (shows more)
    expect([at(g.match, 0, w('October'), 4, U), at(g.match, 0, w('October'), 5, U)]).toEqual([1, 0]);
    expect([at(g.match, 0, w('2027'), 4, U), at(g.match, 0, w('2027'), 5, U)]).toEqual([0, 0]);
    // the slider reads 30 on its right (channels 12..17): more than the 20 asked for
    expect([at(g.match, 1, w('20'), 16, U), at(g.match, 1, w('20'), 17, U)]).toEqual([0, 1]);
    // An ISO date's middle number is a month: 2027-08-15 is before the September shown.
    const iso = extractFeatures(vocab, 'The due date should be 2027-08-15', cal, []);
    const month = iso.tokens.findIndex((t) => t.text === '08');
    expect([at(iso.match, 0, month, 4, iso.tokens.length), at(iso.match, 0, month, 5, iso.tokens.length)]).toEqual([0, 1]);
  });

  it('marks the fields the command gives a value for by their label, and which of them are filled', () => {
    const form: Perception = { ...screen, elements: [
      { id: 'f1', kind: 'text', text: 'First', box: [100, 100, 40, 16], confidence: 0.9 },
      { id: 'f2', kind: 'text', text: 'name', box: [144, 100, 40, 16], confidence: 0.9 },
      { id: 'F', kind: 'text_field', text: '', box: [100, 120, 200, 30], confidence: 0.6 },
      { id: 'l1', kind: 'text', text: 'Last', box: [100, 170, 40, 16], confidence: 0.9 },
      { id: 'l2', kind: 'text', text: 'name', box: [144, 170, 40, 16], confidence: 0.9 },
      { id: 'L', kind: 'text_field', text: '', box: [100, 190, 200, 30], confidence: 0.6 },
      { id: 'P', kind: 'text_field', text: '', box: [100, 260, 200, 30], confidence: 0.6 },
    ] };
    const command = 'Fill in last name "Lovelace" and first name "Ada"';
    const value = (f: ReturnType<typeof extractFeatures>, id: string) => {
      const e = f.elements.findIndex((el) => el.id === id);
      return Array.from(f.elementFeatures.slice((e + 1) * ELEMENT_FEATURES - 2, (e + 1) * ELEMENT_FEATURES));
    };
    const before = extractFeatures(vocab, command, form, []);
    expect([value(before, 'F'), value(before, 'L'), value(before, 'P')]).toEqual([[1, 0], [1, 0], [0, 0]]);
    const after = extractFeatures(vocab, command, form, [{ action: { type: 'click', at: { x: 200, y: 135 } }, changed: true }, { action: { type: 'type', text: 'Ada' }, changed: true }], form);
    expect([value(after, 'F'), value(after, 'L')]).toEqual([[0, 1], [1, 0]]);
    // Quoted values still to type: both, then only the one not typed.
    expect(before.untypedAt).toEqual([command.indexOf('Lovelace'), command.indexOf('Ada')]);
    expect(after.untypedAt).toEqual([command.indexOf('Lovelace')]);
    // A name in quotes that is not on screen yet is not a value to type unless the command says to type.
    expect(extractFeatures(vocab, 'Run "Open recent" from the File menu', form, []).untypedAt).toEqual([]);
    // Words on screen one element each still count as shown.
    expect(extractFeatures(vocab, 'Type "Ada" and tick "Last name"', form, []).untypedAt).toEqual([6]);
    // Unquoted words a command starts by saying to type, until something is typed.
    expect(extractFeatures(vocab, 'Enter Grace as your name, then press OK', form, []).untypedAt).toEqual([6]);
    expect(extractFeatures(vocab, 'Enter Grace as your name, then press OK', form, [{ action: { type: 'type', text: 'Grace' }, changed: true }]).untypedAt).toEqual([]);
    expect(extractFeatures(vocab, 'Put https://walsh.example.com in Website', form, []).untypedAt).toEqual([4]);
    expect(extractFeatures(vocab, 'Put Call supplier in Later by dragging it', form, []).untypedAt).toEqual([]);
    expect(extractFeatures(vocab, 'Put the same API key in Key using copy and paste', form, []).untypedAt).toEqual([]);
    expect(extractFeatures(vocab, 'Put a tick in Newsletter', form, []).untypedAt).toEqual([]);
  });

  it('reads the field just clicked by its label on the left, not by the row above\'s', () => {
    const rows: Perception = { ...screen, elements: [
      { id: 'l1', kind: 'text', text: 'First', box: [40, 110, 36, 14], confidence: 0.9 },
      { id: 'l2', kind: 'text', text: 'name', box: [80, 110, 36, 14], confidence: 0.9 },
      { id: 'F', kind: 'text_field', text: '', box: [120, 100, 170, 36], confidence: 0.6 },
      { id: 'l3', kind: 'text', text: 'Email', box: [20, 150, 40, 14], confidence: 0.9 },
      { id: 'E', kind: 'text_field', text: '', box: [120, 140, 170, 36], confidence: 0.6 },
    ] };
    // The step remembers both (a web page's label may sit above its field).
    const clicked = [rememberStep({ type: 'click', at: { x: 200, y: 158 } }, true, rows, [])];
    expect(clicked[0]!.words).toEqual(['', 'Email', 'First name']);
    expect(extractFeatures(vocab, 'Fill First name with "Ada" and Email with "a@b.org"', rows, clicked, rows).fieldWords).toEqual(['', 'Email']);
    // A sentence on its left (a sidebar's tip across the page) is no label: the one above it is.
    const cards: Perception = { ...screen, elements: [
      { id: 'tip', kind: 'text', text: 'Tip: details appear on the right.', box: [355, 332, 233, 16], confidence: 0.9 },
      { id: 'u', kind: 'text', text: 'Username', box: [647, 295, 80, 16], confidence: 0.9 },
      { id: 'U', kind: 'text_field', text: '', box: [646, 319, 553, 40], confidence: 0.6 },
    ] };
    const intoUser = [rememberStep({ type: 'click', at: { x: 925, y: 338 } }, true, cards, [])];
    expect(extractFeatures(vocab, 'Register with department "Finance", username "jonas54"', cards, intoUser, cards).fieldWords).toEqual(['', 'Username']);
  });

  it('marks the command\'s words the agent already acted on, and counts the names still pending', () => {
    const boxes: Perception = { ...screen, elements: [
      { id: 'a', kind: 'checkbox', text: '', box: [100, 102, 16, 16], confidence: 0.9 },
      { id: 'A', kind: 'text', text: 'Apples', box: [122, 100, 60, 20], confidence: 0.9 },
      { id: 'p', kind: 'checkbox', text: '', box: [100, 142, 16, 16], confidence: 0.9 },
      { id: 'P', kind: 'text', text: 'Pears', box: [122, 140, 50, 20], confidence: 0.9 },
    ] };
    const command = 'Tick Apples and Pears';
    const before = extractFeatures(vocab, command, boxes, []);
    const history = [rememberStep({ type: 'click', at: { x: 110, y: 110 } }, true, boxes, [])];
    // The box has no text: its label beside it names it.
    expect(history[0]!.words).toEqual(['', 'Apples']);
    const after = extractFeatures(vocab, command, boxes, history, boxes);
    const acted = (g: typeof after, x: string) => g.tokenFeatures[g.tokens.findIndex((t) => t.text === x) * TOKEN_FEATURES + 11];
    expect([acted(after, 'Apples'), acted(after, 'Pears')]).toEqual([1, 0]);
    // global features 0 and 1: pending names (of 4) and whether any are pending
    expect([before.globalFeatures[0], after.globalFeatures[0]]).toEqual([0.5, 0.25]);
    const done = extractFeatures(vocab, command, boxes, [...history, rememberStep({ type: 'click', at: { x: 110, y: 150 } }, true, boxes, history)], boxes);
    expect(Array.from(done.globalFeatures.slice(0, 2))).toEqual([0, 0]);
  });

  it('gives each instruction word its pretrained vector, also words training never saw', () => {
    const g = extractFeatures(dataVocabulary(), 'Tap the symbol zqxv', screen, []);
    const norm = (i: number) => Math.hypot(...g.tokenVectors.slice(i * WORD_DIMS, (i + 1) * WORD_DIMS));
    expect(g.wordKeys).toEqual(['tap', 'the', 'symbol', 'zqxv']);
    expect(norm(0)).toBeCloseTo(1, 1);
    expect(norm(2)).toBeCloseTo(1, 1);
    expect(norm(3)).toBe(0);
  });

  it('remembers the whole line a click went to, though perception reads one element per word', () => {
    const rows: Perception = { ...screen, elements: [
      { id: 'b', kind: 'checkbox', text: '', box: [100, 102, 16, 16], confidence: 0.9 },
      { id: 'o', kind: 'text', text: 'Offline', box: [122, 100, 56, 20], confidence: 0.9 },
      { id: 'm', kind: 'text', text: 'mode', box: [184, 100, 40, 20], confidence: 0.9 },
      { id: 'far', kind: 'text', text: 'Help', box: [600, 100, 40, 20], confidence: 0.9 },
      { id: 'f', kind: 'text', text: 'Floor', box: [100, 200, 40, 20], confidence: 0.9 },
      { id: 'p', kind: 'text', text: 'plan.pdf', box: [146, 200, 60, 20], confidence: 0.9 },
    ] };
    expect(rememberStep({ type: 'click', at: { x: 108, y: 110 } }, true, rows, []).words).toEqual(['', 'Offline mode']);
    // A click far right on a wide list row still went to the row's words.
    expect(rememberStep({ type: 'click', at: { x: 560, y: 210 } }, true, rows, []).words).toEqual(['Floor plan.pdf']);
    // A chip (a button with its own words) is only itself, not the chip beside it or the heading above.
    const chips: Perception = { ...screen, elements: [
      { id: 'h', kind: 'text', text: 'Features', box: [100, 60, 80, 20], confidence: 0.9 },
      { id: 'w', kind: 'button', text: 'Weekly digest', box: [100, 100, 120, 30], confidence: 0.8 },
      { id: 't', kind: 'button', text: 'Two-factor login', box: [240, 100, 140, 30], confidence: 0.8 },
    ] };
    expect(rememberStep({ type: 'click', at: { x: 300, y: 115 } }, true, chips, []).words).toEqual(['Two-factor login']);
  });

  it('counts as pending only the names the command gives: quoted, or capitalised after the first word', () => {
    const page: Perception = { ...screen, elements: [
      { id: 's', kind: 'text', text: 'Select', box: [100, 50, 60, 20], confidence: 0.9 },
      { id: 'w', kind: 'text', text: 'Weekly', box: [100, 100, 60, 20], confidence: 0.9 },
    ] };
    const g = extractFeatures(vocab, 'Select "Weekly" please', page, []);
    expect(Array.from(g.globalFeatures.slice(0, 2))).toEqual([0.25, 1]);
    const quoted = GLOBAL_FEATURES - ACTION_CUES.length - 2;
    expect(Array.from(g.globalFeatures.slice(quoted, quoted + 2))).toEqual([0.25, 1]);
    // A capitalised name is pending, but only a quoted one counts as quoted.
    const bare = extractFeatures(vocab, 'Select Weekly please', page, []);
    expect(Array.from(bare.globalFeatures.slice(0, 2))).toEqual([0.25, 1]);
    expect(Array.from(bare.globalFeatures.slice(quoted, quoted + 2))).toEqual([0, 0]);
  });

  it('flags the kind of action the command names, however it is spelled', () => {
    const cues = (s: string) => ACTION_CUES.filter((_, i) => extractFeatures(vocab, s, screen, []).globalFeatures[GLOBAL_FEATURES - ACTION_CUES.length + i]).map(([k]) => k);
    expect(cues('Right click on "Music", then select Rename')).toEqual(['right_click']);
    expect(cues('Use the context menu on Photos to pick Duplicate')).toEqual(['right_click']);
    expect(cues('Open report.pdf with a double-click')).toEqual(['double_click']);
    expect(cues('Drop "Write tests" on the Done area')).toEqual(['drag']);
    expect(cues('Pick Red from the Color drop-down')).toEqual([]);
    expect(cues('Scroll down and fill in the email')).toEqual(['scroll', 'type']);
  });

  it('says when the last click went into a field that already shows text', () => {
    const filled: Perception = { ...screen, elements: [{ id: 'f', kind: 'text_field', text: 'Analyst', box: [200, 96, 200, 28], confidence: 0.8 }] };
    const click = { action: { type: 'click' as const, at: { x: 300, y: 110 } }, changed: true };
    expect(extractFeatures(vocab, 'Change it to Editor', filled, [click], filled).globalFeatures[3]).toBe(1);
    const empty: Perception = { ...filled, elements: [{ ...filled.elements[0]!, text: '' }] };
    expect(extractFeatures(vocab, 'Change it to Editor', empty, [click], empty).globalFeatures[3]).toBe(0);
  });

  it('keeps a quoted name pending after a click on a word one letter off it ("Teal" is not "team")', () => {
    const list: Perception = { width: 1000, height: 500, timings: {}, elements: [
      { id: 't', kind: 'text', text: 'Managed by your team.', box: [10, 100, 160, 20], confidence: 0.9 },
      { id: 'd', kind: 'dropdown', text: 'Red', box: [200, 96, 300, 30], confidence: 0.8 },
      { id: 'o', kind: 'text', text: 'Teal', box: [210, 140, 40, 18], confidence: 0.9 },
    ] };
    const clicked = [rememberStep({ type: 'click', at: { x: 350, y: 110 } }, true, list, [])];
    expect(clicked[0]!.words).toContain('Managed by your team.');
    expect(extractFeatures(vocab, 'Pick "Teal" for color', list, clicked).quotedPending).toBe(1);
  });
});
