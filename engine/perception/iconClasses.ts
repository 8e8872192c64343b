// The icon recognizer's classes, in the model's output order, and the words each name puts in an
// element's text: the picture's name first, then what people call its action, so a command may
// say either ("the trash icon", "delete").
export const ICON_CLASSES = [
  { name: 'home', words: 'home house' },
  { name: 'search', words: 'search magnifier find' },
  { name: 'trash', words: 'trash delete bin' },
  { name: 'settings', words: 'settings gear' },
  { name: 'heart', words: 'heart like love' },
  { name: 'star', words: 'star favorite' },
  { name: 'bell', words: 'bell notifications' },
  { name: 'plus', words: 'plus add new' },
  { name: 'close', words: 'close x' },
  { name: 'pencil', words: 'pencil edit' },
  { name: 'download', words: 'download' },
  { name: 'lock', words: 'lock padlock' },
  { name: 'user', words: 'user profile account' },
  { name: 'refresh', words: 'refresh reload' },
  /** Not an icon, or an icon of none of the names above: the element keeps its empty text. */
  { name: 'other', words: '' },
] as const;

export type IconName = (typeof ICON_CLASSES)[number]['name'];
export const OTHER_CLASS = ICON_CLASSES.length - 1;
