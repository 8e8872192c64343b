// Rewrites an ONNX model's MatMul/Gemm weights to int8 (DynamicQuantizeMatMul, per output
// channel) or int4 (MatMulNBits, blockwise, accuracy_level 4: int8 compute on x64 CPUs).
// Convolutions are left as they are: onnxruntime's CPU kernels gain nothing from
// weight-only quantization of them.
import onnxProto from 'onnx-proto';
import { badInput } from '../errors.ts';
import { quantizeInt4Blocks, quantizeInt8PerColumn } from './weights.ts';

const { onnx } = onnxProto;
type Tensor = onnxProto.onnx.ITensorProto;
type Node = onnxProto.onnx.INodeProto;

export type QuantMode = 'int8' | 'int4';

export interface QuantizeOptions {
  mode: QuantMode;
  /** int4 block size along K (a power of two ≥ 16). */
  blockSize?: number;
  /** Weights with fewer values stay fp32: their tables would cost more than they save. */
  minElements?: number;
}

export interface QuantizeReport {
  quantized: { node: string; weight: string; shape: [number, number] }[];
  skipped: { node: string; reason: string }[];
  bytesBefore: number;
  bytesAfter: number;
}

export function quantizeModel(bytes: Uint8Array, opts: QuantizeOptions): { bytes: Uint8Array; report: QuantizeReport } {
  let model;
  try {
    model = onnx.ModelProto.decode(bytes);
  } catch (e) {
    throw badInput(`not an ONNX model (${(e as Error).message}): give a .onnx file`);
  }
  const graph = model.graph;
  if (!graph?.node?.length) throw badInput('the ONNX model has no graph nodes');
  const blockSize = opts.blockSize ?? 32;
  if (opts.mode === 'int4' && (blockSize < 16 || (blockSize & (blockSize - 1)) !== 0)) throw badInput(`--block must be a power of two ≥ 16 (got ${blockSize})`);
  const minElements = opts.minElements ?? 4096;

  // Weights live in initializers or, in older exports (paddle2onnx), in Constant nodes.
  const constants = new Map<string, { tensor: Tensor; producer?: Node }>();
  for (const t of graph.initializer ?? []) constants.set(t.name!, { tensor: t });
  for (const n of graph.node) if (n.opType === 'Constant' && n.output?.[0]) {
    const value = n.attribute?.find((a) => a.name === 'value')?.t;
    if (value) constants.set(n.output[0], { tensor: value, producer: n });
  }
  const uses = new Map<string, number>();
  for (const n of graph.node) for (const i of n.input ?? []) uses.set(i, (uses.get(i) ?? 0) + 1);

  const report: QuantizeReport = { quantized: [], skipped: [], bytesBefore: bytes.length, bytesAfter: 0 };
  const added: Tensor[] = [];
  const dropped = new Set<string>();
  const nodes: Node[] = [];
  for (const node of graph.node) {
    const weightName = node.input?.[1];
    const c = weightName ? constants.get(weightName) : undefined;
    const isMatMul = node.opType === 'MatMul' || (node.opType === 'Gemm' && gemmIsPlain(node));
    if (!isMatMul) { nodes.push(node); continue; }
    const name = node.name || node.output![0]!;
    if (!c) { report.skipped.push({ node: name, reason: 'weight is computed at run time' }); nodes.push(node); continue; }
    const dims = (c.tensor.dims ?? []).map(Number);
    if (dims.length !== 2 || c.tensor.dataType !== onnx.TensorProto.DataType.FLOAT) { report.skipped.push({ node: name, reason: `weight is not a 2-D float matrix (${dims.join('×')})` }); nodes.push(node); continue; }
    if (dims[0]! * dims[1]! < minElements) { report.skipped.push({ node: name, reason: `weight has ${dims[0]! * dims[1]!} values, under ${minElements}` }); nodes.push(node); continue; }
    let w = floats(c.tensor);
    let [K, N] = dims as [number, number];
    if (node.opType === 'Gemm' && attr(node, 'transB') === 1) {
      w = transpose(w, K, N);
      [K, N] = [N, K];
    }
    const out = node.output![0]!;
    const bias = node.opType === 'Gemm' ? node.input?.[2] : undefined;
    const y = bias ? `${out}_nobias` : out;
    const base = `${weightName}_${opts.mode}`;
    if (opts.mode === 'int8') {
      const { q, scales } = quantizeInt8PerColumn(w, K, N);
      added.push(tensor(`${base}_q`, onnx.TensorProto.DataType.INT8, [K, N], { rawData: new Uint8Array(q.buffer) }), tensor(`${base}_scale`, onnx.TensorProto.DataType.FLOAT, [N], { rawData: new Uint8Array(scales.buffer) }));
      nodes.push(onnx.NodeProto.create({ name: `${name}_int8`, opType: 'DynamicQuantizeMatMul', domain: 'com.microsoft', input: [node.input![0]!, `${base}_q`, `${base}_scale`], output: [y] }));
    } else {
      const q = quantizeInt4Blocks(w, K, N, blockSize);
      added.push(
        tensor(`${base}_q`, onnx.TensorProto.DataType.UINT8, [N, q.blocks, q.blob], { rawData: q.packed }),
        tensor(`${base}_scales`, onnx.TensorProto.DataType.FLOAT, [N * q.blocks], { rawData: new Uint8Array(q.scales.buffer) }),
        tensor(`${base}_zeros`, onnx.TensorProto.DataType.UINT8, [N * Math.ceil(q.blocks / 2)], { rawData: q.zeros }),
      );
      nodes.push(onnx.NodeProto.create({
        name: `${name}_int4`,
        opType: 'MatMulNBits',
        domain: 'com.microsoft',
        input: [node.input![0]!, `${base}_q`, `${base}_scales`, `${base}_zeros`],
        output: [y],
        attribute: [intAttr('K', K), intAttr('N', N), intAttr('bits', 4), intAttr('block_size', blockSize), intAttr('accuracy_level', 4)],
      }));
    }
    if (bias) nodes.push(onnx.NodeProto.create({ name: `${name}_bias`, opType: 'Add', input: [y, bias], output: [out] }));
    report.quantized.push({ node: name, weight: weightName!, shape: [K, N] });
    if (uses.get(weightName!) === 1) dropped.add(weightName!);
  }
  graph.node = nodes.filter((n) => !(n.opType === 'Constant' && dropped.has(n.output![0]!)));
  graph.initializer = [...(graph.initializer ?? []).filter((t) => !dropped.has(t.name!)), ...added];
  if (report.quantized.length && !model.opsetImport?.some((o) => o.domain === 'com.microsoft')) {
    model.opsetImport = [...(model.opsetImport ?? []), onnx.OperatorSetIdProto.create({ domain: 'com.microsoft', version: 1 })];
  }
  const out = onnx.ModelProto.encode(model).finish();
  report.bytesAfter = out.length;
  return { bytes: out, report };
}

function floats(t: Tensor): Float32Array {
  // Copy: protobufjs hands Buffers that are views into a shared pool.
  if (t.rawData?.length) return new Float32Array(Uint8Array.from(t.rawData).buffer);
  return Float32Array.from(t.floatData ?? []);
}

function transpose(w: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(w.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = w[r * cols + c]!;
  return out;
}

const attr = (n: Node, name: string) => Number(n.attribute?.find((a) => a.name === name)?.i ?? 0);
const attrF = (n: Node, name: string, d: number) => n.attribute?.find((a) => a.name === name)?.f ?? d;
/** A Gemm that is a MatMul plus bias: no transposed A, no scaling. */
const gemmIsPlain = (n: Node) => attr(n, 'transA') === 0 && attrF(n, 'alpha', 1) === 1 && attrF(n, 'beta', 1) === 1;
const intAttr = (name: string, i: number) => onnx.AttributeProto.create({ name, i, type: onnx.AttributeProto.AttributeType.INT });
const tensor = (name: string, dataType: number, dims: number[], data: { rawData: Uint8Array }) => onnx.TensorProto.create({ name, dataType, dims, ...data });
