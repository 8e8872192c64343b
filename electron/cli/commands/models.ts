import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { badInput } from '../../../engine/errors.ts';
import { quantizedManifest } from '../../../engine/quantize/manifestEntry.ts';
import { quantizeModel } from '../../../engine/quantize/quantizeModel.ts';
import { loadManifests, MANIFEST_DIR, REPO_ROOT, verifyManifest } from '../../../models/registry.ts';
import { type Command, out } from '../command.ts';

const usage = `Usage: operant models list [--json]
       operant models verify [id…] [--json]
       operant models quantize <in.onnx> <out.onnx> --int8|--int4 [--block 32] [--id ID] [--json]

list      the registered models, their task, size and quantization
verify    checks every file's size and sha256; exit 2 when one is missing or corrupt
quantize  rewrites MatMul/Gemm weights: --int4 as MatMulNBits (blockwise, accuracy_level 4),
          --int8 as DynamicQuantizeMatMul (per output channel); convolutions stay fp32.
          When <out.onnx> is inside the repository, a manifest models/manifests/<ID>.json is
          written (ID defaults to the output's file name). \`npm run bench -- perception\`
          measures the accuracy and speed of quantized OCR recognition.`;

async function quantize(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { int8: { type: 'boolean' }, int4: { type: 'boolean' }, block: { type: 'string' }, id: { type: 'string' }, json: { type: 'boolean' } } });
  const [input, output] = positionals;
  if (!input || !output || positionals.length !== 2) throw badInput(`give an input and an output model.\n${usage}`);
  if (values.int8 === values.int4) throw badInput('choose exactly one of --int8 and --int4');
  if (!existsSync(input)) throw badInput(`no such model ${input}: give the path of an .onnx file (\`operant models list\` shows the registered ones)`);
  const mode = values.int4 ? 'int4' : 'int8';
  const blockSize = values.block === undefined ? 32 : Number(values.block);
  const { bytes, report } = quantizeModel(readFileSync(input), { mode, blockSize });
  if (!report.quantized.length) throw badInput(`${input} has no MatMul/Gemm with a constant weight to quantize (skipped: ${report.skipped.map((s) => `${s.node}: ${s.reason}`).join('; ') || 'none'})`);
  writeFileSync(output, bytes);
  const inRepo = !path.relative(REPO_ROOT, path.resolve(output)).startsWith('..');
  let manifest: string | undefined;
  if (inRepo) {
    const id = values.id ?? path.basename(output, '.onnx').toLowerCase().replace(/[^a-z0-9._-]+/g, '-');
    manifest = path.join(MANIFEST_DIR, `${id}.json`);
    writeFileSync(manifest, `${JSON.stringify(await quantizedManifest(input, output, mode, id), null, 2)}\n`);
  }
  const summary = { output, mode, quantized: report.quantized.length, skipped: report.skipped.length, bytesBefore: report.bytesBefore, bytesAfter: report.bytesAfter, manifest: manifest ?? null };
  if (values.json) out(JSON.stringify({ ...summary, report }));
  else {
    out(`${mode}: ${report.quantized.length} weights quantized, ${report.skipped.length} left fp32; ${(report.bytesBefore / 1e6).toFixed(1)} MB → ${(report.bytesAfter / 1e6).toFixed(1)} MB`);
    out(manifest ? `manifest written: ${path.relative(process.cwd(), manifest)}` : `no manifest written: ${output} is outside the repository (${REPO_ROOT})`);
  }
  return 0;
}

export const models: Command = {
  name: 'models',
  summary: 'list, verify and quantize the registered models',
  usage,
  async run(args) {
    if (args[0] === 'quantize') return quantize(args.slice(1));
    const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
    const [sub, ...ids] = positionals;
    const manifests = loadManifests();
    if (sub === 'list') {
      const rows = manifests.map((m) => ({ id: m.id, task: m.task, quantization: m.quantization, bytes: m.files.reduce((n, f) => n + f.size, 0), source: m.files[0]!.source.kind }));
      if (values.json) out(JSON.stringify(rows));
      else for (const r of rows) out(`${r.id.padEnd(24)} ${r.task.padEnd(18)} ${r.quantization.padEnd(5)} ${(r.bytes / 1e6).toFixed(1).padStart(7)} MB  ${r.source}`);
      return 0;
    }
    if (sub === 'verify') {
      const unknown = ids.filter((id) => !manifests.some((m) => m.id === id));
      if (unknown.length) throw badInput(`unknown model ${unknown.join(', ')}; run \`operant models list\``);
      const chosen = ids.length ? manifests.filter((m) => ids.includes(m.id)) : manifests;
      let bad = 0;
      const report = [];
      for (const m of chosen) {
        const files = await verifyManifest(m);
        bad += files.filter((f) => !f.ok).length;
        report.push({ id: m.id, ok: files.every((f) => f.ok), files });
        if (!values.json) for (const f of files) out(`${f.ok ? 'ok ' : 'BAD'} ${m.id} ${f.role}${f.ok ? '' : `: ${f.problem}`}`);
      }
      if (values.json) out(JSON.stringify(report));
      return bad ? 2 : 0;
    }
    throw badInput(`expected "list", "verify" or "quantize".\n${usage}`);
  },
};
