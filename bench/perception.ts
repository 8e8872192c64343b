// `npm run bench -- perception`: word and element accuracy on seeded screens rendered in
// Chromium, cold full-frame time against @gutenye/ocr-node on the same image, and warm
// (incremental) time after a small change as a ratio to cold.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BaselineOcr from '@gutenye/ocr-node';
import { TextDetector } from '../engine/perception/detector.ts';
import { Perceiver } from '../engine/perception/perceiver.ts';
import { charsetFrom, TextRecognizer } from '../engine/perception/recognizer.ts';
import type { UiElement } from '../engine/perception/types.ts';
import { quantizeModel } from '../engine/quantize/quantizeModel.ts';
import { defaultThreads, openSession } from '../engine/runtime/sessions.ts';
import { modelFiles } from '../models/registry.ts';
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
    const state = { right: 0, of: 0 };
    const perScreen: Record<string, unknown>[] = [];
    for (const spec of screenSet()) {
      const s = await renderScreen(browser, spec);
      const p = await perceiver.perceive(s.frame, { incremental: false });
      const all = scoreWords(p, s.truth);
      const min12 = scoreWords(p, s.truth, 12);
      for (const k of ['truth', 'predicted', 'matched', 'boxMatched'] as const) { words.all[k] += all[k]; words.min12[k] += min12[k]; }
      for (const [kind, c] of Object.entries(scoreElements(p, s.truth))) {
        const t = (kinds[kind] ??= { truth: 0, found: 0 });
        t.truth += c.truth;
        t.found += c.found;
        if (c.stateOf) { state.of += c.stateOf; state.right += c.stateRight!; }
      }
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

    const quantization = await recognizerQuantization(browser, tmp, threads);

    return {
      screens: perScreen.length,
      threads,
      words: { min12px: { ...f1(words.min12), ...words.min12 }, all: { ...f1(words.all), ...words.all }, boxOnlyF1min12px: f1({ ...words.min12, matched: words.min12.boxMatched }).f1 },
      elementRecall: Object.fromEntries(Object.entries(kinds).map(([k, c]) => [k, { recall: r3(c.found / c.truth), ...c }])),
      // Of the checkboxes and radio buttons found, the share whose checked state is read right.
      checkState: { accuracy: r3(state.right / Math.max(1, state.of)), ...state },
      speed1920: {
        coldMs: Math.round(cold),
        baselineMs: Math.round(base),
        coldToBaseline: r3(cold / base),
        oursWordRecallMin12px: f1(scoreWords(ours, big.truth, 12)).recall,
        baselineTokenRecallMin12px: r3(bigTruth.filter((w) => baseTokens.has(w.text)).length / bigTruth.length),
      },
      warm,
      quantization,
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
    // Medians of three: one warm step is a fraction of a second, easily skewed on a shared machine.
    const warms: number[] = [];
    const colds: number[] = [];
    let inc!: Awaited<ReturnType<Perceiver['perceive']>>;
    let cold!: Awaited<ReturnType<Perceiver['perceive']>>;
    for (let i = 0; i < 3; i++) {
      perceiver.reset();
      await perceiver.perceive(before.frame);
      let ms: number;
      [inc, ms] = await time(() => perceiver.perceive(after.frame));
      warms.push(ms);
      [cold, ms] = await time(() => perceiver.perceive(after.frame, { incremental: false }));
      colds.push(ms);
    }
    const warmMs = median(warms);
    const coldMs = median(colds);
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

/**
 * The recognizer quantized to int8 and int4 against fp32: the same detected lines of a few
 * screens read by each, word F1 and recognition time as a ratio to fp32 (the detector has no
 * MatMul/Gemm weights to quantize).
 */
async function recognizerQuantization(browser: Awaited<ReturnType<typeof launchChromium>>, tmp: string, threads: number) {
  const rec = await modelFiles('ppocr-v4-rec');
  const charset = charsetFrom(readFileSync(rec.dictionary!, 'utf8'));
  const variants: Record<string, string> = { fp32: rec.model! };
  for (const mode of ['int8', 'int4'] as const) {
    variants[mode] = path.join(tmp, `rec-${mode}.onnx`);
    writeFileSync(variants[mode]!, quantizeModel(readFileSync(rec.model!), { mode }).bytes);
  }
  const det = await openSession((await modelFiles('ppocr-v4-det')).model!, { threads, onFallback: () => {} });
  const detector = new TextDetector(det.session);
  const screens = await Promise.all(
    (['form', 'dense', 'settings'] as const).map((template, i) => renderScreen(browser, { name: template, template, width: 1280, height: 800, scale: 1, dark: i === 1, seed: 300 + i })),
  );
  const totals: Record<string, { ms: number; truth: number; predicted: number; matched: number; bytes: number }> = {};
  for (const [name, file] of Object.entries(variants)) {
    const opened = await openSession(file, { threads, onFallback: () => {} });
    const recognizer = new TextRecognizer(opened.session, charset);
    const t = (totals[name] = { ms: 0, truth: 0, predicted: 0, matched: 0, bytes: readFileSync(file).length });
    for (const s of screens) {
      const boxes = await detector.detect(s.frame, { x: 0, y: 0, w: s.frame.width, h: s.frame.height });
      await recognizer.recognize(s.frame, boxes);
      const [lines, ms] = await time(() => recognizer.recognize(s.frame, boxes));
      const elements: UiElement[] = lines.flatMap((l) => l.words.map((w) => ({ id: '', kind: 'text' as const, text: w.text, box: [w.box.x, w.box.y, w.box.w, w.box.h] as [number, number, number, number], confidence: w.confidence })));
      const c = scoreWords({ width: s.frame.width, height: s.frame.height, elements, timings: {} }, s.truth);
      t.ms += ms;
      t.truth += c.truth;
      t.predicted += c.predicted;
      t.matched += c.matched;
    }
    await opened.session.release();
  }
  await det.session.release();
  const fp32 = totals.fp32!;
  return Object.fromEntries(Object.entries(totals).map(([k, t]) => [k, { wordF1: f1(t).f1, f1ChangeVsFp32: r3(f1(t).f1 - f1(fp32).f1), recognizeMs: Math.round(t.ms), timeToFp32: r3(t.ms / fp32.ms), megabytes: r3(t.bytes / 1e6) }]));
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1]!;

/** A field typed into: its value changes. */
const typeIntoField = (html: string) => html.replace(/(<input data-kind="text_field" type="text" value=")[^"]*/, '$1typed text here');

/** A small popup (a tooltip-sized menu) opens over the page. */
const openPopup = (html: string) =>
  html.replace('</body>', '<div style="position:absolute;left:600px;top:300px;width:220px;padding:8px;background:#fff;border:1px solid #888;box-shadow:0 2px 8px rgba(0,0,0,.3)"><div>Copy link</div><div>Open in new window</div><div>Rename</div></div></body>');
