// Registers the trained action model: sizes and sha256 of its files in models/manifests/action-policy.json.
import { statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ACTION_MODEL_ID } from '../../engine/policy/actionModel.ts';
import { ELEMENT_FEATURES, GLOBAL_FEATURES, MATCH_CHANNELS, TOKEN_FEATURES } from '../../engine/policy/features.ts';
import { KEY_COMBOS, MODEL_ACTIONS } from '../../engine/policy/vocabulary.ts';
import { makeVocabulary } from '../../engine/policy/vocabularyFile.ts';
import { loadWordVectors, WORD_DIMS } from '../../engine/policy/wordVectors.ts';
import type { ModelManifest } from '../manifest.ts';
import { MANIFEST_DIR, REPO_ROOT, sha256File } from '../registry.ts';

export const MODEL_PATH = 'models/action/action-policy.onnx';
export const VOCAB_PATH = 'models/action/vocab.json';
export const WORDS_PATH = 'models/action/word-vectors.bin';

/** The files of an action model trained into `dir`; the word vectors are a fixed input, always the repository's. */
export const actionModelFiles = (dir: string) => ({ model: path.join(dir, 'action-policy.onnx'), vocab: path.join(dir, 'vocab.json'), words: path.join(REPO_ROOT, WORDS_PATH) });

/** The vocabulary the data generators compute features with: no trained words (train.py maps those), all word vectors. */
export const dataVocabulary = () => makeVocabulary([], loadWordVectors(path.join(REPO_ROOT, WORDS_PATH)));

export async function writeManifest(): Promise<ModelManifest> {
  const file = async (role: string, rel: string) => ({ role, source: { kind: 'repo' as const, path: rel }, size: statSync(path.join(REPO_ROOT, rel)).size, sha256: await sha256File(path.join(REPO_ROOT, rel)) });
  const manifest: ModelManifest = {
    id: ACTION_MODEL_ID,
    task: 'gui-action',
    description: 'Embedded action model: instruction + perceived elements + history → one UI action (see models/action/MODEL_CARD.md)',
    files: [await file('model', MODEL_PATH), await file('vocab', VOCAB_PATH), await file('words', WORDS_PATH)],
    inputs: [
      { name: 'tok_ids', type: 'int64', shape: [1, 'tokens'] },
      { name: 'tok_feats', type: 'float32', shape: [1, 'tokens', TOKEN_FEATURES] },
      { name: 'tok_vecs', type: 'float32', shape: [1, 'tokens', WORD_DIMS] },
      { name: 'tok_mask', type: 'float32', shape: [1, 'tokens'] },
      { name: 'el_feats', type: 'float32', shape: [1, 'elements', ELEMENT_FEATURES] },
      { name: 'el_mask', type: 'float32', shape: [1, 'elements'] },
      { name: 'match', type: 'float32', shape: [1, 'elements', 'tokens', MATCH_CHANNELS] },
      { name: 'glob', type: 'float32', shape: [1, GLOBAL_FEATURES] },
      { name: 'key_mention', type: 'float32', shape: [1, KEY_COMBOS.length] },
    ],
    outputs: [
      { name: 'type_logits', type: 'float32', shape: [1, MODEL_ACTIONS.length] },
      { name: 'target_logits', type: 'float32', shape: [1, 'elements'] },
      { name: 'point', type: 'float32', shape: [1, 'elements', 2] },
      { name: 'drop_logits', type: 'float32', shape: [1, 'elements'] },
      { name: 'drop_point', type: 'float32', shape: [1, 'elements', 2] },
      { name: 'span_start', type: 'float32', shape: [1, 'tokens'] },
      { name: 'span_end', type: 'float32', shape: [1, 'tokens'] },
      { name: 'key_logits', type: 'float32', shape: [1, KEY_COMBOS.length] },
      { name: 'dir_logits', type: 'float32', shape: [1, 4] },
      { name: 'enter_logit', type: 'float32', shape: [1] },
    ],
    quantization: 'int8',
  };
  writeFileSync(path.join(MANIFEST_DIR, `${ACTION_MODEL_ID}.json`), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
