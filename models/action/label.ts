// Turns an expert step in screen pixels into the model's training targets: which element to point
// at (and where inside it), which instruction words to copy, which key combo and direction.
import type { Box, UiElement } from '../../engine/perception/types.ts';
import { elementUnder } from '../../engine/policy/elementMemory.ts';
import { type Token, tokenize, wordMatch } from '../../engine/policy/text.ts';
import { comboOnScreen, KEY_COMBOS, MODEL_ACTIONS, SCROLL_DIRECTIONS } from '../../engine/policy/vocabulary.ts';
import type { ExpertStep } from './expertStep.ts';

export interface Label {
  type: number;
  /** Element index, -1 when the action has no target or none was perceived there. */
  target: number;
  frac: [number, number];
  drop: number;
  dropFrac: [number, number];
  /** Token span to copy, -1 when the text is not in the instruction. */
  spanStart: number;
  spanEnd: number;
  key: number;
  dir: number;
  /** For typing: 1 when Enter follows the text (a native select, a search box), 0 when not, -1 for other actions. */
  enter: number;
}

/**
 * When perception missed the control itself (an empty text field without a visible border, say),
 * the model points at an anchor and an offset from it: the nearby element whose words the
 * instruction names (usually the label), else the nearest one.
 */
export function anchorFor(elements: UiElement[], x: number, y: number, tokens: Token[]): number {
  let best = -1;
  let bestScore = -Infinity;
  elements.forEach((e, i) => {
    const [bx, by, bw, bh] = e.box;
    const d = Math.hypot(Math.max(bx - x, 0, x - bx - bw), Math.max(by - y, 0, y - by - bh));
    if (d > ANCHOR_RADIUS) return;
    const named = tokenize(e.text).some((w) => /[\p{L}\p{N}]/u.test(w.text) && tokens.some((t) => wordMatch(w, t)[2]));
    const score = (named ? ANCHOR_RADIUS : 0) - d;
    if (score > bestScore) [best, bestScore] = [i, score];
  });
  return best;
}

const ANCHOR_RADIUS = 250;
/** Offsets from an anchor are in units of its size; far ones are clipped (the model regresses them). */
const FRAC_RANGE: [number, number] = [-6, 7];
const clip = (v: number) => Math.min(Math.max(v, FRAC_RANGE[0]), FRAC_RANGE[1]);
const fracIn = ([bx, by, bw, bh]: Box, x: number, y: number): [number, number] => [clip((x - bx) / Math.max(bw, 1)), clip((y - by) / Math.max(bh, 1))];

/** The token span whose source text is `text` (exactly, else ignoring case), else -1s. */
export function spanOf(instruction: string, tokens: Token[], text: string): [number, number] {
  for (const same of [(a: string, b: string) => a === b, (a: string, b: string) => a.toLowerCase() === b.toLowerCase()]) {
    for (let s = 0; s < tokens.length; s++) {
      for (let e = s; e < tokens.length; e++) {
        const slice = instruction.slice(tokens[s]!.start, tokens[e]!.end);
        if (same(slice, text)) return [s, e];
        if (slice.length > text.length) break;
      }
    }
  }
  return [-1, -1];
}

export function labelStep(step: ExpertStep, elements: UiElement[], instruction: string, tokens: Token[]): Label {
  const label: Label = { type: MODEL_ACTIONS.indexOf(step.type), target: -1, frac: [0.5, 0.5], drop: -1, dropFrac: [0.5, 0.5], spanStart: -1, spanEnd: -1, key: -1, dir: -1, enter: -1 };
  const point = (x: number, y: number): [number, [number, number]] => {
    let i = elementUnder(elements, { x, y });
    if (i < 0) i = anchorFor(elements, x, y, tokens);
    return [i, i >= 0 ? fracIn(elements[i]!.box, x, y) : [0.5, 0.5]];
  };
  switch (step.type) {
    case 'click':
    case 'double_click':
    case 'right_click':
      [label.target, label.frac] = point(step.x, step.y);
      break;
    case 'scroll':
      [label.target, label.frac] = point(step.x, step.y);
      label.dir = SCROLL_DIRECTIONS.indexOf(step.direction);
      break;
    case 'drag':
      [label.target, label.frac] = point(step.from.x, step.from.y);
      [label.drop, label.dropFrac] = point(step.to.x, step.to.y);
      break;
    case 'type': {
      const text = step.text.replace(/\r?\n$/, '');
      [label.spanStart, label.spanEnd] = spanOf(instruction, tokens, text);
      label.enter = text === step.text ? 0 : 1;
      break;
    }
    case 'hotkey':
      label.key = (KEY_COMBOS as readonly string[]).indexOf(step.keys.join('+'));
      // Where the screen shows the combo (a shortcut legend), the pointer learns to read it there.
      label.target = elements.findIndex((e) => comboOnScreen(e.text) === step.keys.join('+'));
      break;
    case 'finished':
      break;
  }
  return label;
}
