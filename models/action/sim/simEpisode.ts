// An Episode over a synthetic scenario: perception is the scenario rendered with OCR-like noise.
import type { Episode } from '../episode.ts';
import { makeScenario } from './families.ts';
import { Rng } from './random.ts';
import { apply, type NoiseLevel, render } from './world.ts';

export function noiseFor(rng: Rng): NoiseLevel {
  return { ocr: rng.pick([0, 0.05, 0.1, 0.2]), kind: rng.pick([0, 0.1, 0.2]), drop: rng.pick([0, 0.02, 0.05]), jitter: rng.int(0, 4), stateKnown: rng.pick([0, 0.5, 1]) };
}

export function simEpisode(seed: number, family?: string): Episode {
  const rng = new Rng(seed);
  const s = makeScenario(rng, family);
  const noise = noiseFor(rng);
  const signature = () => JSON.stringify(render(s.world, seed, { ...noise, drop: 0, ocr: 0, kind: 0, jitter: 0 }));
  return {
    family: s.family,
    instruction: s.instruction,
    observe: async () => ({ width: s.world.width, height: s.world.height, elements: render(s.world, seed, noise), timings: {} }),
    expert: async () => s.expert(),
    act: async (action) => {
      const before = signature();
      apply(s.world, action);
      return signature() !== before;
    },
    check: async () => s.check(),
    close: async () => {},
  };
}
