// The embedded action model's decision time by screen size: feature extraction, the ONNX run and
// decoding, on synthetic screens with 20 to 300 perceived elements. The baseline is feature
// extraction alone on the same screens in the same run: the ratio says what the network adds.
import { ACTION_MODEL_ID, ActionModel } from '../engine/policy/actionModel.ts';
import { extractFeatures } from '../engine/policy/features.ts';
import type { Perception } from '../engine/perception/types.ts';
import { Rng } from '../models/action/sim/random.ts';
import { simEpisode } from '../models/action/sim/simEpisode.ts';
import { modelFiles } from '../models/registry.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (v: number) => Math.round(v * 100) / 100;

/** A synthetic screen padded with word elements up to `n` elements, as busy real screens are. */
async function screen(seed: number, n: number): Promise<{ instruction: string; perception: Perception }> {
  const ep = simEpisode(seed);
  const p = await ep.observe();
  const rng = new Rng(seed);
  while (p.elements.length < n) p.elements.push({ id: `x${p.elements.length}`, kind: 'text', text: rng.pick(['Home', 'Reports', 'Last', 'updated', 'Settings', 'item', '12:40']), box: [rng.int(0, 1200), rng.int(0, 760), 50, 16], confidence: 0.9 });
  return { instruction: ep.instruction, perception: p };
}

export default async function bench() {
  const files = await modelFiles(ACTION_MODEL_ID);
  const model = await ActionModel.load(files);
  const sizes: Record<string, unknown> = {};
  for (const n of [20, 80, 300]) {
    const decide: number[] = [];
    const features: number[] = [];
    for (let i = 0; i < 30; i++) {
      const { instruction, perception } = await screen(1000 + i, n);
      let t = performance.now();
      extractFeatures(model.vocab, instruction, perception, []);
      features.push(performance.now() - t);
      t = performance.now();
      await model.decide({ instruction, perception, history: [] });
      decide.push(performance.now() - t);
    }
    sizes[`elements_${n}`] = { decideMs: round(median(decide)), featuresMs: round(median(features)), decideOverFeatures: round(median(decide) / median(features)) };
  }
  await model.close();
  return sizes;
}
