// OCR of a frame's regions: detection there, then batched recognition of every line found.
import { readFileSync } from 'node:fs';
import { modelFiles } from '../../models/registry.ts';
import type { SessionCache } from '../runtime/sessions.ts';
import { TextDetector } from './detector.ts';
import { clampRect, type Rect, type RgbaImage } from './image.ts';
import { charsetFrom, type Line, TextRecognizer } from './recognizer.ts';

export interface OcrTimings {
  detect: number;
  recognize: number;
}

export class Ocr {
  private constructor(
    private readonly detector: TextDetector,
    private readonly recognizer: TextRecognizer,
  ) {}

  /**
   * Loads (and verifies) the PP-OCRv4 detection and recognition models through `sessions`;
   * `manifestDir` points at another set of manifests (a quantized variant, or a test's).
   */
  static async load(sessions: SessionCache, manifestDir?: string): Promise<Ocr> {
    const det = await modelFiles('ppocr-v4-det', manifestDir);
    const rec = await modelFiles('ppocr-v4-rec', manifestDir);
    const [d, r] = await Promise.all([sessions.get(det.model!), sessions.get(rec.model!)]);
    return new Ocr(new TextDetector(d.session), new TextRecognizer(r.session, charsetFrom(readFileSync(rec.dictionary!, 'utf8'))));
  }

  /**
   * Lines whose centre lies in one of `regions`. Detection sees each region grown by a small
   * margin so text touching a region's edge keeps its context.
   */
  async read(frame: RgbaImage, regions: Rect[], opts: { scale: number }, timings: OcrTimings): Promise<Line[]> {
    let t = performance.now();
    const boxes = [];
    for (const r of regions) {
      const grown = clampRect({ x: r.x - 8, y: r.y - 8, w: r.w + 16, h: r.h + 16 }, frame.width, frame.height);
      for (const b of await this.detector.detect(frame, grown, { scale: opts.scale })) {
        const cx = b.x + b.w / 2;
        const cy = b.y + b.h / 2;
        if (cx >= r.x && cx < r.x + r.w && cy >= r.y && cy < r.y + r.h) boxes.push(b);
      }
    }
    timings.detect += performance.now() - t;
    t = performance.now();
    const lines = await this.recognizer.recognize(frame, boxes);
    timings.recognize += performance.now() - t;
    return lines;
  }

  /** Reads `boxes` as text lines without detecting them: glyphs detection passed over. */
  readBoxes(frame: RgbaImage, boxes: Rect[]): Promise<Line[]> {
    return this.recognizer.recognize(frame, boxes);
  }
}
