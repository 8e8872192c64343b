// Element ids derived from what an element is and where: the same element on an unchanged part
// of the screen gets the same id in every frame, and even across cold starts.
import { createHash } from 'node:crypto';
import type { Box, ElementKind } from './types.ts';

export function elementId(kind: ElementKind, text: string, box: Box): string {
  const h = createHash('sha1').update(`${kind}\u0000${text}\u0000${box.join(',')}`).digest('hex');
  return `${kind}-${h.slice(0, 10)}`;
}
