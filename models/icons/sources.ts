// Where the training icons come from: the icon themes and SVG sets Debian installs (Adwaita,
// Papirus, Breeze, elementary, Bootstrap Icons, Font Awesome 4), each file named by the theme's own
// icon name, and the task suite's icons (train-split styles only; see render.ts). Each class lists
// the theme names that draw it; every other icon of a theme is an example of "other".
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { IconName } from '../../engine/perception/iconClasses.ts';

export interface IconSource {
  /** Theme and icon name, e.g. "Adwaita/edit-delete". */
  id: string;
  /** Theme family and icon name: sizes of one design are held out together (default: `id`). */
  design?: string;
  label: IconName;
  /** A whole SVG document; only its shape (alpha) is used, recoloured when rendered. */
  svg: string;
}

/** Theme icon names per class (file names without `-symbolic` and `.svg`; Font Awesome glyph names). */
const NAMES: Record<Exclude<IconName, 'other'>, string[]> = {
  home: ['go-home', 'user-home', 'home', 'house', 'house-door', 'house-fill', 'house-door-fill'],
  search: ['system-search', 'edit-find', 'search', 'find'],
  trash: ['user-trash', 'edit-delete', 'trash', 'trash-fill', 'trash2', 'trash2-fill', 'trash3', 'trash3-fill', 'trash-empty', 'delete'],
  settings: ['emblem-system', 'preferences-system', 'configure', 'settings', 'gear', 'gear-fill', 'gear-wide', 'gear-wide-connected', 'cog', 'preferences-other', 'settings-configure', 'applications-system'],
  heart: ['emblem-favorite', 'heart', 'heart-fill', 'heart_empty', 'emblem-love', 'suit-heart', 'suit-heart-fill'],
  star: ['starred', 'non-starred', 'star', 'star-fill', 'star_empty', 'rating'],
  bell: ['preferences-system-notifications', 'notification', 'notifications', 'bell', 'bell-fill', 'bell_alt', 'notification-active', 'preferences-desktop-notification', 'notification-new'],
  plus: ['list-add', 'add', 'plus', 'plus-lg', 'value-increase', 'plus-circle', 'plus-circle-fill'],
  close: ['window-close', 'close', 'x', 'x-lg', 'dialog-close', 'remove', 'tab-close', 'x-circle', 'x-circle-fill'],
  pencil: ['document-edit', 'edit', 'pencil', 'pencil-fill', 'pencil-square', 'edit-entry', 'document-edit-sign'],
  download: ['download', 'folder-download', 'document-download', 'download_alt', 'download-alt'],
  lock: ['changes-prevent', 'system-lock-screen', 'lock', 'lock-fill', 'object-locked', 'emblem-locked'],
  user: ['avatar-default', 'user', 'person', 'person-fill', 'person-circle', 'person-square', 'user-identity', 'user-available', 'im-user', 'preferences-desktop-user'],
  refresh: ['view-refresh', 'refresh', 'reload', 'arrow-clockwise', 'arrow-repeat', 'view-refresh-all'],
};

/**
 * Theme icons whose picture is not what their name says in that theme (checked on a contact
 * sheet): Adwaita's edit-delete is an X in a circle, some themes' preferences-* are tools or
 * sliders or lines, some notification icons are speech bubbles, remove is a minus, a few
 * user-available icons are speech bubbles.
 */
const EXCLUDE = new Set(['Adwaita/edit-delete', 'Papirus16/edit-delete', 'Adwaita/preferences-system', 'breeze/preferences-system', 'breeze22/preferences-system', 'Adwaita/preferences-other', 'Papirus/preferences-other', 'breeze/preferences-other', 'elementary/preferences-other', 'breeze/configure', 'breeze22/configure', 'Papirus16/settings-configure', 'breeze/settings-configure', 'breeze22/settings-configure', 'breeze22/preferences-other', 'Papirus/preferences-system-notifications', 'Papirus16/preferences-desktop-notification', 'Adwaita/user-available', 'elementary/user-available', 'breeze/emblem-locked', 'breeze/remove', 'breeze22/remove', 'Papirus16/remove']);
/** Breeze draws "favorite" as a star. */
const RELABEL: Record<string, IconName> = { 'breeze/emblem-favorite': 'star', 'breeze22/emblem-favorite': 'star' };

/**
 * Icons that must not teach "other" because they draw one of the classes under another name
 * (an X in a circle, a pencil on paper, a magnifier with a plus…).
 */
