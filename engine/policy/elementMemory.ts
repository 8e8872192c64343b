// What the agent already did to each element and what changed on it since the last step. For
// tasks with several actions (tick these three boxes, then submit) the model needs this to tell
// done from still to do, and to notice that its last click changed nothing.
import type { Box, Perception, UiElement } from '../perception/types.ts';
import type { Point, StepMemory } from './types.ts';

export const MEMORY_FEATURES = 7;

const inside = (p: Point, [x, y, w, h]: Box, pad = 3) => p.x >= x - pad && p.x <= x + w + pad && p.y >= y - pad && p.y <= y + h + pad;

export function iou(a: Box, b: Box): number {
  const ix = Math.max(0, Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]));
  const iy = Math.max(0, Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]));
  const inter = ix * iy;
  return inter / (a[2] * a[3] + b[2] * b[3] - inter || 1);
}

/** Per element: [clicks on it (capped), clicked last step, typed into, dragged from, dropped on, new since last step, changed since last step]. */
export function elementMemory(elements: UiElement[], history: StepMemory[], previous?: Perception): number[][] {
  return elements.map((el) => {
    let clicks = 0;
    let typed = 0;
    let from = 0;
    let to = 0;
    let lastClickInside = false;
    history.forEach(({ action }) => {
      if (action.type === 'click' || action.type === 'double_click' || action.type === 'right_click') {
        lastClickInside = inside(action.at, el.box);
        if (lastClickInside) clicks++;
      } else if (action.type === 'type' && lastClickInside) typed = 1;
      else if (action.type === 'drag') {
        if (inside(action.from, el.box)) from = 1;
        if (inside(action.to, el.box)) to = 1;
      }
    });
    const last = history.at(-1)?.action;
    const clickedLast = last && 'at' in last && last.at && last.type !== 'scroll' && inside(last.at, el.box) ? 1 : 0;
    let fresh = 0;
    let changed = 0;
    if (previous) {
      const twin = previous.elements.reduce<[number, UiElement | undefined]>((best, p) => {
        const o = iou(p.box, el.box);
        return o > best[0] ? [o, p] : best;
      }, [0, undefined]);
      if (twin[0] < 0.3) fresh = 1;
      else if (twin[1]!.text !== el.text || twin[1]!.state?.checked !== el.state?.checked) changed = 1;
    }
    return [Math.min(clicks, 3) / 3, clickedLast, typed, from, to, fresh, changed];
  });
}
