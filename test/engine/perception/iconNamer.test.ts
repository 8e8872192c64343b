// The icon recognizer on real pixels: pages drawn by Chromium, read by the whole Perceiver with
// the committed model. Icons in the task suite's held-out styles (never trained on) get their
// names; checkboxes, radios, letters and swatches keep empty text; a bad model file is one clear error.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ICON_CLASSES } from '../../../engine/perception/iconClasses.ts';
import { Perceiver } from '../../../engine/perception/perceiver.ts';
import type { UiElement } from '../../../engine/perception/types.ts';
import { ICONS, svgIcon } from '../../../models/action/tasks/icons.ts';
import { THEMES } from '../../../models/action/tasks/variation.ts';
import { MANIFEST_DIR } from '../../../models/registry.ts';
import { launchChromium } from '../../fixtures/screens/render.ts';

let browser: Browser;
let perceiver: Perceiver;

beforeAll(async () => {
  browser = await launchChromium();
  perceiver = await Perceiver.create({ threads: 1 });
});
afterAll(async () => {
  await perceiver?.dispose();
  await browser?.close();
});

/** Renders `body` on a 900×300 page and perceives it; returns the elements and where each `[data-k]` is. */
async function perceivePage(body: string, bg: string) {
  const page = await browser.newPage({ viewport: { width: 900, height: 300 } });
  try {
    await page.setContent(`<body style="margin:0;padding:24px;background:${bg};font:16px 'DejaVu Sans'">${body}</body>`);
    const png = await page.screenshot({ type: 'png' });
    const boxes = await page.$$eval('[data-k]', (els) => els.map((e) => {
      const r = e.getBoundingClientRect();
      return { k: e.getAttribute('data-k')!, x: r.x, y: r.y, w: r.width, h: r.height };
    }));
    const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const p = await perceiver.perceive({ width: info.width, height: info.height, data }, { incremental: false });
    return { elements: p.elements, boxes };
  } finally {
    await page.close();
  }
}

const iconWords = new Set(ICON_CLASSES.map((c) => c.name as string));

type Box = { x: number; y: number; w: number; h: number };

/** Controls (not words) whose centre lies inside `b`, with 2 px of slack. */
const controlsIn = (els: UiElement[], b: Box) =>
  els.filter((e) => {
    const cx = e.box[0] + e.box[2] / 2;
    const cy = e.box[1] + e.box[3] / 2;
    return e.kind !== 'text' && cx >= b.x - 2 && cx <= b.x + b.w + 2 && cy >= b.y - 2 && cy <= b.y + b.h + 2;
  });

/** The icon names perception gave the controls inside `b`. */
const namesOver = (els: UiElement[], b: Box) => controlsIn(els, b).map((e) => e.text.split(' ')[0]!).filter((t) => iconWords.has(t));

type Theme = (typeof THEMES.test)[number];

describe("icon buttons in the task suite's held-out styles", () => {
  // The test split's 'bare-toolbar' and 'tinted-rounded' buttons (iconClick.ts), in held-out themes.
  const cases = [
    { style: 'bare-toolbar', theme: THEMES.test[0]!, css: () => 'border:none;background:none', stroke: (t: Theme) => t.muted },
    { style: 'tinted-rounded', theme: THEMES.test[3]!, css: (t: Theme) => `border:none;border-radius:10px;background:color-mix(in srgb,${t.accent} 22%,${t.panel})`, stroke: (t: Theme) => t.accent },
  ];
  it.each(cases)('$style in the $theme.name theme: most are named, none wrongly', async ({ theme, css, stroke }) => {
    const buttons = Object.keys(ICONS).map((n) => `<button data-k="${n}" style="${css(theme)};padding:.4em;margin:.3em;line-height:0">${svgIcon(n, 24, stroke(theme))}</button>`);
    const { elements, boxes } = await perceivePage(buttons.join(''), theme.bg);
    const got = Object.fromEntries(boxes.map((b) => [b.k, namesOver(elements, b).join('|') || '-']));
    const right = boxes.filter((b) => namesOver(elements, b).includes(b.k)).length;
    const wrong = boxes.filter((b) => namesOver(elements, b).some((n) => n !== b.k));
    expect(right, JSON.stringify(got)).toBeGreaterThanOrEqual(11);
    expect(wrong.length, JSON.stringify(got)).toBeLessThanOrEqual(1);
  });
});

