import { describe, expect, it } from 'vitest';
import type { Perception, UiElement } from '../../../engine/perception/types.ts';
import { sliderMove, wantedValue } from '../../../engine/policy/slider.ts';
import type { PolicyAction, StepMemory } from '../../../engine/policy/types.ts';

/**
 * A slider as the screen shows it: a track from x=300 to 600 whose value (min..max in steps,
 * unknown to the agent) is printed beside it; drags set it where the pointer lets go, arrow keys
 * move it a step. The agent loop around `sliderMove` is the real one's, minus the model, which
 * keeps asking to drag the slider.
 */
class FakeSlider {
  value: number;
  constructor(readonly min: number, readonly max: number, readonly step: number, start: number, readonly ticks = false) {
    this.value = start;
  }
  private fromX(x: number) {
    const f = Math.min(1, Math.max(0, (x - 300) / 300));
    return this.min + Math.round((f * (this.max - this.min)) / this.step) * this.step;
  }
  screen(): Perception {
    const knob = 300 + (300 * (this.value - this.min)) / (this.max - this.min);
    const el = (id: string, kind: UiElement['kind'], text: string, box: UiElement['box']): UiElement => ({ id, kind, text, box, confidence: 1 });
    const elements = [
      el('label', 'text', 'Volume', [200, 194, 60, 14]),
      el('track', 'slider', '', [296, 188, 308, 24]),
      el('knob', 'checkbox', '', [knob - 8, 192, 16, 16]),
      el('out', 'text', String(this.value), [620, 194, 24, 14]),
      // Tick marks read as "1", and an unrelated number further down.
      ...(this.ticks ? [0, 1, 2, 3, 4].map((i) => el(`t${i}`, 'text', '1', [300 + 75 * i, 206, 4, 10])) : []),
      el('other', 'text', '42', [200, 400, 20, 14]),
    ];
    return { width: 1280, height: 800, elements, timings: {} };
  }
  act(a: PolicyAction) {
    if (a.type === 'drag') this.value = this.fromX(a.to.x);
    if (a.type === 'hotkey') this.value = Math.min(this.max, Math.max(this.min, this.value + (a.keys[0] === 'right' ? 1 : -1) * this.step));
  }
}

function run(slider: FakeSlider, instruction: string, maxSteps = 10) {
  const history: StepMemory[] = [];
  let previous: Perception | undefined;
  for (let i = 0; i < maxSteps; i++) {
    const perception = slider.screen();
    const proposed: PolicyAction = { type: 'drag', from: { x: 450, y: 200 }, to: { x: 100, y: 200 } };
    const move = sliderMove({ instruction, perception, previous, history }, proposed);
    if (!move) return { done: false, steps: i };
    if (move.action.type === 'finished') return { done: true, steps: i };
    slider.act(move.action);
    history.push({ action: move.action, changed: true });
    previous = perception;
  }
  return { done: false, steps: maxSteps };
}

describe('sliders set by measuring them', () => {
  it.each([
    [0, 100, 5, 40, 85],
    [0, 10, 1, 5, 3],
    [50, 150, 5, 80, 150],
    [0, 200, 10, 170, 20],
    [-20, 40, 2, 0, 36],
  ])('range %i..%i step %i: from %i to %i', (min, max, step, start, want) => {
    const s = new FakeSlider(min, max, step, start);
    const r = run(s, `Set the volume to ${want}`);
    expect(s.value).toBe(want);
    expect(r.done).toBe(true);
    expect(r.steps).toBeLessThanOrEqual(6);
  });

  it('is not fooled by tick marks read as numbers', () => {
    const s = new FakeSlider(0, 100, 5, 90, true);
    run(s, 'Adjust volume until it reads 15');
    expect(s.value).toBe(15);
  });

  it('finishes at once when the slider already shows the value', () => {
    expect(run(new FakeSlider(0, 100, 5, 35), 'volume 35')).toEqual({ done: true, steps: 0 });
  });

  it('leaves the step to the model without a number to reach or a slider under its action', () => {
    const s = new FakeSlider(0, 100, 5, 35);
    expect(sliderMove({ instruction: 'turn the volume up', perception: s.screen(), history: [] }, { type: 'drag', from: { x: 400, y: 200 }, to: { x: 500, y: 200 } })).toBeUndefined();
    expect(sliderMove({ instruction: 'volume 50', perception: s.screen(), history: [] }, { type: 'click', at: { x: 230, y: 200 } })).toBeUndefined();
  });

  it('starts a drag on the knob when no value is on show to measure by', () => {
    const screen = new FakeSlider(0, 100, 5, 35).screen();
    const hidden = { ...screen, elements: screen.elements.filter((e) => e.id !== 'out') };
    const knob = 300 + 0.35 * 300;
    expect(sliderMove({ instruction: 'volume 50', perception: hidden, history: [] }, { type: 'drag', from: { x: 500, y: 200 }, to: { x: 450, y: 200 } })?.action).toEqual({ type: 'drag', from: { x: knob, y: 200 }, to: { x: 450, y: 200 } });
    expect(sliderMove({ instruction: 'volume 50', perception: hidden, history: [] }, { type: 'drag', from: { x: knob + 4, y: 200 }, to: { x: 450, y: 200 } })).toBeUndefined();
  });

  it('reads the wanted value after the slider\'s label when the command has several numbers', () => {
    expect(wantedValue('Set Bass to 3 and Volume to 70', 'Volume')).toBe(70);
    expect(wantedValue('Volume: 1.5', 'Volume')).toBe(1.5);
    // A number in a name is no value to set.
    expect(wantedValue('Look for Garnet 80 and click on it', undefined)).toBeUndefined();
    expect(wantedValue('Slide Temperature to 30', 'Temperature')).toBe(30);
    expect(wantedValue('Set Volume 70', 'Volume')).toBe(70);
  });
});
