import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { badInput } from '../../../engine/errors.ts';
import { EngineHost } from '../../../engine/host/engineHost.ts';
import { MAX_SIDE } from '../../../engine/perception/image.ts';
import type { Perception } from '../../../engine/perception/types.ts';
import { captureScreen } from '../../core/capture.ts';
import { type Command, out } from '../command.ts';

const usage = `Usage: operant perceive <image.png> [--previous <image.png>] [--scale N] [--json]
       operant perceive --screen [--display :N] [--json]

Reads a screen image (or the live screen) and prints its UI elements: text (one element per
word), buttons, fields, checkboxes, radios, toggles, dropdowns, sliders, icons and scrollbars,
with boxes [x, y, width, height] in the image's pixels. Icon-only controls the icon recognizer
knows get its name and synonyms as their text ("trash delete bin"); OPERANT_ICONS=0 turns it off.

--previous IMG  perceive IMG first, then <image.png> incrementally (only changed tiles), as the agent does between steps
--scale N       device pixels per layout pixel (2 for a HiDPI screenshot); default 1
--threads N     inference threads (default: OPERANT_THREADS or half the cores)
--json          one JSON object: {"width","height","elements":[…],"timings":{…}}`;

/** Decodes an image file to RGBA, refusing what perception cannot use before decoding it. */
async function readImage(file: string, scale: number) {
  if (!existsSync(file)) throw badInput(`no such file ${file}: give the path of a PNG or JPEG screenshot`);
  let meta;
  try {
    // The header alone says the size; sharp's own pixel limit would hide the real reason.
    meta = await sharp(file, { limitInputPixels: false }).metadata();
  } catch {
    throw badInput(`${file} is not an image (PNG, JPEG, WebP, GIF or TIFF): give a screenshot file`);
  }
  const { width = 0, height = 0 } = meta;
  if (width <= 0 || height <= 0) throw badInput(`${file} is ${width}×${height}: an image needs at least one pixel`);
  if (width > MAX_SIDE || height > MAX_SIDE) throw badInput(`${file} is ${width}×${height}, larger than ${MAX_SIDE} px on a side: downscale it first (e.g. \`convert ${file} -resize 50% smaller.png\`)`);
  try {
    const { data, info } = await sharp(file).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    return { width: info.width, height: info.height, scale, data };
  } catch (e) {
    throw badInput(`${file} could not be decoded (${(e as Error).message}): it may be truncated; take the screenshot again`);
  }
}

function print(p: Perception, json: boolean) {
  if (json) return out(JSON.stringify(p));
  for (const e of p.elements) out(`${e.kind.padEnd(10)} ${e.box.join(',').padEnd(20)} ${JSON.stringify(e.text)}${e.state?.checked !== undefined ? ` checked=${e.state.checked}` : ''}`);
  out(`${p.elements.length} elements, ${p.width}×${p.height}, ${Math.round(p.timings.total ?? 0)} ms`);
}

export const perceive: Command = {
  name: 'perceive',
  summary: 'read a screenshot or the screen: words, controls and their boxes',
  usage,
  async run(args) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, screen: { type: 'boolean' }, display: { type: 'string' }, previous: { type: 'string' }, scale: { type: 'string' }, threads: { type: 'string' } },
    });
    const scale = values.scale === undefined ? 1 : Number(values.scale);
    if (!(scale > 0 && scale <= 4)) throw badInput(`--scale must be a number from 0 to 4 (got ${values.scale})`);
    const threads = values.threads === undefined ? undefined : Number(values.threads);
    if (threads !== undefined && !(Number.isInteger(threads) && threads > 0)) throw badInput(`--threads must be a positive integer (got ${values.threads})`);
    if (values.screen ? positionals.length > 0 : positionals.length !== 1) throw badInput(`give one image, or --screen.\n${usage}`);
    if (values.screen && values.previous) throw badInput('--previous works with image files; with --screen each capture is already compared to the last');

    // Inputs are checked before the models load, so a bad argument fails fast.
    const frame = values.screen ? await captureScreen({ display: values.display }) : await readImage(positionals[0]!, scale);
    const previous = values.previous ? await readImage(values.previous, scale) : undefined;
    if (previous && (previous.width !== frame.width || previous.height !== frame.height)) {
      throw badInput(`--previous is ${previous.width}×${previous.height} but the image is ${frame.width}×${frame.height}: incremental perception compares frames of one size`);
    }
    const host = await EngineHost.start({ threads });
    try {
      if (previous) await host.perceive(previous);
      print(await host.perceive(frame), values.json ?? false);
    } finally {
      await host.dispose();
    }
    return 0;
  },
};
