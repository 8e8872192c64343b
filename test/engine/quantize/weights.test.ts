import { describe, expect, it } from 'vitest';
import { dequantizeInt4Blocks, quantizeInt4Blocks, quantizeInt8PerColumn } from '../../../engine/quantize/weights.ts';
import { rng } from '../../fixtures/screens/generate.ts';

const random = (n: number, seed: number) => {
  const r = rng(seed);
  return Float32Array.from({ length: n }, () => (r() - 0.5) * 2);
};

describe('weight quantization', () => {
  it('int8 per column keeps each value within half a step of its column', () => {
    const [K, N] = [40, 7];
    const w = random(K * N, 1);
    for (let k = 0; k < K; k++) w[k * N + 3]! *= 0.01; // one column with a tiny range keeps its precision
    const { q, scales } = quantizeInt8PerColumn(w, K, N);
    for (let i = 0; i < w.length; i++) expect(Math.abs(q[i]! * scales[i % N]! - w[i]!)).toBeLessThanOrEqual(scales[i % N]! / 2 + 1e-7);
    expect(scales[3]!).toBeLessThan(scales[0]! / 20);
  });

  it('int4 blocks pack two values a byte, low nibble first, and decode within half a step', () => {
    const [K, N, block] = [70, 5, 32]; // K not a multiple of the block: the last block is padded
    const w = random(K * N, 2);
    const q = quantizeInt4Blocks(w, K, N, block);
    expect(q.blocks).toBe(3);
    expect(q.packed.length).toBe(N * 3 * 16);
    const back = dequantizeInt4Blocks(q, K, N, block);
    for (let i = 0; i < w.length; i++) {
      const n = i % N;
      const b = Math.floor(Math.floor(i / N) / block);
      expect(Math.abs(back[i]! - w[i]!)).toBeLessThanOrEqual(q.scales[n * q.blocks + b]! / 2 + 1e-6);
    }
  });

  it('puts k=0 in the low nibble of the first byte', () => {
    const w = new Float32Array(32).fill(0);
    w[0] = 1;
    w[1] = -1;
    const q = quantizeInt4Blocks(w, 32, 1, 32);
    const zero = q.zeros[0]! & 15;
    expect(q.packed[0]! & 15).toBe(15);
    expect(q.packed[0]! >> 4).toBeLessThanOrEqual(1);
    expect(q.packed[1]! & 15).toBe(zero);
  });
});
