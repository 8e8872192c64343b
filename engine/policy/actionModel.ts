// The embedded action model on onnxruntime-node: features in, scores out, decoded to one action.
// It is small (a few ms per step on one core), so it runs wherever the agent core runs.
import ort from 'onnxruntime-node';
import { OperantError } from '../errors.ts';
import { openSession } from '../runtime/sessions.ts';
import { decode, type ModelScores } from './decode.ts';
import { ELEMENT_FEATURES, extractFeatures, type Features, GLOBAL_FEATURES, MATCH_CHANNELS, TOKEN_FEATURES } from './features.ts';
import { copyCommand, correct } from './corrections.ts';
import type { Decision, Policy, PolicyAction, PolicyInput } from './types.ts';
import { loadVocabulary, type Vocabulary } from './vocabularyFile.ts';
import { KEY_COMBOS } from './vocabulary.ts';
import { WORD_DIMS } from './wordVectors.ts';

export const ACTION_MODEL_ID = 'action-policy';

export interface ActionModelOptions {
  minConfidence?: number;
  threads?: number;
}

/** Feeds for one state; an empty screen gets one masked-out element so every shape stays valid. */
export function modelFeeds(f: Features): Record<string, ort.Tensor> {
  const T = f.tokens.length;
  const E = Math.max(f.elements.length, 1);
  const pad = (a: Float32Array, n: number) => (a.length === n ? a : new Float32Array(n));
  return {
    tok_ids: new ort.Tensor('int64', f.tokenIds, [1, T]),
    tok_feats: new ort.Tensor('float32', f.tokenFeatures, [1, T, TOKEN_FEATURES]),
    tok_vecs: new ort.Tensor('float32', f.tokenVectors, [1, T, WORD_DIMS]),
    tok_mask: new ort.Tensor('float32', new Float32Array(T).fill(1), [1, T]),
    el_feats: new ort.Tensor('float32', pad(f.elementFeatures, E * ELEMENT_FEATURES), [1, E, ELEMENT_FEATURES]),
    el_mask: new ort.Tensor('float32', new Float32Array(E).fill(f.elements.length ? 1 : 0), [1, E]),
    match: new ort.Tensor('float32', pad(f.match, E * T * MATCH_CHANNELS), [1, E, T, MATCH_CHANNELS]),
    glob: new ort.Tensor('float32', f.globalFeatures, [1, GLOBAL_FEATURES]),
    key_mention: new ort.Tensor('float32', f.keyMentions, [1, KEY_COMBOS.length]),
  };
}

const isSelectAll = (a?: PolicyAction) => a?.type === 'hotkey' && a.keys.join('+') === 'ctrl+a';

const OUTPUTS = ['type_logits', 'target_logits', 'point', 'drop_logits', 'drop_point', 'span_start', 'span_end', 'key_logits', 'dir_logits', 'enter_logit'];

/** The feature sizes this code computes; a model trained on other features cannot read them. */
const EXPECTED: Record<string, number> = { tok_feats: TOKEN_FEATURES, tok_vecs: WORD_DIMS, el_feats: ELEMENT_FEATURES, match: MATCH_CHANNELS, glob: GLOBAL_FEATURES, key_mention: KEY_COMBOS.length };

function checkShapes(session: ort.InferenceSession, file: string) {
  const wrong = session.inputMetadata.flatMap((m) => {
    const want = EXPECTED[m.name];
    const got = m.isTensor ? m.shape.at(-1) : undefined;
    return want !== undefined && typeof got === 'number' && got !== want ? [`${m.name} has ${got} features, this code computes ${want}`] : [];
  });
  const missing = [...Object.keys(EXPECTED).filter((k) => !session.inputNames.includes(k)).map((k) => `no input ${k}`), ...OUTPUTS.filter((k) => !session.outputNames.includes(k)).map((k) => `no output ${k}`)];
  if (wrong.length || missing.length) {
    void session.release();
    throw new OperantError(`the action model ${file} was trained on other features than this code computes (${[...wrong, ...missing].join('; ')}): retrain it with \`npm run train:action\`, or check out the model that goes with this code`, 2);
  }
}

export class ActionModel implements Policy {
  readonly name = 'embedded';
  private constructor(
    private readonly session: ort.InferenceSession,
    readonly vocab: Vocabulary,
    private readonly options: ActionModelOptions,
  ) {}

  /** Loads the model from its verified files (the role → path map of `models/registry.ts` `modelFiles`). */
  static async load(files: Record<string, string | undefined>, options: ActionModelOptions = {}): Promise<ActionModel> {
    const missing = ['model', 'vocab', 'words'].filter((r) => !files[r]);
    if (missing.length) throw new OperantError(`the action model's manifest names no ${missing.join(', ')} file: restore models/manifests/${ACTION_MODEL_ID}.json from the repository`, 2);
    const vocab = loadVocabulary(files.vocab!, files.words!);
    // A few hundred thousand weights: one CPU thread beats any accelerator's launch overhead.
    const { session } = await openSession(files.model!, { providers: ['cpu'], threads: options.threads ?? 1 });
    checkShapes(session, files.model!);
    return new ActionModel(session, vocab, options);
  }

  async scores(f: Features): Promise<ModelScores> {
    const o = await this.session.run(modelFeeds(f));
    const get = (k: string) => o[k]!.data as Float32Array;
    return { type: get('type_logits'), target: get('target_logits'), point: get('point'), drop: get('drop_logits'), dropPoint: get('drop_point'), spanStart: get('span_start'), spanEnd: get('span_end'), key: get('key_logits'), dir: get('dir_logits'), enter: get('enter_logit')[0]! };
  }

  async decide(input: PolicyInput): Promise<Decision> {
    const t0 = performance.now();
    if (!input.instruction.trim()) throw new OperantError('the instruction is empty: say what to do, e.g. `operant run "click Save"`', 2);
    const f = extractFeatures(this.vocab, input.instruction, input.perception, input.history, input.previous);
    const s = await this.scores(f);
    const d = decode(s, {
      instruction: input.instruction,
      tokens: f.tokens,
      elements: f.elements,
      width: input.perception.width,
      height: input.perception.height,
      banned: input.banned,
      minConfidence: this.options.minConfidence,
      quotedPending: f.quotedPending,
      fieldWords: f.fieldWords,
      filledFields: f.filledFields,
      lastWasTyping: input.history.at(-1)?.action.type === 'type',
      lastWasSelectAll: input.history.at(-2)?.action.type === 'click' && isSelectAll(input.history.at(-1)?.action),
      copying: copyCommand(input.instruction),
      untypedAt: f.untypedAt,
      pressed: input.history.flatMap((h) => (h.action.type === 'hotkey' ? [h.action.keys.join('+').toLowerCase()] : [])),
    });
    // Rules for what the model gets wrong and the screen settles (corrections.ts).
    const fix = correct(input, d, f);
    if (fix) return { action: fix.action, confidence: d.confidence, target: fix.target ?? d.target, thought: fix.thought, ms: performance.now() - t0 };
    return { ...d, ms: performance.now() - t0 };
  }

  async close(): Promise<void> {
    await this.session.release();
  }
}