const NOT_OTHER = /home|house|search|find|zoom|trash|delete|remov|erase|clear|gear|cog|setting|config|prefer|system|heart|favor|love|like|star|bell|notif|alarm|add|plus|new|close|cancel|x-|^x$|^x|cross|edit|pencil|write|draw|rename|download|save|lock|secur|user|person|avatar|people|contact|account|refresh|reload|repeat|redo|undo|sync|rotate|arrow-clockwise|arrow-counter|restart/i;

/** `theme` names the drawing (a theme's 16 px and 22 px designs differ); `family` the theme, so both sizes are held out together. */
const THEMES: { theme: string; family?: string; dirs: string[] }[] = [
  { theme: 'Adwaita', dirs: ['/usr/share/icons/Adwaita/scalable'] },
  { theme: 'Papirus', dirs: ['/usr/share/icons/Papirus/symbolic'] },
  { theme: 'Papirus16', family: 'Papirus', dirs: ['/usr/share/icons/Papirus/16x16/actions', '/usr/share/icons/Papirus/16x16/places', '/usr/share/icons/Papirus/16x16/status'] },
  { theme: 'breeze', dirs: ['/usr/share/icons/breeze/actions/16', '/usr/share/icons/breeze/places/16', '/usr/share/icons/breeze/status/16', '/usr/share/icons/breeze/emblems/16'] },
  { theme: 'breeze22', family: 'breeze', dirs: ['/usr/share/icons/breeze/actions/22', '/usr/share/icons/breeze/places/22', '/usr/share/icons/breeze/status/22'] },
  { theme: 'elementary', dirs: ['/usr/share/icons/elementary/actions/symbolic', '/usr/share/icons/elementary/places/symbolic', '/usr/share/icons/elementary/status/symbolic', '/usr/share/icons/elementary/emblems/symbolic', '/usr/share/icons/elementary/categories/symbolic', '/usr/share/icons/elementary/devices/symbolic'] },
  { theme: 'bootstrap', dirs: ['/usr/share/bootstrap-icons/svg'] },
];
const FONT_AWESOME = '/usr/share/fonts-font-awesome/fonts/fontawesome-webfont.svg';

function svgFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) return svgFiles(p);
    return f.endsWith('.svg') ? [p] : [];
  });
}

const baseName = (file: string) => path.basename(file, '.svg').replace(/-symbolic$/, '');
const classOf = (name: string) => (Object.keys(NAMES) as (keyof typeof NAMES)[]).find((k) => NAMES[k].includes(name));

/** Font Awesome 4's SVG font: each glyph a path in font units (y up), made a standalone SVG. */
function fontAwesome(): { name: string; svg: string }[] {
  if (!existsSync(FONT_AWESOME)) return [];
  const text = readFileSync(FONT_AWESOME, 'utf8');
  const out: { name: string; svg: string }[] = [];
  for (const m of text.matchAll(/<glyph\b[^>]*>/g)) {
    const tag = m[0];
    const name = /glyph-name="([^"]+)"/.exec(tag)?.[1];
    const d = /\sd="([^"]+)"/.exec(tag)?.[1];
    const adv = Number(/horiz-adv-x="(\d+)"/.exec(tag)?.[1] ?? 1536);
    if (!name || !d || name.startsWith('_') || /^f[0-9a-f]{3}$/.test(name)) continue;
    out.push({ name, svg: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 -1536 ${adv} 1792"><path transform="scale(1,-1)" d="${d}"/></svg>` });
  }
  return out;
}

/** Every installed source icon, labelled; "other" icons are all non-class icons of each theme. */
export function iconSources(): IconSource[] {
  const out: IconSource[] = [];
  const seen = new Set<string>();
  const add = (theme: string, name: string, svg: string, family = theme) => {
    const id = `${theme}/${name}`;
    const label = RELABEL[id] ?? classOf(name) ?? (NOT_OTHER.test(name) ? undefined : 'other');
    if (!label || EXCLUDE.has(id) || seen.has(id)) return;
    seen.add(id);
    out.push({ id, design: `${family}/${name}`, label, svg });
  };
  for (const { theme, family, dirs } of THEMES) for (const f of dirs.flatMap(svgFiles).sort()) add(theme, baseName(f), readFileSync(f, 'utf8'), family);
  for (const g of fontAwesome()) add('fontawesome', g.name, g.svg);
  if (!out.some((s) => s.label !== 'other')) throw new Error('no icon themes found: apt-get install -y adwaita-icon-theme papirus-icon-theme breeze-icon-theme elementary-icon-theme bootstrap-icons fonts-font-awesome');
  return out;
}
