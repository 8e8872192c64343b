// The manifest entry of a quantized model: the source model's entry (task, tensors, other files
// such as a dictionary) with the new file in place of the old one.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ModelManifest } from '../../models/manifest.ts';
import { loadManifests, REPO_ROOT, resolveSource, sha256File } from '../../models/registry.ts';

export async function quantizedManifest(input: string, output: string, mode: 'int8' | 'int4', id: string): Promise<ModelManifest> {
  const rel = path.relative(REPO_ROOT, path.resolve(output));
  const source = findSource(path.resolve(input));
  const file = { role: 'model', source: { kind: 'repo' as const, path: rel }, size: readFileSync(output).length, sha256: await sha256File(output) };
  return {
    id,
    task: source?.task ?? 'unknown',
    description: `${source ? source.id : path.basename(input)} with ${mode} MatMul/Gemm weights (operant models quantize)`,
    files: [file, ...(source?.files.filter((f) => f.role !== 'model') ?? [])],
    inputs: source?.inputs ?? [],
    outputs: source?.outputs ?? [],
    quantization: mode,
  };
}

/** The registered model whose `model` file is `input`, if any. */
function findSource(input: string): ModelManifest | undefined {
  return loadManifests().find((m) => m.files.some((f) => {
    if (f.role !== 'model') return false;
    try {
      return path.resolve(resolveSource(f.source)) === input;
    } catch {
      return false;
    }
  }));
}
