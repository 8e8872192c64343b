import { describe, expect, it } from 'vitest';
import type { UiElement } from '../../../engine/perception/types.ts';
import { tokenize } from '../../../engine/policy/text.ts';
import { MODEL_ACTIONS } from '../../../engine/policy/vocabulary.ts';
import { elementUnder } from '../../../engine/policy/elementMemory.ts';
import { anchorFor, labelStep, spanOf } from '../../../models/action/label.ts';

const els: UiElement[] = [
  { id: 'b', kind: 'button', text: 'Save draft', box: [100, 100, 120, 30], confidence: 1 },
  { id: 'w', kind: 'text', text: 'Save', box: [110, 108, 40, 14], confidence: 1 },
  { id: 'l', kind: 'text', text: 'Email', box: [100, 200, 50, 16], confidence: 1 },
  { id: 'x', kind: 'text', text: 'Footer', box: [400, 205, 60, 16], confidence: 1 },
];

describe('expert labels', () => {
  it('points at the smallest element under the expert\'s click', () => {
    expect(elementUnder(els, { x: 120, y: 112 })).toBe(1);
    expect(elementUnder(els, { x: 200, y: 112 })).toBe(0);
    expect(elementUnder(els, { x: 600, y: 600 })).toBe(-1);
  });

  it('anchors a click on a control perception missed to the label the instruction names', () => {
    const tokens = tokenize('type bob into Email');
    // An unseen field right of "Email": the label, not the nearer unrelated text, is the anchor.
    expect(anchorFor(els, 330, 208, tokens)).toBe(2);
    const label = labelStep({ type: 'click', x: 330, y: 208 }, els, 'type bob into Email', tokens);
    expect(label.target).toBe(2);
    expect(label.frac[0]).toBeGreaterThan(1);
  });

  it('finds the words to copy, and says so when the text is not in the instruction', () => {
    const s = 'Enter "Ann Lee" as the name';
    const t = tokenize(s);
    const [a, b] = spanOf(s, t, 'Ann Lee');
    expect(s.slice(t[a]!.start, t[b]!.end)).toBe('Ann Lee');
    expect(spanOf(s, t, 'Bob')).toEqual([-1, -1]);
    expect(labelStep({ type: 'type', text: 'Ann Lee' }, els, s, t)).toMatchObject({ type: MODEL_ACTIONS.indexOf('type'), spanStart: a, spanEnd: b, enter: 0 });
    // Text then Enter (a native select): the words are copied, the Enter head learns the key.
    expect(labelStep({ type: 'type', text: 'Ann Lee\n' }, els, s, t)).toMatchObject({ spanStart: a, spanEnd: b, enter: 1 });
    expect(labelStep({ type: 'click', x: 120, y: 112 }, els, s, t).enter).toBe(-1);
  });
});