describe('things that are not icons', () => {
  it('keep empty text: checkboxes, radios, single letters, initials, swatches', async () => {
    const items = [
      '<input type="checkbox" data-k="checkbox">', '<input type="checkbox" checked data-k="checked">', '<input type="radio" data-k="radio">', '<input type="radio" checked data-k="radio-on">',
      ...['A', 'K', '7', '?', 'JD'].map((g) => `<span data-k="glyph-${g}" style="display:inline-block;width:28px;height:28px;border-radius:50%;background:#2563eb;color:#fff;text-align:center;line-height:28px;font-weight:bold">${g}</span>`),
      '<span data-k="swatch" style="display:inline-block;width:20px;height:20px;background:#e76f51;border-radius:3px"></span>',
      '<span data-k="dot" style="display:inline-block;width:14px;height:14px;background:#7bd389;border-radius:50%"></span>',
    ];
    const { elements, boxes } = await perceivePage(items.map((i) => `<span style="display:inline-block;margin:0 14px">${i}</span>`).join(''), '#ffffff');
    const named = boxes.map((b) => ({ k: b.k, names: namesOver(elements, b) })).filter((n) => n.names.length);
    expect(named).toEqual([]);
    // Real checkboxes and radios stay what they are.
    const kinds = (k: string) => controlsIn(elements, boxes.find((b) => b.k === k)!).map((e) => e.kind);
    expect(kinds('checked')).toContain('checkbox');
    expect(kinds('radio-on')).toContain('radio');
  });
});

describe('a bad icon model file', () => {
  /** A copy of the manifests whose icon model entry `edit` changes. */
  async function withManifest(edit: (m: { files: { source: { kind: string; path: string }; size: number }[] }) => void) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'operant-manifests-'));
    for (const f of readdirSync(MANIFEST_DIR)) writeFileSync(path.join(dir, f), readFileSync(path.join(MANIFEST_DIR, f)));
    const m = JSON.parse(readFileSync(path.join(dir, 'icon-names.json'), 'utf8'));
    edit(m);
    writeFileSync(path.join(dir, 'icon-names.json'), JSON.stringify(m));
    return dir;
  }

  it('that is corrupt (right size, wrong bytes) stops Perceiver.create with the fix', async () => {
    const here = new URL(import.meta.url).pathname;
    const dir = await withManifest((m) => { m.files[0]!.source = { kind: 'repo', path: path.relative(path.resolve(MANIFEST_DIR, '../..'), here) }; m.files[0]!.size = readFileSync(here).length; });
    try {
      await expect(Perceiver.create({ threads: 1, manifestDir: dir })).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/iconNamer\.test\.ts has sha256 [0-9a-f]{64}, expected [0-9a-f]{64}: reinstall/) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('that is missing says which file and what to run', async () => {
    const dir = await withManifest((m) => { m.files[0]!.source = { kind: 'repo', path: 'models/icons/no-such-model.onnx' }; });
    try {
      await expect(Perceiver.create({ threads: 1, manifestDir: dir })).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/no-such-model\.onnx is missing: run/) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is not loaded at all when icons are turned off', async () => {
    const dir = await withManifest((m) => { m.files[0]!.source = { kind: 'repo', path: 'models/icons/no-such-model.onnx' }; });
    try {
      const p = await Perceiver.create({ threads: 1, manifestDir: dir, icons: false });
      await p.dispose();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
