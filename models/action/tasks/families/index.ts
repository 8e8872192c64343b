// Every task family, in a fixed order (generation cycles through them in this order).
import type { Family } from '../family.ts';
import { checkboxes } from './checkboxes.ts';
import { clickButton } from './clickButton.ts';
import { typeField } from './typeField.ts';

export const ALL_FAMILIES: readonly Family[] = [clickButton, typeField, checkboxes];
