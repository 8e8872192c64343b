// Turns an expert step in screen pixels into the model's training targets: which element to point
// at (and where inside it), which instruction words to copy, which key combo and direction.
import type { Box, UiElement } from '../../engine/perception/types.ts';
import type { Token } from '../../engine/policy/text.ts';
import { KEY_COMBOS, MODEL_ACTIONS, SCROLL_DIRECTIONS } from '../../engine/policy/vocabulary.ts';
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
}

/** The smallest perceived element containing the point, else the nearest within 24 px. */
export function elementAt(elements: UiElement[], x: number, y: number): number {
  let best = -1;
  let bestArea = Infinity;
  elements.forEach((e, i) => {
    const [bx, by, bw, bh] = e.box;
    if (x >= bx - 2 && x <= bx + bw + 2 && y >= by - 2 && y <= by + bh + 2 && bw * bh < bestArea) {
      best = i;
      bestArea = bw * bh;
    }
  });
  if (best >= 0) return best;
  let bestD = 24;
  elements.forEach((e, i) => {
    const [bx, by, bw, bh] = e.box;
    const d = Math.hypot(Math.max(bx - x, 0, x - bx - bw), Math.max(by - y, 0, y - by - bh));
    if (d < bestD) [best, bestD] = [i, d];
  });
  return best;
}

const fracIn = ([bx, by, bw, bh]: Box, x: number, y: number): [number, number] => [
  Math.min(Math.max((x - bx) / Math.max(bw, 1), 0), 1),
  Math.min(Math.max((y - by) / Math.max(bh, 1), 0), 1),
];

/** The token span whose source text is exactly `text`, else -1s. */
export function spanOf(instruction: string, tokens: Token[], text: string): [number, number] {
  for (let s = 0; s < tokens.length; s++) {
    for (let e = s; e < tokens.length; e++) {
      const slice = instruction.slice(tokens[s]!.start, tokens[e]!.end);
      if (slice === text) return [s, e];
      if (slice.length > text.length) break;
    }
  }
  return [-1, -1];
}

export function labelStep(step: ExpertStep, elements: UiElement[], instruction: string, tokens: Token[]): Label {
  const label: Label = { type: MODEL_ACTIONS.indexOf(step.type), target: -1, frac: [0.5, 0.5], drop: -1, dropFrac: [0.5, 0.5], spanStart: -1, spanEnd: -1, key: -1, dir: -1 };
  const point = (x: number, y: number): [number, [number, number]] => {
    const i = elementAt(elements, x, y);
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
    case 'type':
      [label.spanStart, label.spanEnd] = spanOf(instruction, tokens, step.text);
      break;
    case 'hotkey':
      label.key = (KEY_COMBOS as readonly string[]).indexOf(step.keys.join('+'));
      break;
    case 'finished':
      break;
  }
  return label;
}
