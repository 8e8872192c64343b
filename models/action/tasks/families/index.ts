// Every task family, in a fixed order (generation cycles through them in this order).
import type { Family } from '../family.ts';
import { checkboxes } from './checkboxes.ts';
import { clickButton } from './clickButton.ts';
import { clickLink } from './clickLink.ts';
import { clickListItem } from './clickListItem.ts';
import { clickMenuItem } from './clickMenuItem.ts';
import { clickTab } from './clickTab.ts';
import { copyPaste } from './copyPaste.ts';
import { dialog } from './dialog.ts';
import { iconClick } from './iconClick.ts';
import { radio } from './radio.ts';
import { selectNative } from './selectNative.ts';
import { similarText } from './similarText.ts';
import { typeField } from './typeField.ts';

export const ALL_FAMILIES: readonly Family[] = [
  clickButton, clickLink, clickTab, clickMenuItem, clickListItem, typeField, checkboxes, radio,
  selectNative, copyPaste, dialog, iconClick, similarText,
];
