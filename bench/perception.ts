// `npm run bench -- perception`: word and element accuracy on seeded screens rendered in
// Chromium, cold full-frame time against @gutenye/ocr-node on the same image, and warm
// (incremental) time after a small change as a ratio to cold.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BaselineOcr from '@gutenye/ocr-node';
import { Perceiver } from '../engine/perception/perceiver.ts';
import { defaultThreads } from '../engine/runtime/sessions.ts';
import type { ScreenSpec } from '../test/fixtures/screens/generate.ts';
import { launchChromium, renderScreen, type RenderedScreen } from '../test/fixtures/screens/render.ts';
import { f1, r3, scoreElements, scoreWords } from '../test/fixtures/screens/score.ts';

const TEMPLATES = ['form', 'settings', 'menu', 'dialog', 'dense'] as const;

/** The fixed screen set: every template light and dark at 1280×800, at 1920×1080, and at 2x. */
export function screenSet(): ScreenSpec[] {
  const specs: ScreenSpec[] = [];
  let seed = 100;
  for (const template of TEMPLATES) {
    for (const dark of [false, true]) specs.push({ name: `${template}-${dark ? 'dark' : 'light'}-1280`, template, width: 1280, height: 800, scale: 1, dark, seed: seed++ });
    const dark = seed % 2 === 1;
    specs.push({ name: `${template}-${dark ? 'dark' : 'light'}-1920`, template, width: 1920, height: 1080, scale: 1, dark, seed: seed++ });
    if (template !== 'dense') specs.push({ name: `${template}-light-1280@2x`, template, width: 1280, height: 800, scale: 2, dark: false, seed: seed++ });
  }
  return specs;
}

const time = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
  const t = performance.now();
  const v = await f();
  return [v, performance.now() - t];
};

export default async function perceptionBench() {
  const threads = defaultThreads();
  const browser = await launchChromium();
  const perceiver = await Perceiver.create({ threads });
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'operant-bench-'));
  try {
    // Accuracy over the whole set, each screen read cold.
    const words = { all: { truth: 0, predicted: 0, matched: 0, boxMatched: 0 }, min12: { truth: 0, predicted: 0, matched: 0, boxMatched: 0 } };
    const kinds: Record<string, { truth: number; found: number }> = {};
    const perScreen: Record<string, unknown>[] = [];
    for (const spec of screenSet()) {
      const s = await renderScreen(browser, spec);
      const p = await perceiver.perceive(s.frame, { incremental: false });
      const all = scoreWords(p, s.truth);
      const min12 = scoreWords(p, s.truth, 12);
      for (const k of ['truth', 'predicted', 'matched', 'boxMatched'] as const) { words.all[k] += all[k]; words.min12[k] += min12[k]; }
      for (const [kind, c] of Object.entries(scoreElements(p, s.truth))) { const t = (kinds[kind] ??= { truth: 0, found: 0 }); t.truth += c.truth; t.found += c.found; }
      perScreen.push({ screen: spec.name, wordF1: f1(all).f1, ms: Math.round(p.timings.total!) });
    }

    // Speed: a 1920×1080 screen, cold, against the baseline on the same PNG, same thread count.
    const big = await renderScreen(browser, { name: 'speed', template: 'settings', width: 1920, height: 1080, scale: 1, dark: false, seed: 7 });
    const pngPath = path.join(tmp, 'speed.png');
    writeFileSync(pngPath, big.png);
    const baseline = await BaselineOcr.create({ onnxOptions: { intraOpNumThreads: threads, interOpNumThreads: 1 } });
    await baseline.detect(pngPath);
    await perceiver.perceive(big.frame, { incremental: false });
    const coldMs: number[] = [];
    const baseMs: number[] = [];
    let baseLines: { text: string }[] = [];
    for (let i = 0; i < 3; i++) {
      coldMs.push((await time(() => perceiver.perceive(big.frame, { incremental: false })))[1]);
      const [lines, ms] = await time(() => baseline.detect(pngPath) as Promise<{ text: string }[]>);
      baseLines = lines;
      baseMs.push(ms);
    }
    const cold = median(coldMs);
    const base = median(baseMs);
    const ours = await perceiver.perceive(big.frame, { incremental: false });
    const baseTokens = new Set(baseLines.flatMap((l) => l.text.split(/\s+/)));
    const bigTruth = big.truth.words.filter((w) => w.fontPx >= 12);

    // Warm: the same screen after a small change, read incrementally, against reading it cold.
    const warm = await warmRun(perceiver, big, await renderScreen(browser, big.spec, typeIntoField), await renderScreen(browser, big.spec, openPopup));

    return {
      screens: perScreen.length,
      threads,
      words: { min12px: { ...f1(words.min12), ...words.min12 }, all: { ...f1(words.all), ...words.all }, boxOnlyF1min12px: f1({ ...words.min12, matched: words.min12.boxMatched }).f1 },
      elementRecall: Object.fromEntries(Object.entries(kinds).map(([k, c]) => [k, { recall: r3(c.found / c.truth), ...c }])),
      speed1920: {
        coldMs: Math.round(cold),
        baselineMs: Math.round(base),
        coldToBaseline: r3(cold / base),
        oursWordRecallMin12px: f1(scoreWords(ours, big.truth, 12)).recall,
        baselineTokenRecallMin12px: r3(bigTruth.filter((w) => baseTokens.has(w.text)).length / bigTruth.length),
      },
      warm,
      targets: { wordF1min12px: 0.95, elementRecallPerKind: 0.9, coldToBaseline: '< 1', warmToCold: 0.15 },
      perScreen,
    };
  } finally {
    await perceiver.dispose();
    await browser.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function warmRun(perceiver: Perceiver, before: RenderedScreen, ...afters: RenderedScreen[]) {
  const out: Record<string, unknown>[] = [];
  for (const after of afters) {
    perceiver.reset();
    await perceiver.perceive(before.frame);
    const [inc, warmMs] = await time(() => perceiver.perceive(after.frame));
    const [cold, coldMs] = await time(() => perceiver.perceive(after.frame, { incremental: false }));
    out.push({
      change: after === afters[0] ? 'typed into a field' : 'popup opened',
      dirtyTileShare: r3(inc.timings.dirtyTiles! / inc.timings.tiles!),
      warmMs: Math.round(warmMs),
      coldMs: Math.round(coldMs),
      warmToCold: r3(warmMs / coldMs),
      warmWordF1: f1(scoreWords(inc, after.truth)).f1,
      coldWordF1: f1(scoreWords(cold, after.truth)).f1,
    });
  }
  return out;
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1]!;

/** A field typed into: its value changes. */
const typeIntoField = (html: string) => html.replace(/(<input data-kind="text_field" type="text" value=")[^"]*/, '$1typed text here');

/** A small popup (a tooltip-sized menu) opens over the page. */
const openPopup = (html: string) =>
  html.replace('</body>', '<div style="position:absolute;left:600px;top:300px;width:220px;padding:8px;background:#fff;border:1px solid #888;box-shadow:0 2px 8px rgba(0,0,0,.3)"><div>Copy link</div><div>Open in new window</div><div>Rename</div></div></body>');
