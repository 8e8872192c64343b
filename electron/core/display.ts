// Where the screen is, and how to say so when it isn't.
import { existsSync } from 'node:fs';
import { OperantError } from '../../engine/errors.ts';

export const NO_DISPLAY_HINT =
  'start a virtual one with `Xvfb :99 -screen 0 1280x800x24 &` then `export DISPLAY=:99`, or run Operant inside your desktop session';

/**
 * Checks that an X display is reachable before anything loads native input code, which aborts
 * the whole process when it cannot open the display.
 */
export function checkDisplay(display = process.env.DISPLAY): { display: string } {
  if (process.platform !== 'linux') return { display: 'native' };
  if (!display) throw new OperantError(`no display: DISPLAY is not set; ${NO_DISPLAY_HINT}`, 2);
  const local = /^(?:unix)?:(\d+)(?:\.\d+)?$/.exec(display);
  if (local && !existsSync(`/tmp/.X11-unix/X${local[1]}`)) {
    throw new OperantError(`no display: nothing listens on DISPLAY=${display} (no /tmp/.X11-unix/X${local[1]}); ${NO_DISPLAY_HINT}`, 2);
  }
  return { display };
}
