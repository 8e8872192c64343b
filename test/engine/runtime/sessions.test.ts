import { describe, expect, it } from 'vitest';
import { modelFiles } from '../../../models/registry.ts';
import { openSession, SessionCache } from '../../../engine/runtime/sessions.ts';

describe('sessions', () => {
  it('falls back along the chain and says why each provider was skipped', async () => {
    const { model } = await modelFiles('ppocr-mobile-v2-cls');
    const reasons: string[] = [];
    // This machine has no CUDA libraries: asking for cuda must fall back to cpu, with a reason.
    const opened = await openSession(model!, { providers: ['cuda', 'cpu'], threads: 1, onFallback: (p, r) => reasons.push(`${p}: ${r}`) });
    expect(opened.provider).toBe('cpu');
    expect(opened.skipped.map((s) => s.provider)).toEqual(['cuda']);
    expect(opened.skipped[0]!.reason.length).toBeGreaterThan(10);
    await opened.session.release();
  });

  it('caches one session per model and options, and releases them on dispose', async () => {
    const { model } = await modelFiles('ppocr-mobile-v2-cls');
    const cache = new SessionCache({ threads: 1, onFallback: () => {} });
    const a = await cache.get(model!);
    const b = await cache.get(model!);
    const c = await cache.get(model!, { threads: 2 });
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    expect(cache.size).toBe(2);
    await cache.dispose();
    expect(cache.size).toBe(0);
    await expect(a.session.run({})).rejects.toThrow();
  });

  it('names the file and the fix when a model cannot load', async () => {
    await expect(openSession('/nonexistent/model.onnx', { providers: ['cpu'], threads: 1 })).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining('/nonexistent/model.onnx') });
  });
});
