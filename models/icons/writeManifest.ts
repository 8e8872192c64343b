// Registers the trained icon recognizer: size and sha256 of its file in models/manifests/icon-names.json.
import { statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ICON_CLASSES } from '../../engine/perception/iconClasses.ts';
import { ICON_INPUT_SIDE } from '../../engine/perception/iconInput.ts';
import { ICON_MODEL_ID } from '../../engine/perception/iconNamer.ts';
import type { ModelManifest } from '../manifest.ts';
import { MANIFEST_DIR, REPO_ROOT, sha256File } from '../registry.ts';

export const MODEL_PATH = 'models/icons/icon-names.onnx';

export async function writeManifest(): Promise<ModelManifest> {
  const file = path.join(REPO_ROOT, MODEL_PATH);
  const manifest: ModelManifest = {
    id: ICON_MODEL_ID,
    task: 'icon-classification',
    description: `Icon recognizer: a ${ICON_INPUT_SIDE}×${ICON_INPUT_SIDE} crop of an icon-like element → ${ICON_CLASSES.length} classes (${ICON_CLASSES.map((c) => c.name).join(', ')}); see models/icons/MODEL_CARD.md`,
    files: [{ role: 'model', source: { kind: 'repo', path: MODEL_PATH }, size: statSync(file).size, sha256: await sha256File(file) }],
    inputs: [{ name: 'crops', type: 'float32', shape: ['n', 1, ICON_INPUT_SIDE, ICON_INPUT_SIDE] }],
    outputs: [{ name: 'probs', type: 'float32', shape: ['n', ICON_CLASSES.length] }],
    quantization: 'fp32',
  };
  writeFileSync(path.join(MANIFEST_DIR, `${ICON_MODEL_ID}.json`), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
