// Where a point on a named display lands in the coordinates the input backend speaks. Pure
// functions: the layout comes from the caller (Electron's screen.getAllDisplays(), or the
// backend's own screen size when there is no Electron), so every HiDPI and multi-monitor case
// can be checked with a table.
import { OperantError } from '../../engine/errors.ts';
import type { ScreenPoint } from '../shared/actions.ts';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * One monitor. `bounds` is in the desktop's logical units (DIP), as Electron reports it;
 * `scaleFactor` is physical pixels per logical unit (1.25, 1.5, 2…). `nativeOrigin` is the
 * monitor's top-left in the OS's physical desktop when it is not simply `bounds × scale`
 * (Windows with mixed scale factors; Electron's `screen.dipToScreenPoint` gives it).
 */
export interface DisplayInfo {
  id: string;
  bounds: Rect;
  scaleFactor: number;
  primary?: boolean;
  nativeOrigin?: { x: number; y: number };
}

/**
 * What the backend's coordinates are: X11 and Windows (per-monitor DPI aware) take physical
 * pixels of the whole desktop; macOS takes logical points.
 */
export type BackendSpace = 'physical' | 'logical';

export const backendSpaceFor = (platform: NodeJS.Platform): BackendSpace => (platform === 'darwin' ? 'logical' : 'physical');

/** The size of a display in physical pixels, the space actions are written in. */
export function physicalSize(d: DisplayInfo): { width: number; height: number } {
  return { width: Math.round(d.bounds.width * d.scaleFactor), height: Math.round(d.bounds.height * d.scaleFactor) };
}

/** The display an action names, or the primary one when it names none or names "primary". */
export function findDisplay(layout: readonly DisplayInfo[], id: string | undefined): DisplayInfo {
  const d = layout.find((x) => x.id === id) ?? (id === undefined || id === 'primary' ? (layout.find((x) => x.primary) ?? layout[0]) : undefined);
  if (!d) throw new OperantError(`no display "${id}": this executor knows ${layout.map((x) => `"${x.id}"`).join(', ') || 'no displays'}`, 2);
  return d;
}

/** Maps a point in physical pixels of a display to backend coordinates; throws when it lies off that display. */
export function toBackendPoint(p: ScreenPoint, layout: readonly DisplayInfo[], space: BackendSpace): { x: number; y: number } {
  const d = findDisplay(layout, p.display);
  const size = physicalSize(d);
  if (p.x < 0 || p.y < 0 || p.x >= size.width || p.y >= size.height) {
    throw new OperantError(`point (${p.x},${p.y}) is off display "${d.id}", which is ${size.width}x${size.height} physical pixels`, 2);
  }
  if (space === 'logical') {
    return { x: d.bounds.x + p.x / d.scaleFactor, y: d.bounds.y + p.y / d.scaleFactor };
  }
  const origin = d.nativeOrigin ?? { x: Math.round(d.bounds.x * d.scaleFactor), y: Math.round(d.bounds.y * d.scaleFactor) };
  return { x: Math.round(origin.x + p.x), y: Math.round(origin.y + p.y) };
}

/** The layout used when the caller gives none: one display covering the backend's screen. */
export function singleDisplay(width: number, height: number, id = 'primary'): DisplayInfo[] {
  return [{ id, bounds: { x: 0, y: 0, width, height }, scaleFactor: 1, primary: true }];
}
