// Every task family, in a fixed order (generation cycles through them in this order).
import type { Family } from '../family.ts';
import { autocomplete } from './autocomplete.ts';
import { checkboxes } from './checkboxes.ts';
import { clickButton } from './clickButton.ts';
import { clickLink } from './clickLink.ts';
import { clickListItem } from './clickListItem.ts';
import { clickMenuItem } from './clickMenuItem.ts';
import { clickTab } from './clickTab.ts';
import { contextMenu } from './contextMenu.ts';
import { copyPaste } from './copyPaste.ts';
import { datePicker } from './datePicker.ts';
import { dialog } from './dialog.ts';
import { doubleClick } from './doubleClick.ts';
import { dragDrop } from './dragDrop.ts';
import { formMulti } from './formMulti.ts';
import { iconClick } from './iconClick.ts';
import { keyboardShortcut } from './keyboardShortcut.ts';
import { radio } from './radio.ts';
import { scrollFind } from './scrollFind.ts';
import { selectCustom } from './selectCustom.ts';
import { selectNative } from './selectNative.ts';
import { similarText } from './similarText.ts';
import { slider } from './slider.ts';
import { typeField } from './typeField.ts';

export const ALL_FAMILIES: readonly Family[] = [
  clickButton, clickLink, clickTab, clickMenuItem, clickListItem, typeField, checkboxes, radio,
  selectNative, selectCustom, autocomplete, datePicker, slider, dragDrop, scrollFind, copyPaste,
  keyboardShortcut, formMulti, dialog, iconClick, similarText, contextMenu, doubleClick,
];
