import { describe, expect, it } from 'vitest';
import type { Perception, UiElement } from '../../../engine/perception/types.ts';
import { finalClickName, pendingClick } from '../../../engine/policy/pending.ts';

const el = (id: string, kind: UiElement['kind'], text: string, box: UiElement['box']): UiElement => ({ id, kind, text, box, confidence: 1 });
const screen = (...elements: UiElement[]): Perception => ({ width: 1280, height: 800, elements, timings: {} });

describe('the click a command ends on', () => {
  it('reads the name after the last click, press or hit at the end of the command', () => {
    expect(finalClickName('Use these details: city "Lima"; finish by choosing to click Send')).toBe('Send');
    expect(finalClickName('Register with name "Ada" and click Sign up')).toBe('Sign up');
    expect(finalClickName('Fill it in and hit the Save button.')).toBe('Save');
    expect(finalClickName('Click Save and wait for the dialog to close')).toBe(undefined);
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
});
