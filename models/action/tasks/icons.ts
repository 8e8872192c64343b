// Simple inline SVG icons (24×24, stroked), named by what people call them.
export const ICONS: Record<string, string> = {
  home: '<path d="M3 11 L12 3 L21 11 M5 10 V21 H19 V10"/>',
  search: '<circle cx="10" cy="10" r="6"/><path d="M14.5 14.5 L21 21"/>',
  trash: '<path d="M4 7 H20 M9 7 V4 H15 V7 M6 7 L7 21 H17 L18 7"/>',
  settings: '<circle cx="12" cy="12" r="7.5" stroke-width="4" stroke-dasharray="2.6 2.6"/><circle cx="12" cy="12" r="2.5"/>',
  heart: '<path d="M12 21 C5 15 2 11 2 7.5 A4.5 4.5 0 0 1 12 6 A4.5 4.5 0 0 1 22 7.5 C22 11 19 15 12 21 Z"/>',
  star: '<path d="M12 2 L15 9 L22 9.5 L16.5 14 L18.5 21 L12 17 L5.5 21 L7.5 14 L2 9.5 L9 9 Z"/>',
  bell: '<path d="M6 17 V11 A6 6 0 0 1 18 11 V17 L20 19 H4 Z M10 21 H14"/>',
  plus: '<path d="M12 4 V20 M4 12 H20"/>',
  close: '<path d="M5 5 L19 19 M19 5 L5 19"/>',
  pencil: '<path d="M4 20 L5 15 L16 4 L20 8 L9 19 Z"/>',
  download: '<path d="M12 3 V15 M7 10 L12 15 L17 10 M4 20 H20"/>',
  lock: '<rect x="5" y="11" width="14" height="10"/><path d="M8 11 V7 A4 4 0 0 1 16 7 V11"/>',
  user: '<circle cx="12" cy="8" r="4"/><path d="M4 21 C4 15 20 15 20 21"/>',
  refresh: '<path d="M20 12 A8 8 0 1 1 17 5.5 M20 3 V8 H15"/>',
};

/** What the icon does, for instructions that name the purpose rather than the picture. */
export const ICON_PURPOSE: Record<string, string> = {
  home: 'go home', search: 'search', trash: 'delete', settings: 'open settings', heart: 'like this', star: 'add to favourites',
  bell: 'see notifications', plus: 'add a new item', close: 'close this', pencil: 'edit', download: 'download', lock: 'lock it', user: 'open the profile', refresh: 'reload',
};

/** Pictures for things rather than actions (files, folders); kept out of `ICONS`, which icon_click draws targets from. */
export const THING_ICONS: Record<string, string> = {
  folder: '<path d="M3 6 H9 L11 8 H21 V19 H3 Z"/>',
  file: '<path d="M6 3 H14 L19 8 V21 H6 Z M14 3 V8 H19"/>',
};

/** An SVG drawing of the given paths (24×24 units) at `size` CSS pixels. */
export const svgPaths = (paths: string, size: number, stroke: string, width = 2) =>
  `<svg width="${size}" height="${size}" viewBox="0 0 24 24" fill="none" stroke="${stroke}" stroke-width="${width}" stroke-linecap="round" stroke-linejoin="round">${paths}</svg>`;

export const svgIcon = (name: string, size: number, stroke: string, width = 2) => svgPaths(ICONS[name]!, size, stroke, width);
