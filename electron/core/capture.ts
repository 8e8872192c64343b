// Screen capture: one display's frame as RGBA in physical pixels, the input of perception.
import { badInput, OperantError } from '../../engine/errors.ts';
import { checkDisplay } from './display.ts';

export interface Frame {
  width: number;
  height: number;
  /** Physical pixels per logical pixel (2 on a HiDPI display). */
  scale: number;
  /** The display the frame shows (an X display name on Linux). */
  display: string;
  /** RGBA, width*height*4 bytes. */
  data: Buffer;
}

type NutScreen = typeof import('@nut-tree-fork/nut-js')['screen'];
let loaded: { screen: NutScreen; display: string } | undefined;

/**
 * Loads nut-js for `display`. Its native code opens the display once, when it loads, so one
 * process captures one X display; it aborts the process when there is none, hence the check.
 */
async function nutScreen(display: string): Promise<NutScreen> {
  if (loaded) {
    if (loaded.display !== display) throw badInput(`this process already captures display ${loaded.display}; capture ${display} from another process (e.g. \`DISPLAY=${display} operant perceive --screen\`)`);
    return loaded.screen;
  }
  if (process.platform === 'linux') process.env.DISPLAY = display;
  const { screen } = await import('@nut-tree-fork/nut-js');
  loaded = { screen, display };
  return screen;
}

export async function captureScreen(opts: { display?: string } = {}): Promise<Frame> {
  const { display } = checkDisplay(opts.display ?? process.env.DISPLAY);
  const screen = await nutScreen(display);
  let img;
  try {
    img = await screen.grab();
  } catch (e) {
    throw new OperantError(`could not capture display ${display}: ${(e as Error).message}`);
  }
  return { width: img.width, height: img.height, scale: img.pixelDensity?.scaleX ?? 1, display, data: toRgba(img) };
}

/** nut-js hands BGR(A) rows that may be padded to `byteWidth`; perception wants tight RGBA. */
function toRgba(img: { width: number; height: number; data: Buffer; channels: number; byteWidth: number; colorMode: unknown }): Buffer {
  const out = Buffer.alloc(img.width * img.height * 4);
  const bgr = img.colorMode !== 1; // ColorMode.RGB is 1; nut-js grabs BGR
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const s = y * img.byteWidth + x * img.channels;
      const d = (y * img.width + x) * 4;
      out[d] = img.data[s + (bgr ? 2 : 0)]!;
      out[d + 1] = img.data[s + 1]!;
      out[d + 2] = img.data[s + (bgr ? 0 : 2)]!;
      out[d + 3] = 255;
    }
  }
  return out;
}
