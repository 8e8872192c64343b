// Weight quantization math, on plain arrays: per-channel int8 and blockwise int4 in the layout
// of onnxruntime's MatMulNBits.

/**
 * Symmetric per-column int8 of a row-major [K, N] weight: q = round(w / scale), scale =
 * max|w| / 127 per output column, so each column keeps its own range.
 */
export function quantizeInt8PerColumn(w: Float32Array, K: number, N: number): { q: Int8Array; scales: Float32Array } {
  const scales = new Float32Array(N);
  for (let n = 0; n < N; n++) {
    let max = 0;
    for (let k = 0; k < K; k++) max = Math.max(max, Math.abs(w[k * N + n]!));
    scales[n] = max / 127 || 1;
  }
  const q = new Int8Array(K * N);
  for (let k = 0; k < K; k++) for (let n = 0; n < N; n++) q[k * N + n] = Math.max(-127, Math.min(127, Math.round(w[k * N + n]! / scales[n]!)));
  return { q, scales };
}

/**
 * Blockwise 4-bit of a row-major [K, N] weight for MatMulNBits: B is [N, blocks, blockSize/2]
 * bytes (two values per byte, the even k in the low nibble), one scale per (n, block), and
 * asymmetric zero points packed the same way, so a block whose values are all positive loses
 * no level to the sign.
 */
export function quantizeInt4Blocks(w: Float32Array, K: number, N: number, blockSize: number) {
  const blocks = Math.ceil(K / blockSize);
  const blob = blockSize / 2;
  const packed = new Uint8Array(N * blocks * blob);
  const scales = new Float32Array(N * blocks);
  const zeros = new Uint8Array(N * Math.ceil(blocks / 2));
  for (let n = 0; n < N; n++) {
    for (let b = 0; b < blocks; b++) {
      const k0 = b * blockSize;
      const k1 = Math.min(K, k0 + blockSize);
      let lo = 0;
      let hi = 0;
      for (let k = k0; k < k1; k++) { lo = Math.min(lo, w[k * N + n]!); hi = Math.max(hi, w[k * N + n]!); }
      const scale = (hi - lo) / 15 || 1;
      const zero = Math.max(0, Math.min(15, Math.round(-lo / scale)));
      scales[n * blocks + b] = scale;
      zeros[n * Math.ceil(blocks / 2) + (b >> 1)]! |= zero << ((b & 1) * 4);
      for (let k = k0; k < k0 + blockSize; k++) {
        // Padding past K quantizes to the zero point: it contributes nothing.
        const v = k < k1 ? Math.max(0, Math.min(15, Math.round(w[k * N + n]! / scale) + zero)) : zero;
        const at = (n * blocks + b) * blob + ((k - k0) >> 1);
        packed[at]! |= v << (((k - k0) & 1) * 4);
      }
    }
  }
  return { packed, scales, zeros, blocks, blob };
}

/** What the int4 encoding gives back, for checking: w ≈ (q - zero) · scale. */
export function dequantizeInt4Blocks(q: ReturnType<typeof quantizeInt4Blocks>, K: number, N: number, blockSize: number): Float32Array {
  const out = new Float32Array(K * N);
  for (let n = 0; n < N; n++) {
    for (let k = 0; k < K; k++) {
      const b = Math.floor(k / blockSize);
      const at = (n * q.blocks + b) * q.blob + ((k - b * blockSize) >> 1);
      const v = (q.packed[at]! >> (((k - b * blockSize) & 1) * 4)) & 15;
      const z = (q.zeros[n * Math.ceil(q.blocks / 2) + (b >> 1)]! >> ((b & 1) * 4)) & 15;
      out[k * N + n] = (v - z) * q.scales[n * q.blocks + b]!;
    }
  }
  return out;
}
