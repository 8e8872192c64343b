// Sliders from pixels. A slider shows no scale (or one too small to read), so the agent measures
// it: it drags the knob to a quarter and to three quarters of the track, reads the value shown
// beside it after each, fits value = a + b·x, drags to where the wanted value falls, and settles
// the last steps with the arrow keys, reading the value after each. The model chooses the slider
// (a drag or click on one); this module decides how to move it.
import type { Perception, UiElement } from '../perception/types.ts';
import { centre, inside } from './elementMemory.ts';
import { nameRuns } from './text.ts';
import type { PolicyAction, Point, PolicyInput, StepMemory } from './types.ts';

const NUMBER = /[-−]?\d+(?:[.,]\d+)?/g;
/** A value readout: a number, perhaps with a unit ("85", "85%", "1.5x", "20 °C"). */
const READOUT = /^[-−]?\d+(?:[.,]\d+)?\s*(?:%|°\s*[CF]?|[a-zµ]{1,3})?$/i;
/** How far from the track a readout may be (the value beside it, or above the knob). */
const NEAR = 140;
/** Arrow presses at most, after the calibrated drag. */
const MAX_NUDGES = 6;

const num = (s: string) => Number(s.replace('−', '-').replace(',', '.'));

/** The slider a point is on, if any. */
function sliderAt(elements: UiElement[], p: Point | undefined): UiElement | undefined {
  if (!p) return undefined;
  return elements.find((e) => e.kind === 'slider' && inside(p, e.box, 6));
}

interface Readout {
  at: Point;
  value: number;
  dist: number;
}

/**
 * Numbers shown near the slider's track: beside it on its row, or above or below it. Numbers that
 * repeat along it are its tick marks or their labels ("|" reads as "1"), not its value.
 */
function readouts(p: Perception, s: UiElement): Readout[] {
  const [x, y, w, h] = s.box;
  const near = p.elements.flatMap((e) => {
    const t = e.text.trim();
    // A tick mark reads as a "1" one pixel wide.
    if (e.kind === 'slider' || !READOUT.test(t) || e.box[2] < 3) return [];
    const c = centre(e);
    const dx = Math.max(x - c.x, c.x - (x + w), 0);
    const dy = Math.max(y - c.y, c.y - (y + h), 0);
    return dx > NEAR || dy > 40 ? [] : [{ at: c, value: num(t.match(NUMBER)![0]), dist: dx + 3 * dy }];
  });
  return near.filter((r) => near.filter((o) => o.value === r.value).length < 3);
}

const nearest = (rs: Readout[]) => rs.sort((a, b) => a.dist - b.dist)[0]?.value;
const sameReadout = (a: Readout, b: Readout) => a.value === b.value && Math.abs(a.at.x - b.at.x) <= 6 && Math.abs(a.at.y - b.at.y) <= 6;

/**
 * The value the slider shows now and showed before the last action: the readout that changed
 * between the two frames (a value drawn above the knob moves with it), else the nearest number.
 */
function readings(now: Perception, before: Perception | undefined, s: UiElement): { now?: number; before?: number } {
  const here = readouts(now, s);
  if (!before) return { now: nearest(here) };
  const old = readouts(before, s);
  const gone = old.filter((o) => !here.some((r) => sameReadout(o, r)));
  const come = here.filter((r) => !old.some((o) => sameReadout(o, r)));
  if (!gone.length || !come.length) return { now: nearest(here), before: nearest(here) };
  return { now: nearest(come), before: nearest(gone) };
}

/** The words labelling the slider: the nearest text to its left on its row, or just above it. */
function labelOf(elements: UiElement[], s: UiElement): string | undefined {
  const [x, y, , h] = s.box;
  const left = elements.filter((e) => e.kind === 'text' && !READOUT.test(e.text.trim()) && e.box[0] + e.box[2] <= x + 4 && Math.abs(centre(e).y - (y + h / 2)) <= Math.max(h, 12) && x - (e.box[0] + e.box[2]) < 220);
  const above = elements.filter((e) => e.kind === 'text' && !READOUT.test(e.text.trim()) && e.box[1] + e.box[3] <= y + 2 && y - (e.box[1] + e.box[3]) < 30 && e.box[0] < x + s.box[2] && e.box[0] + e.box[2] > x - 40);
  const best = left.sort((a, b) => b.box[0] - a.box[0])[0] ?? above.sort((a, b) => b.box[1] - a.box[1])[0];
  return best?.text.trim();
}

function namedSlider({ instruction, perception }: PolicyInput): UiElement | undefined {
  const words = new Set(instruction.toLowerCase().match(/\p{L}+/gu) ?? []);
  const named = perception.elements.filter((e) => e.kind === 'slider' && (labelOf(perception.elements, e) ?? '').toLowerCase().split(/\s+/).some((w) => words.has(w)));
  return named.length === 1 ? named[0] : undefined;
}

/**
 * The value the command wants: its only number, or the first one after the slider's label. A
 * number that is part of a name ("Garnet 80", "Taxes 2024") is not a value, unless the name is
 * the slider's own label ("Set Volume 70").
 */
export function wantedValue(instruction: string, label: string | undefined): number | undefined {
  const own = (n: string) => !!label && n.toLowerCase().includes(label.toLowerCase());
  const names = nameRuns(instruction).filter((n) => /\d/.test(n) && !own(n)).map((n) => [instruction.indexOf(n), instruction.indexOf(n) + n.length]);
  const numbers = [...instruction.matchAll(NUMBER)].filter((m) => !names.some(([a, b]) => m.index! >= a! && m.index! < b!));
  if (numbers.length <= 1) return numbers[0] ? num(numbers[0][0]) : undefined;
  const at = label ? instruction.toLowerCase().indexOf(label.toLowerCase()) : -1;
  const after = numbers.find((m) => m.index! > at);
  return num((after ?? numbers[0]!)[0]);
}

