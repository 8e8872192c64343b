// Text recognition: batched PP-OCR CTC recognition of line crops, cut into words with boxes.
import ort from 'onnxruntime-node';
import { ctcDecode } from './ctc.ts';
import { clampRect, cropResize, type Rect, type RgbaImage } from './image.ts';
import { lineInk } from './lineInk.ts';
import { splitSegment, type Word } from './words.ts';

export type { Word } from './words.ts';

const HEIGHT = 48;
/** The model's output has one frame per 8 input columns. */
const STRIDE = 8;
/** Longer lines are squeezed: wider inputs cost memory and the model was trained on ≤ 25:1 crops. */
const MAX_WIDTH = HEIGHT * 40;
/** Total input columns per batch: batches of similar width waste little on padding. */
const BATCH_COLUMNS = 4096;
/** Margin around the ink in the crop the model reads (measured best at 11–14 px text). */
const MARGIN_X = 4;
const MARGIN_Y = 2;
/** Word boxes reach this far (relative to the glyphs' height) above and below the ink, like a font's box. */
const BOX_PAD = 0.12;

export interface Line {
  text: string;
  box: Rect;
  confidence: number;
  words: Word[];
}

/** Reads a dictionary file's text into CTC classes: blank, its lines, then space. */
export const charsetFrom = (dict: string): string[] => ['', ...dict.split(/\r?\n/).filter((l, i, a) => l !== '' || i < a.length - 1), ' '];

interface Crop {
  /** Which line the word candidate belongs to. */
  line: number;
  rect: Rect;
  /** The word's box in the frame. */
  box: Rect;
  /** Width after scaling to the model's height. */
  width: number;
  data: Float32Array;
}

export class TextRecognizer {
  constructor(
    private readonly session: ort.InferenceSession,
    private readonly charset: readonly string[],
  ) {}

  /**
   * Reads the text lines in `boxes`: each line's ink is cut into word candidates, and every
   * candidate is read as its own tight crop, all in batches of similar width.
   */
  async recognize(frame: RgbaImage, boxes: Rect[]): Promise<Line[]> {
    const crops: Crop[] = [];
    const lineBoxes: Rect[] = [];
    for (const b of boxes) {
      const box = clampRect(b, frame.width, frame.height);
      if (box.w < 4 || box.h < 4) continue;
      const ink = lineInk(frame, box);
      const h = ink.bottom - ink.top + 1;
      const pad = Math.round(BOX_PAD * h);
      for (const seg of ink.segments) {
        const rect = clampRect({ x: seg.x0 - MARGIN_X, y: ink.top - MARGIN_Y, w: seg.x1 - seg.x0 + 1 + 2 * MARGIN_X, h: h + 2 * MARGIN_Y }, frame.width, frame.height);
        const wordBox = { x: seg.x0, y: ink.top - pad, w: seg.x1 - seg.x0 + 1, h: h + 2 * pad };
        crops.push(await this.prepare(frame, rect, wordBox, ink.lightOnDark, lineBoxes.length));
      }
      lineBoxes.push(box);
    }
    const order = [...crops].sort((a, b) => a.width - b.width);
    const words: Word[][] = lineBoxes.map(() => []);
    for (let i = 0; i < order.length; ) {
      let j = i + 1;
      // Every crop in a batch is padded to the widest: keep widths within a quarter of each other.
      while (j < order.length && order[j]!.width * (j - i + 1) <= BATCH_COLUMNS && order[j]!.width <= order[i]!.width * 1.25 + STRIDE) j++;
      const batch = order.slice(i, j);
      for (const [k, found] of (await this.runBatch(batch)).entries()) words[batch[k]!.line]!.push(...found);
      i = j;
    }
    return lineBoxes
      .map((box, i) => {
        const ws = words[i]!.sort((a, b) => a.box.x - b.box.x);
        const confidence = ws.length ? ws.reduce((s, w) => s + w.confidence, 0) / ws.length : 0;
        return { text: ws.map((w) => w.text).join(' '), box, confidence, words: ws };
      })
      .filter((l) => l.words.length > 0);
  }

  private async prepare(frame: RgbaImage, rect: Rect, box: Rect, invert: boolean, line: number): Promise<Crop> {
    const width = Math.max(STRIDE, Math.min(MAX_WIDTH, Math.round((rect.w * HEIGHT) / rect.h)));
    const img = await cropResize(frame, rect, width, HEIGHT);
    // The model reads dark text on light backgrounds best: light-on-dark crops are inverted.
    const plane = width * HEIGHT;
    const data = new Float32Array(3 * plane);
    for (let i = 0; i < plane; i++) {
      for (let c = 0; c < 3; c++) {
        const v = img.data[i * 4 + 2 - c]!;
        data[c * plane + i] = ((invert ? 255 - v : v) / 255 - 0.5) / 0.5;
      }
    }
    return { line, rect, box, width, data };
  }

  private async runBatch(batch: Crop[]): Promise<Word[][]> {
    const W = Math.ceil(batch[batch.length - 1]!.width / STRIDE) * STRIDE;
    const plane = W * HEIGHT;
    // Padding is white: after inversion every crop is dark text on a light background.
    const input = new Float32Array(batch.length * 3 * plane).fill(1);
    for (const [b, crop] of batch.entries()) {
      for (let c = 0; c < 3; c++) {
        for (let y = 0; y < HEIGHT; y++) {
          const from = c * crop.width * HEIGHT + y * crop.width;
          input.set(crop.data.subarray(from, from + crop.width), (b * 3 + c) * plane + y * W);
        }
      }
    }
    const out = await this.session.run({ [this.session.inputNames[0]!]: new ort.Tensor('float32', input, [batch.length, 3, HEIGHT, W]) });
    const probs = out[this.session.outputNames[0]!]!;
    const [, frames, classes] = probs.dims as number[];
    const all = probs.data as Float32Array;
    return batch.map((crop, b) => {
      const used = Math.min(frames!, Math.ceil(crop.width / STRIDE));
      const chars = ctcDecode(all.subarray(b * frames! * classes!, (b + 1) * frames! * classes!), used, classes!, this.charset);
      const perFrame = (crop.rect.w / crop.width) * STRIDE;
      return splitSegment(chars.map((c) => ({ ...c, x: crop.rect.x + ((c.first + c.last + 1) / 2) * perFrame })), crop.box);
    });
  }
}
