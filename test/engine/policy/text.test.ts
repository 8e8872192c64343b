import { describe, expect, it } from 'vitest';
import { fold, levenshtein, tokenize, wordMatch } from '../../../engine/policy/text.ts';
import { comboOnScreen, keyMentions, KEY_COMBOS, spelledCombos } from '../../../engine/policy/vocabulary.ts';

describe('instruction tokens and word matches', () => {
  it('keeps offsets so copied text is exactly what the person wrote, and marks quoted words', () => {
    const s = 'Type "Hello, World!" into the Name field, don\'t submit';
    const t = tokenize(s);
    const hello = t.find((x) => x.text === 'Hello')!;
    const world = t.find((x) => x.text === 'World')!;
    expect(s.slice(hello.start, world.end)).toBe('Hello, World');
    expect(hello.quoted && world.quoted).toBe(true);
    expect(t.find((x) => x.text === 'Name')!.quoted).toBe(false);
    expect(t.some((x) => x.text === "don't")).toBe(true);
  });

  it('folds case, accents and OCR confusions', () => {
    expect(fold('Sign')).toBe(fold('SIGN'));
    expect(fold('Sign ln')).toBe(fold('sign in'));
    expect(fold('Modern')).toBe(fold('Modem'));
    expect(fold('Café')).toBe('cafe');
    expect(fold('l0g')).toBe('log');
  });

  it('tells exact, folded, fuzzy and prefix matches apart', () => {
    const [a] = tokenize('Settings');
    expect(wordMatch(a!, tokenize('Settings')[0]!)).toEqual([1, 1, 1, 1]);
    expect(wordMatch(a!, tokenize('settings')[0]!)).toEqual([0, 1, 1, 1]);
    expect(wordMatch(a!, tokenize('Setings')[0]!)).toEqual([0, 0, 1, 0]);
    expect(wordMatch(tokenize('Set')[0]!, a!)).toEqual([0, 0, 0, 1]);
    expect(wordMatch(tokenize('Cancel')[0]!, tokenize('Submit')[0]!)).toEqual([0, 0, 0, 0]);
    expect(levenshtein('kitten', 'sitting')).toBe(3);
  });

  it('finds key combos however they are written', () => {
    const on = (s: string) => KEY_COMBOS.filter((_, i) => keyMentions(s)[i]);
    expect(on('press Ctrl+S to save')).toEqual(['ctrl+s']);
    expect(on('hit control-shift-z')).toEqual(['ctrl+shift+z']);
    expect(on('close it with Esc')).toContain('escape');
    expect(on('click Save')).toEqual([]);
    expect(spelledCombos('Trigger Ctrl+Alt+M, then control-shift-k')).toEqual(['ctrl+alt+m', 'ctrl+shift+k']);
    expect(spelledCombos('sign in with Ctrl')).toEqual([]);
  });

  it('reads a combo from a legend on screen only when the whole text is one', () => {
    expect(['Ctrl+Shift+D', 'Ctrl + E', 'F2', 'EsC', 'Cmd+K', 'Alt-F4'].map(comboOnScreen)).toEqual(['ctrl+shift+d', 'ctrl+e', 'f2', 'escape', 'ctrl+k', 'alt+f4']);
    expect(['Save', 'Ctrl', 'ctrl+s save', ''].map(comboOnScreen)).toEqual([undefined, undefined, undefined, undefined]);
  });
});
