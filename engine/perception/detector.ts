// Text detection: runs the PP-OCR DB model on regions of a frame and returns line boxes in
// frame pixels.
import ort from 'onnxruntime-node';
import sharp from 'sharp';
import { dbBoxes, DB_DEFAULTS, type DbOptions, type TextBox } from './dbPostprocess.ts';
import type { Rect, RgbaImage } from './image.ts';

// ImageNet statistics in the BGR order PaddleOCR feeds its models (it reads images with OpenCV).
const MEAN = [0.406, 0.456, 0.485];
const STD = [0.225, 0.224, 0.229];

export interface DetectOptions extends Partial<DbOptions> {
  /** Detection runs on the region scaled by this (0.5 on a 2x HiDPI frame keeps text at ~1x). */
  scale?: number;
}

export class TextDetector {
  constructor(private readonly session: ort.InferenceSession) {}

  /** Line boxes inside `region` of `frame`, in frame pixels. */
  async detect(frame: RgbaImage, region: Rect, opts: DetectOptions = {}): Promise<TextBox[]> {
    const scale = opts.scale ?? 1;
    const w = Math.max(1, Math.round(region.w * scale));
    const h = Math.max(1, Math.round(region.h * scale));
    // The network downsamples by 32; pad by repeating the edge so the padding adds no edges.
    const W = Math.ceil(w / 32) * 32;
    const H = Math.ceil(h / 32) * 32;
    let img = sharp(frame.data, { raw: { width: frame.width, height: frame.height, channels: 4 } })
      .extract({ left: region.x, top: region.y, width: region.w, height: region.h });
    if (w !== region.w || h !== region.h) img = img.resize(w, h, { fit: 'fill', kernel: 'linear' });
    const rgb = await img.removeAlpha().extend({ right: W - w, bottom: H - h, extendWith: 'copy' }).raw().toBuffer();
    const tensor = toBgrTensor(rgb, W, H);
    const feeds = { [this.session.inputNames[0]!]: new ort.Tensor('float32', tensor, [1, 3, H, W]) };
    const out = await this.session.run(feeds);
    const prob = out[this.session.outputNames[0]!]!.data as Float32Array;
    const boxes = dbBoxes(prob.subarray(0, W * H), W, H, { ...DB_DEFAULTS, ...opts });
    return boxes
      .map((b) => ({ ...b, x: region.x + b.x / scale, y: region.y + b.y / scale, w: b.w / scale, h: b.h / scale }))
      .filter((b) => b.x < region.x + region.w && b.y < region.y + region.h);
  }
}

function toBgrTensor(rgb: Buffer, W: number, H: number): Float32Array {
  const plane = W * H;
  const t = new Float32Array(3 * plane);
  for (let i = 0; i < plane; i++) {
    t[i] = (rgb[i * 3 + 2]! / 255 - MEAN[0]!) / STD[0]!;
    t[plane + i] = (rgb[i * 3 + 1]! / 255 - MEAN[1]!) / STD[1]!;
    t[2 * plane + i] = (rgb[i * 3]! / 255 - MEAN[2]!) / STD[2]!;
  }
  return t;
}
