// Quantizes the real PP-OCRv4 recognizer and reads text with it on onnxruntime.
import { readFileSync } from 'node:fs';
import ort from 'onnxruntime-node';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { TextRecognizer, charsetFrom } from '../../../engine/perception/recognizer.ts';
import { quantizeModel } from '../../../engine/quantize/quantizeModel.ts';
import { modelFiles } from '../../../models/registry.ts';

async function line(text: string) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="360" height="40"><rect width="360" height="40" fill="#fff"/><text x="10" y="26" font-family="DejaVu Sans" font-size="16" fill="#222">${text}</text></svg>`;
  const { data, info } = await sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data };
}

describe('quantizeModel', () => {
  const files = modelFiles('ppocr-v4-rec');

  it.each(['int4', 'int8'] as const)('rewrites the recognizer to %s and it still reads', async (mode) => {
    const { model, dictionary } = await files;
    const { bytes, report } = quantizeModel(readFileSync(model!), { mode });
    // The classifier head (120×6625) and the neck's projections; attention products stay fp32.
    expect(report.quantized.map((q) => q.shape)).toContainEqual([120, 6625]);
    expect(report.quantized).toHaveLength(9);
    expect(report.bytesAfter).toBeLessThan(report.bytesBefore * 0.75);
    const session = await ort.InferenceSession.create(bytes, { intraOpNumThreads: 1 });
    try {
      const rec = new TextRecognizer(session, charsetFrom(readFileSync(dictionary!, 'utf8')));
      const frame = await line('Quarterly revenue grew 12%');
      const [read] = await rec.recognize(frame, [{ x: 0, y: 0, w: frame.width, h: frame.height }]);
      expect(read!.text).toBe('Quarterly revenue grew 12%');
    } finally {
      await session.release();
    }
  });

  it('refuses bytes that are not a model', () => {
    expect(() => quantizeModel(Buffer.from('not a model at all'), { mode: 'int4' })).toThrow(expect.objectContaining({ exitCode: 2 }));
  });
});
