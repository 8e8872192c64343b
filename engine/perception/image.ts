// RGBA frames and the few pixel operations perception needs, on raw buffers.
import sharp from 'sharp';
import { badInput } from '../errors.ts';

export interface RgbaImage {
  width: number;
  height: number;
  /** RGBA, width*height*4 bytes. */
  data: Buffer;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The largest frame perception accepts: bigger than any real display, small enough to fit memory. */
export const MAX_SIDE = 8192;

/** Rejects frames the pipeline cannot handle, with what to do instead. */
export function checkFrame(frame: RgbaImage): void {
  const { width, height, data } = frame;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw badInput(`frame is ${width}×${height}: an image needs at least one pixel; check the capture or the file`);
  }
  if (width > MAX_SIDE || height > MAX_SIDE) {
    throw badInput(`frame is ${width}×${height}, larger than ${MAX_SIDE} px on a side: downscale it first (e.g. \`convert in.png -resize 50% out.png\`)`);
  }
  if (data.length !== width * height * 4) {
    throw badInput(`frame buffer has ${data.length} bytes, expected ${width * height * 4} for RGBA ${width}×${height}`);
  }
}

/** Cuts `r` out of `img` and scales it to `outW`×`outH` (bilinear, by libvips), still RGBA. */
export async function cropResize(img: RgbaImage, r: Rect, outW: number, outH: number): Promise<RgbaImage> {
  let pipeline = sharp(img.data, { raw: { width: img.width, height: img.height, channels: 4 } });
  if (r.x !== 0 || r.y !== 0 || r.w !== img.width || r.h !== img.height) pipeline = pipeline.extract({ left: r.x, top: r.y, width: r.w, height: r.h });
  if (outW !== r.w || outH !== r.h) pipeline = pipeline.resize(outW, outH, { fit: 'fill', kernel: 'linear' });
  const data = await pipeline.raw().toBuffer();
  return { width: outW, height: outH, data };
}

/** Luma (0..255) of pixel i (an index into width*height). */
export const luma = (d: Buffer, i: number) => (d[i * 4]! * 77 + d[i * 4 + 1]! * 150 + d[i * 4 + 2]! * 29) >> 8;

/** Median luma of a rectangle's border: what a text crop's background is. */
export function borderLuma(img: RgbaImage, r: Rect): number {
  const v: number[] = [];
  for (let x = r.x; x < r.x + r.w; x++) v.push(luma(img.data, r.y * img.width + x), luma(img.data, (r.y + r.h - 1) * img.width + x));
  for (let y = r.y; y < r.y + r.h; y++) v.push(luma(img.data, y * img.width + r.x), luma(img.data, y * img.width + r.x + r.w - 1));
  v.sort((a, b) => a - b);
  return v[v.length >> 1] ?? 255;
}

export const clampRect = (r: Rect, width: number, height: number): Rect => {
  const x = Math.max(0, Math.min(width - 1, Math.floor(r.x)));
  const y = Math.max(0, Math.min(height - 1, Math.floor(r.y)));
  return { x, y, w: Math.max(1, Math.min(width - x, Math.ceil(r.x + r.w) - x)), h: Math.max(1, Math.min(height - y, Math.ceil(r.y + r.h) - y)) };
};

/** The area two rectangles share. */
export const overlap = (a: Rect, b: Rect) => Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
export const intersects = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

export const union = (a: Rect, b: Rect): Rect => {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
};
