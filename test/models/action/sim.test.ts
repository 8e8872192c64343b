import { describe, expect, it } from 'vitest';
import { dataVocabulary } from '../../../models/action/writeManifest.ts';
import { runEpisode } from '../../../models/action/episode.ts';
import { FAMILIES } from '../../../models/action/sim/families.ts';
import { Rng } from '../../../models/action/sim/random.ts';
import { simEpisode } from '../../../models/action/sim/simEpisode.ts';

describe('synthetic task families', () => {
  for (const family of Object.keys(FAMILIES)) {
    it(`${family}: the expert solves it from the start, and every state gets a label`, async () => {
      for (let seed = 1; seed <= 5; seed++) {
        const ep = simEpisode(seed * 31, family);
        expect(await ep.check(), ep.instruction).toBe(false);
        const r = await runEpisode(ep, { vocab: dataVocabulary(), rng: new Rng(seed) });
        expect(r.success, `${ep.instruction} (seed ${seed * 31})`).toBe(true);
        expect(r.samples.length).toBe(r.steps + 1);
      }
    });
  }

  it('renders the same screen the same way (OCR noise is a function of the pixels)', async () => {
    const a = await simEpisode(77).observe();
    const b = await simEpisode(77).observe();
    expect(a).toEqual(b);
  });
});
