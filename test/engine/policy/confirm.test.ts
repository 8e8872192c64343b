import { describe, expect, it } from 'vitest';
import type { Perception, UiElement } from '../../../engine/perception/types.ts';
import { confirmPrompt } from '../../../engine/policy/confirm.ts';

const el = (id: string, kind: UiElement['kind'], text: string, box: UiElement['box']): UiElement => ({ id, kind, text, box, confidence: 1 });
const screen = (...elements: UiElement[]): Perception => ({ width: 1280, height: 800, elements, timings: {} });
const page = [el('h', 'text', 'Member', [120, 170, 80, 18]), el('d', 'button', 'Duplicate', [126, 215, 108, 42]), el('r', 'button', 'Remove', [366, 215, 95, 42])];
const drawer = [el('q', 'text', 'Remove this member?', [994, 125, 180, 16]), el('n', 'button', 'Go back', [998, 204, 97, 42]), el('y', 'button', 'Remove', [1112, 204, 94, 42])];
const opened = [{ action: { type: 'click' as const, at: { x: 414, y: 237 } }, changed: true }];

describe('confirming a prompt', () => {
  it('clicks the prompt\'s yes (the command\'s verb, or a yes word) once the first click opened it', () => {
    const input = { instruction: 'Go ahead and remove the member, confirming the prompt', perception: screen(...page, ...drawer), history: opened };
    expect(confirmPrompt(input, { type: 'finished' })?.target.id).toBe('y');
    expect(confirmPrompt(input, { type: 'click', at: { x: 1040, y: 220 } })?.target.id).toBe('y');
    const ok = screen(...page, el('n', 'button', 'Cancel', [998, 204, 97, 42]), el('o', 'text', 'OK', [1140, 215, 20, 14]));
    expect(confirmPrompt({ ...input, perception: ok }, { type: 'finished' })?.target.id).toBe('o');
    // Links read word by word, and the "No" beside them missed by OCR: the yes is evidence enough.
    const links = screen(...page, el('q', 'text', 'Remove this member?', [994, 125, 180, 16]), el('y1', 'text', 'Yes,', [1032, 248, 26, 20]), el('y2', 'text', 'remove', [1063, 248, 50, 20]), el('n', 'toggle', '', [1159, 251, 21, 13]));
    expect(confirmPrompt({ ...input, perception: links }, { type: 'click', at: { x: 1040, y: 175 } })?.target.id).toBe('y1');
    // The verb alone as an underlined link, beside "No": the page's own "Remove" under the banner.
    const banner = screen(el('q1', 'text', 'Remove', [49, 125, 51, 13]), el('q2', 'text', 'this', [104, 125, 24, 13]), el('q3', 'text', 'member?', [132, 125, 58, 13]), el('n', 'text', 'No', [66, 203, 19, 12]), el('r', 'text', 'Remove', [127, 203, 49, 12]));
    expect(confirmPrompt({ ...input, perception: banner, history: [{ action: { type: 'click', at: { x: 519, y: 179 } }, changed: true, words: ['Remove'] }] }, { type: 'finished' })?.target.id).toBe('r');
    // "Keep it" read without its space.
    const keepit = screen(...page, el('q', 'text', 'Reset this password?', [738, 148, 160, 18]), el('k', 'text', 'Keepit', [757, 231, 50, 19]), el('y', 'text', 'Reset', [852, 232, 38, 13]));
    expect(confirmPrompt({ ...input, instruction: 'Go ahead and reset the password, confirming the prompt', perception: keepit, history: [{ action: { type: 'click', at: { x: 299, y: 207 } }, changed: true, words: ['Reset'] }] }, { type: 'finished' })?.target.id).toBe('y');
    // "Keep it" as links, its underlined "it" read as an icon: "Keep" is way out enough.
    const keep = screen(...page, el('q', 'text', 'Delete this photo?', [781, 145, 120, 18]), el('k', 'text', 'Keep', [799, 222, 34, 18]), el('i', 'icon', '', [834, 222, 16, 16]), el('c', 'text', 'Confirm', [888, 223, 52, 13]));
    expect(confirmPrompt({ ...input, instruction: 'Delete the photo (approve the confirmation)', perception: keep }, { type: 'click', at: { x: 842, y: 230 } })?.target.id).toBe('c');
  });

  it('tells the yes from the way out when the command\'s verb is a way out itself ("Cancel the subscription")', () => {
    const opener = [el('c0', 'button', 'Cancel', [575, 235, 72, 34])];
    const history = [{ action: { type: 'click' as const, at: { x: 612, y: 251 } }, changed: true, words: ['Cancel'] }];
    const instruction = 'Cancel the subscription (approve the confirmation)';
    const twin = screen(...opener, el('q', 'text', 'Cancel this subscription?', [130, 195, 180, 16]), el('n', 'button', 'Cancel', [134, 266, 76, 34]), el('y', 'button', 'Cancel', [225, 266, 77, 34]));
    expect(confirmPrompt({ instruction, perception: twin, history }, { type: 'click', at: { x: 177, y: 284 } })?.target.id).toBe('y');
    const keep = screen(...opener, el('n', 'button', 'Keep', [134, 266, 76, 34]), el('y', 'button', 'Cancel', [225, 266, 77, 34]));
    expect(confirmPrompt({ instruction, perception: keep, history }, { type: 'finished' })?.target.id).toBe('y');
    // Alone, new since the click (its "No" unread): it; there before, the page's own.
    const alone = screen(...opener, el('o', 'button', 'Cancel', [575, 335, 72, 34]));
    expect(confirmPrompt({ instruction, perception: alone, previous: screen(...opener), history }, { type: 'finished' })?.target.id).toBe('o');
    expect(confirmPrompt({ instruction, perception: alone, previous: alone, history }, { type: 'finished' })).toBeUndefined();
  });

  it('leaves the model alone before the prompt, after the yes, and when the command does not say to confirm', () => {
    const input = { instruction: 'Remove the member (approve the confirmation)', perception: screen(...page), history: opened };
    expect(confirmPrompt(input, { type: 'finished' })).toBeUndefined();
    const open = { ...input, perception: screen(...page, ...drawer) };
    expect(confirmPrompt({ ...open, history: [] }, { type: 'click', at: { x: 414, y: 237 } })).toBeUndefined();
    expect(confirmPrompt({ ...open, history: [...opened, { action: { type: 'click', at: { x: 1150, y: 220 } }, changed: true }] }, { type: 'finished' })).toBeUndefined();
    expect(confirmPrompt({ ...open, instruction: 'Remove the member' }, { type: 'finished' })).toBeUndefined();
  });
});