const isArrow = (a: PolicyAction) => a.type === 'hotkey' && a.keys.length === 1 && (a.keys[0] === 'left' || a.keys[0] === 'right');

/** The trailing steps that worked this slider: its drags, then arrow presses after one. */
function sliderSteps(history: StepMemory[], s: UiElement): PolicyAction[] {
  const steps: PolicyAction[] = [];
  for (let i = history.length - 1; i >= 0; i--) {
    const a = history[i]!.action;
    if (a.type === 'drag' && inside(a.to, s.box, 12) && Math.abs(a.to.y - centre(s).y) <= s.box[3]) steps.unshift(a);
    else if (isArrow(a)) steps.unshift(a);
    else break;
  }
  while (steps[0] && steps[0].type !== 'drag') steps.shift();
  return steps;
}

/** A small element on the track: the knob, where a drag should start. */
function knobOf(elements: UiElement[], s: UiElement): Point | undefined {
  const k = elements.find((e) => e !== s && e.kind !== 'text' && e.box[2] <= 40 && e.box[3] <= 40 && inside(centre(e), s.box, 2));
  return k ? centre(k) : undefined;
}

export interface SliderMove {
  action: PolicyAction;
  thought: string;
}

/**
 * How to move the slider the model chose, or undefined when this is not a slider task the module
 * can measure (no slider under the model's action, no number in the command, no readout beside it).
 */
export function sliderMove(input: PolicyInput, proposed: PolicyAction): SliderMove | undefined {
  const { perception, previous, history } = input;
  const last = [...history].reverse().find((h) => h.action.type === 'drag')?.action as Extract<PolicyAction, { type: 'drag' }> | undefined;
  const point = proposed.type === 'drag' ? proposed.from : 'at' in proposed ? proposed.at : undefined;
  // When the model is unsure what to do, a slider the command names by its label.
  const chosen = sliderAt(perception.elements, point) ?? (proposed.type === 'call_user' ? namedSlider(input) : undefined);
  // OCR sometimes swallows a knob and the track beside it into a word: then the slider is where it was.
  const s = chosen ?? sliderAt(perception.elements, last?.to) ?? sliderAt(previous?.elements ?? [], last?.to);
  if (!s) return undefined;
  const want = wantedValue(input.instruction, labelOf(perception.elements, s));
  if (want === undefined) return undefined;
  const steps = sliderSteps(history, s);
  // Only a slider being worked, or one the model points at now, is this module's.
  if (!steps.length && !chosen) return undefined;
  const read = readings(perception, previous, s);
  const now = read.now;
  const [x, , w] = s.box;
  const y = Math.round(centre(s).y);
  if (now === want) return chosen ? { action: { type: 'finished' }, thought: `the slider reads ${want}` } : undefined;
  const drags = steps.filter((a) => a.type === 'drag') as Extract<PolicyAction, { type: 'drag' }>[];
  const drag = (from: Point, toX: number, thought: string): SliderMove => ({ action: { type: 'drag', from: { x: Math.round(from.x), y: Math.round(from.y) }, to: { x: Math.round(toX), y } }, thought });
  if (!steps.length) {
    const knob = knobOf(perception.elements, s);
    // Without a value on show there is nothing to measure (a window's scrollbar looks like a
    // slider); a drag the model starts on the track beside the knob starts on the knob.
    if (now === undefined) {
      const offKnob = proposed.type === 'drag' && knob && Math.abs(proposed.from.x - knob.x) > 12;
      return offKnob ? drag(knob, proposed.to.x, 'a slider moves by its knob: the drag starts there') : undefined;
    }
    const from = knob ?? (point && inside(point, s.box, 0) ? point : centre(s));
    return drag(from, x + 0.25 * w, `measuring the slider: to a quarter of its track, then reading its value`);
  }
  if (now === undefined) return undefined;
  if (drags.length === 1 && steps.length === 1) return drag(drags[0]!.to, x + 0.75 * w, `measuring the slider: it read ${now} at a quarter; now three quarters`);
  if (drags.length === 2 && steps.length === 2) {
    const before = read.before;
    const [a, b] = drags.map((d) => d.to.x) as [number, number];
    if (before === undefined || before === now || a === b) return undefined;
    const perPixel = (now - before) / (b - a);
    const target = Math.min(x + w, Math.max(x, b + (want - now) / perPixel));
    return drag(drags[1]!.to, target, `the slider reads ${before} at x=${Math.round(a)} and ${now} at x=${Math.round(b)}: ${want} is at x=${Math.round(target)}`);
  }
  // Settle with the arrow keys, while they move it towards the value and have not run out.
  const nudges = steps.filter(isArrow) as Extract<PolicyAction, { type: 'hotkey' }>[];
  if (nudges.length >= MAX_NUDGES) return undefined;
  const key = now < want ? 'right' : 'left';
  if (nudges.length >= 2 && nudges.at(-1)!.keys[0] !== nudges.at(-2)!.keys[0]) return undefined;
  // An arrow that did not move it: the slider does not take keys (or lost the focus).
  if (nudges.length && read.before === now) return undefined;
  return { action: { type: 'hotkey', keys: [key] }, thought: `the slider reads ${now}, ${want} wanted: ${key} arrow` };
}
