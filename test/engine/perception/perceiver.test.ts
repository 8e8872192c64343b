// The whole perception stage on screens rendered by Chromium, scored against their DOM.
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Perceiver } from '../../../engine/perception/perceiver.ts';
import type { ScreenSpec } from '../../fixtures/screens/generate.ts';
import { launchChromium, renderScreen, type RenderedScreen } from '../../fixtures/screens/render.ts';
import { f1, scoreElements, scoreWords } from '../../fixtures/screens/score.ts';

let browser: Browser;
let perceiver: Perceiver;
const form = (dark: boolean): ScreenSpec => ({ name: 'form', template: 'form', width: 1000, height: 560, scale: 1, dark, seed: 22 });

beforeAll(async () => {
  browser = await launchChromium();
  perceiver = await Perceiver.create({ threads: 1 });
});
afterAll(async () => {
  await perceiver?.dispose();
  await browser?.close();
});

describe.each([false, true])('a rendered form (dark=%s)', (dark) => {
  let screen: RenderedScreen;
  beforeAll(async () => {
    screen = await renderScreen(browser, form(dark));
  });

  it('reads its words with boxes', async () => {
    const p = await perceiver.perceive(screen.frame, { incremental: false });
    expect(p.width).toBe(1000);
    const score = f1(scoreWords(p, screen.truth, 12));
    expect(score.f1).toBeGreaterThanOrEqual(0.9);
  });

  it('finds its checkboxes, radios and buttons', async () => {
    const p = await perceiver.perceive(screen.frame, { incremental: false });
    const kinds = scoreElements(p, screen.truth);
    for (const kind of ['checkbox', 'radio', 'button']) expect(kinds[kind]!.found, kind).toBeGreaterThanOrEqual(kinds[kind]!.truth - 1);
    const checked = p.elements.filter((e) => e.kind === 'checkbox' && e.state?.checked);
    expect(checked.length).toBeGreaterThanOrEqual(1);
    // Each one found reads as checked or not as the page has it (a dark theme's grey box is unchecked).
    for (const kind of ['checkbox', 'radio', 'toggle']) expect(kinds[kind]?.stateRight, kind).toBe(kinds[kind]?.stateOf);
  });
});

describe('lone characters', () => {
  it('reads the days of a calendar and the pages of a pager as text, not as icons', async () => {
    const days = Array.from({ length: 12 }, (_, i) => `<span>${i + 1}</span>`).join('');
    const html = `<html><body style="font:13px sans-serif;padding:30px;background:#fff">
<div style="display:grid;grid-template-columns:repeat(7,2.2em);text-align:center;gap:4px;width:18em"><span></span><span></span>${days}</div>
<p>Page 1 2 3 4 Next</p></body></html>`;
    const s = await renderScreen(browser, { ...form(false), width: 500, height: 200 }, () => html);
    const p = await perceiver.perceive(s.frame, { incremental: false });
    const texts = p.elements.filter((e) => e.kind === 'text').map((e) => e.text);
    for (const d of ['1', '2', '3', '4', '5', '6', '7', '8', '9']) expect(texts, d).toContain(d);
    expect(p.elements.filter((e) => e.kind === 'icon' || e.kind === 'checkbox' || e.kind === 'radio')).toEqual([]);
  });

  it('reads a menu bar with underlined mnemonics as its words, without the underlined letters again', async () => {
    const items = ['File', 'Edit', 'Search', 'View', 'Document', 'Help'].map((w) => `<span style="margin-right:18px"><u>${w[0]}</u>${w.slice(1)}</span>`).join('');
    const html = `<html><body style="font:13px sans-serif;padding:10px;background:#f6f5f4">${items}</body></html>`;
    const s = await renderScreen(browser, { ...form(false), width: 500, height: 60 }, () => html);
    const p = await perceiver.perceive(s.frame, { incremental: false });
    expect(p.elements.filter((e) => [...e.text].length === 1)).toEqual([]);
    expect(p.elements.filter((e) => e.kind === 'text').length).toBe(6);
  });
});

describe('switches', () => {
  it('reads a switch as on when its knob is at the right end, whatever the colours', async () => {
    const sw = (on: boolean, track: string, onTrack: string, knob: string) =>
      `<div style="display:flex;gap:10px;align-items:center;margin:10px 0"><span>Option</span><span style="width:40px;height:22px;border-radius:11px;background:${on ? onTrack : track};position:relative;display:inline-block"><span style="position:absolute;top:3px;left:${on ? 21 : 3}px;width:16px;height:16px;border-radius:50%;background:${knob}"></span></span></div>`;
    const styles: Array<[string, string, string, string]> = [['#fff', '#ccc', '#34c759', '#fff'], ['#120c1e', '#6d28d9', '#ec4899', '#120c1e'], ['#f6f5f4', '#888', '#3584e4', '#fafafa']];
    for (const [page, track, onTrack, knob] of styles) {
      const html = `<html><body style="font:14px sans-serif;padding:20px;background:${page};color:#777">${[false, true, true, false].map((on) => sw(on, track, onTrack, knob)).join('')}</body></html>`;
      const s = await renderScreen(browser, { ...form(false), width: 400, height: 240 }, () => html);
      const p = await perceiver.perceive(s.frame, { incremental: false });
      const toggles = p.elements.filter((e) => e.kind === 'toggle').sort((a, b) => a.box[1] - b.box[1]);
      expect(toggles.map((t) => t.state?.checked), page).toEqual([false, true, true, false]);
    }
  });
});

describe('chips', () => {
  it('reads filled chips in a group as on and outlined ones as off, and leaves plain buttons without a state', async () => {
    const chip = (on: boolean, name: string) => `<span style="display:inline-block;padding:.3em .9em;border:1px solid ${on ? '#2563eb' : '#999'};border-radius:1em;margin:.3em;${on ? 'background:#2563eb;color:#fff' : ''}">${name}</span>`;
    const html = `<html><body style="font:16px sans-serif;padding:20px;background:#fff;color:#222">
<div style="width:420px">${[['Weekly digest', true], ['Dark mode', false], ['Spell check', true], ['Sound effects', false], ['Auto-save', false]].map(([n, on]) => chip(on as boolean, n as string)).join('')}</div>
<p style="margin-top:60px"><button style="font:14px sans-serif;padding:6px 14px;background:#2563eb;color:#fff;border:0;border-radius:4px">Save</button> <button style="font:14px sans-serif;padding:6px 14px">Cancel</button></p></body></html>`;
    const s = await renderScreen(browser, { ...form(false), width: 600, height: 260 }, () => html);
    const p = await perceiver.perceive(s.frame, { incremental: false });
    // (By their first word: OCR may read "Spell" as "Spel".)
    const state = (name: string) => p.elements.find((e) => e.kind === 'button' && e.text.startsWith(name.slice(0, 4)))?.state?.checked;
    expect([state('Weekly digest'), state('Dark mode'), state('Spell check'), state('Sound effects'), state('Auto-save')]).toEqual([true, false, true, false, false]);
    expect(p.elements.filter((e) => e.kind === 'button' && /Save|Cancel/.test(e.text) && !/Auto/.test(e.text)).map((e) => e.state)).toEqual([undefined, undefined]);
    // All turned on: alike now, and read as the filled ones were before (the chips sit above y=120).
    const all = html.replace(/border:1px solid #999;border-radius:1em;margin:.3em;/g, 'border:1px solid #2563eb;border-radius:1em;margin:.3em;background:#2563eb;color:#fff');
    const onFrame = await renderScreen(browser, { ...form(false), width: 600, height: 260 }, () => all);
    const q = await perceiver.perceive(onFrame.frame, { incremental: true });
    expect(q.elements.filter((e) => e.kind === 'button' && e.box[1] < 120).map((e) => e.state?.checked)).toEqual([true, true, true, true, true]);
  });
});

describe('banners', () => {
  it('reads a bar holding a sentence as words, and a short label in a box as a button', async () => {
    const html = `<html><body style="font:13px sans-serif;margin:0;background:#fff">
<div style="background:#f8e6a0;border:1px solid #c9a227;padding:2px 90px 2px 90px;width:450px">Warning: you are using the root account. You may harm your system.</div>
<p style="padding:20px"><button style="font:13px sans-serif;padding:6px 14px">Save changes</button></p></body></html>`;
    const s = await renderScreen(browser, { ...form(false), width: 700, height: 160 }, () => html);
    const p = await perceiver.perceive(s.frame, { incremental: false });
    expect(p.elements.filter((e) => e.kind === 'button').map((e) => e.text)).toEqual(['Save changes']);
    expect(p.elements.filter((e) => e.kind === 'text').map((e) => e.text)).toEqual(expect.arrayContaining(['Warning:', 'root', 'system.']));
  });
});

describe('fields and rules', () => {
  it('reads an underlined field as a field, a panel around a field as its label, and rules and underlined links as nothing', async () => {
    const html = `<html><body style="font:14px sans-serif;margin:0;padding:20px;background:#fdf2f8;width:560px">
<h3 style="margin:0 0 12px">Contact details</h3>
<input placeholder='Project name' style="font:14px sans-serif;display:block;width:420px;border:none;border-bottom:2px solid #e07ab0;background:transparent;padding:6px">
<hr style="border:none;border-top:1px solid #d9a;margin:22px 0">
<div style="border:1px solid #d8b4c8;border-radius:8px;padding:6px 10px;margin-bottom:10px">Department
<input value="Research" style="font:14px sans-serif;display:block;width:380px;margin-top:6px;padding:5px;border:1px solid #c9a;border-radius:4px"></div>
<a href="#" style="color:#2255cc;text-decoration:underline">Read the documentation</a></body></html>`;
    const s = await renderScreen(browser, { ...form(false), width: 640, height: 300 }, () => html);
    const p = await perceiver.perceive(s.frame, { incremental: false });
    const fields = p.elements.filter((e) => e.kind === 'text_field');
    expect(fields.map((e) => e.text).sort()).toEqual(['Project name', 'Research']);
    const underlined = fields.find((e) => e.text === 'Project name')!;
    expect(underlined.box[2]).toBeGreaterThan(400);
    expect(p.elements.filter((e) => e.kind === 'slider')).toEqual([]);
    const texts = p.elements.filter((e) => e.kind === 'text').map((e) => e.text);
    expect(texts).toEqual(expect.arrayContaining(['Department', 'Read', 'documentation']));
  });

  it('finds a field as wide as the window, a slider with tick marks under its track, and its one-digit value', async () => {
    const ticks = Array.from({ length: 11 }, (_, i) => `<div style="position:absolute;top:18px;left:${i * 30}px;width:1px;height:8px;background:#b9a"></div>`).join('');
    const html = `<html><body style="font:14px sans-serif;margin:0;padding:20px;background:#1e1033;color:#eee">
<div>Project name</div><input style="display:block;width:1100px;height:22px;margin:6px 0 30px;background:#2a1747;border:1px solid #6d28d9;border-radius:8px">
<div style="display:flex;gap:16px;align-items:center"><span>Volume</span><div style="position:relative;width:300px;height:26px">
<div style="position:absolute;top:10px;left:0;right:0;height:4px;background:#6d28d9"></div>${ticks}
<div style="position:absolute;top:2px;left:80px;width:14px;height:14px;border:3px solid #ec4899;border-radius:4px;background:#1e1033"></div></div><b>7</b></div></body></html>`;
    const s = await renderScreen(browser, { ...form(false), width: 1200, height: 200 }, () => html);
    const p = await perceiver.perceive(s.frame, { incremental: false });
    const field = p.elements.find((e) => e.kind === 'text_field');
    expect(field?.box[2]).toBeGreaterThan(1000);
    expect(p.elements.filter((e) => e.kind === 'slider')).toHaveLength(1);
    // A lone digit is too small for the text detector: read from its outline.
    expect(p.elements.filter((e) => e.kind === 'text').map((e) => e.text)).toContain('7');
    // A "0" there, which the recognizer reads as the letter o (or, in a serif, the outlines as a
    // radio button's ring), is the slider's value.
    for (const zero of ['<b>0</b>', '<b style="font-family:serif">0</b>']) {
      const s0 = await renderScreen(browser, { ...form(false), width: 1200, height: 200 }, () => html.replace('<b>7</b>', zero));
      const z = await perceiver.perceive(s0.frame, { incremental: false });
      expect(z.elements.filter((e) => e.kind === 'text').map((e) => e.text), zero).toContain('0');
    }
  });

  it('finds fields drawn with dashed or dotted borders, with what they hold', async () => {
    const box = (border: string, value: string, bg: string) => `<input readonly value="${value}" style="display:block;width:520px;margin:24px 0;padding:6px;font:14px monospace;background:${bg};color:inherit;border:${border};border-radius:8px">`;
    const html = `<html><body style="font:14px sans-serif;margin:0;padding:20px;background:#12101c;color:#eee">
${box('1px dashed #7c3aed', 'T9QZ-HL56-LCL', '#12101c')}${box('2px dotted #a78bfa', 'K2PM-88WX', '#12101c')}
<div style="background:#fff;color:#222;padding:4px 20px">${box('1px dashed #888', 'order 4417', '#fff')}</div>
<div style="display:flex;justify-content:space-between;width:500px;margin-top:24px;padding:8px;border:2px dashed #fff;font:16px sans-serif"><span>Red</span><span>▾</span></div></body></html>`;
    const s = await renderScreen(browser, { ...form(false), width: 700, height: 360 }, () => html);
    const p = await perceiver.perceive(s.frame, { incremental: false });
    const fields = p.elements.filter((e) => e.kind === 'text_field').sort((a, b) => a.box[1] - b.box[1]);
    expect(fields.map((e) => e.text)).toEqual(['T9QZ-HL56-LCL', 'K2PM-88WX', 'order 4417']);
    for (const f of fields) expect(f.box[2]).toBeGreaterThan(500);
    // With a chevron at its right end, a dashed box is a dropdown.
    expect(p.elements.filter((e) => e.kind === 'dropdown').map((e) => e.text)).toEqual(['Red']);
  });

  it('reads the letter on a keycap the text detector passes over', async () => {
    const kbd = (k: string) => `<kbd style="display:inline-block;font:18px monospace;border:1px solid #b49a6c;border-bottom-width:3px;border-radius:4px;padding:2px 7px">${k}</kbd>`;
    const html = `<html><body style="font:18px serif;margin:0;padding:30px;background:#f8f1e4;color:#333">
<div>${kbd('Ctrl')} + ${kbd('E')} <span style="color:#776">toggle the sidebar</span></div></body></html>`;
    const s = await renderScreen(browser, { ...form(false), width: 500, height: 120 }, () => html);
    const p = await perceiver.perceive(s.frame, { incremental: false });
    const texts = p.elements.filter((e) => e.kind === 'text').map((e) => e.text);
    expect(texts).toEqual(expect.arrayContaining(['E', 'toggle']));
    // The keycap before it: DejaVu Sans Mono at 18 px leaves a gap as wide as a space between
    // "t" and "r" in some Chromium builds, and the line is then cut there ("ct rl").
    expect(texts.join('').toLowerCase()).toContain('ctrl');
  });

  it('reads a dashed, rounded box as a field, its dashes run together along a side', async () => {
    // As a task page lays it out: at other places the dashes stay apart.
    const input = (value: string, dashed: string) => `<label style="display:flex;flex-direction:column;gap:.25em;margin:.5em 0"><span>${value ? 'Your account ID' : 'Recipient'}</span><input readonly value="${value}" style="font:inherit;color:#f5e9ff;background:#2a1747;border:1px solid #6d28d9;border-radius:12px;padding:.35em .5em;${dashed}"></label>`;
    const html = `<html><body style="margin:0;background:#120a1f;font:16px P052,serif;color:#f5e9ff;line-height:1.4"><div style="position:absolute;left:885px;top:108.46875px;width:271px;box-sizing:border-box;background:#1e1033;border:1px solid #6d28d9;border-radius:12px;padding:1em">
<p style="color:#b79ad6">Drafts are visible only to you.</p><h3>Transfer</h3>${input('AJ7S-ZPT2-', 'font-family:monospace;background:#120a1f;border-style:dashed')}${input('', '')}</div></body></html>`;
    const s = await renderScreen(browser, { ...form(false), width: 1180, height: 500 }, () => html);
    const p = await perceiver.perceive(s.frame, { incremental: false });
    expect(p.elements.filter((e) => e.kind === 'text_field').map((e) => e.text)).toEqual(['AJ7S-ZPT2-', '']);
  });

  it('reads a select as wide as its option as a dropdown, its arrow just past the text', async () => {
    const html = `<html><body style="margin:0;background:#000;color:#fff;font:16px 'Noto Sans CJK SC',sans-serif;padding:40px 70px"><label>Language <select style="font:inherit;color:#fff;background:#000;border:1px solid #fff;border-radius:0;padding:.35em .5em;margin-left:40px"><option>German</option><option>Italian</option><option>French</option></select></label></body></html>`;
    const s = await renderScreen(browser, { ...form(false), width: 500, height: 160 }, () => html);
    const p = await perceiver.perceive(s.frame, { incremental: false });
    // (Its arrow is an icon as well.)
    expect(p.elements.filter((e) => e.kind !== 'text' && e.kind !== 'icon').map((e) => [e.kind, e.text])).toEqual([['dropdown', 'German']]);
  });

  it('reads a wide empty field whose rounded outline measures over 44 px as a field', async () => {
    const html = `<html><body style="margin:0;background:#120a1f;font:16px P052,serif;color:#f5e9ff;padding:30px"><label style="display:flex;flex-direction:column;gap:.25em">Recipient<input style="font:inherit;font-size:1.2em;color:#f5e9ff;background:#2a1747;border:1px solid #6d28d9;border-radius:12px;padding:.35em .5em;width:970px;height:46px;box-sizing:border-box"></label></body></html>`;
    const s = await renderScreen(browser, { ...form(false), width: 1180, height: 200 }, () => html);
    const p = await perceiver.perceive(s.frame, { incremental: false });
    const fields = p.elements.filter((e) => e.kind === 'text_field');
    expect(fields).toHaveLength(1);
    expect(fields[0]!.box[3]).toBeGreaterThan(44);
  });

  it('reads a calendar day drawn like a chevron as its number', async () => {
    // A task's screen as captured from Xvfb: its "3" outlines like "›".
    const { data, info } = await sharp(new URL('../../fixtures/screenshots/calendar-day-like-chevron.png', import.meta.url).pathname).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const p = await perceiver.perceive({ width: info.width, height: info.height, scale: 1, data }, { incremental: false });
    expect(p.elements.filter((e) => e.kind === 'icon').map((e) => e.text.split(' ')[0])).toEqual(['previous', 'next']);
    expect(p.elements.filter((e) => e.kind === 'text').map((e) => e.text)).toEqual(expect.arrayContaining(['1', '2', '3', '5']));
  });

  it('takes no control out of a panel edge cut by the region that changed', async () => {
    // A field typed into above a panel: the changed region's edge cut the panel's top edge off
    // its sides, a long thin outline read as a slider (captured from Xvfb, step by step).
    const frame = async (i: number) => {
      const { data, info } = await sharp(new URL(`../../fixtures/screenshots/typing-above-a-panel-${i}.png`, import.meta.url).pathname).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      return { width: info.width, height: info.height, scale: 1, data };
    };
    await perceiver.perceive(await frame(0), { incremental: false });
    await perceiver.perceive(await frame(1));
    const p = await perceiver.perceive(await frame(2));
    // (The panels' sides, cut by the crop, are scrollbars' shapes.)
    expect(p.elements.filter((e) => e.kind !== 'text' && e.kind !== 'scrollbar').map((e) => e.kind)).toEqual(['text_field', 'text_field']);
    expect(p.elements.find((e) => e.kind === 'text_field')?.text).toBe('78865');
  });

  it('reads a word in a chip the text detector passes over', async () => {
    const html = readFileSync(new URL('../../fixtures/pages/chips-passed-over.html', import.meta.url), 'utf8');
    const s = await renderScreen(browser, { ...form(false), width: 1100, height: 700 }, () => html);
    const p = await perceiver.perceive(s.frame, { incremental: false });
    const texts = p.elements.filter((e) => e.kind === 'text').map((e) => e.text);
    expect(texts).toEqual(expect.arrayContaining(['#Recipes', '#Invoices', '#Music', '#Drafts']));
    // The "#" taken for a radio button was part of the word.
    expect(p.elements.filter((e) => e.kind === 'radio')).toEqual([]);
  });

  it('takes no switch or icon out of an underlined word', async () => {
    // The underline broken at the "p": "Du" over its piece of line read as a switch or an icon.
    const link = (t: string, color = '#a855f7') => `<button style="background:none;border:none;color:${color};text-decoration:underline;text-underline-offset:3px;padding:.45em 1em;margin:.25em;font:inherit">${t}</button>`;
    const html = `<html><body style="margin:0;background:#fdf2f8;padding:79.640625px 0 0 295.265625px;font:16px 'Noto Sans CJK SC',sans-serif"><div style="display:flex;gap:.5em">${['Duplicate', 'Cancel', 'Share'].map((t) => link(t)).join('')}</div><div style="font:14px P052,serif;background:#000;padding:20px 16.8px">${['No', 'Remove'].map((t) => link(t, '#ffd400')).join('')}</div></body></html>`;
    const s = await renderScreen(browser, { ...form(false), width: 700, height: 240 }, () => html);
    const p = await perceiver.perceive(s.frame, { incremental: false });
    expect(p.elements.filter((e) => e.kind === 'toggle' || e.kind === 'icon')).toEqual([]);
    expect(p.elements.map((e) => e.text)).toEqual(expect.arrayContaining(['Duplicate', 'Cancel', 'Share', 'No', 'Remove']));
  });

  it('names the arrows of a calendar header by the way they point, however small', async () => {
    const header = (font: number, bg: string, fg: string) => `<div style="display:flex;justify-content:space-between;width:230px;padding:4px 8px;margin:10px;background:${bg};color:${fg};font:bold ${font}px sans-serif"><span>‹</span><span>May 2026</span><span>›</span></div>`;
    const html = `<html><body style="background:#fff;padding:10px">${header(13, '#fff', '#333')}${header(20, '#8b5e34', '#fff')}<p style="font:14px sans-serif">(see page 2)</p></body></html>`;
    const s = await renderScreen(browser, { ...form(false), width: 400, height: 200 }, () => html);
    const p = await perceiver.perceive(s.frame, { incremental: false });
    const arrows = p.elements.filter((e) => e.kind === 'icon').sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0]);
    expect(arrows.map((e) => e.text.split(' ')[0])).toEqual(['previous', 'next', 'previous', 'next']);
    expect(arrows[0]!.box[0]).toBeLessThan(arrows[1]!.box[0]);
  });
});

describe('incremental perception', () => {
  it('re-reads only what changed and keeps the ids of everything else', async () => {
    const before = await renderScreen(browser, form(false));
    const after = await renderScreen(browser, form(false), (html) => html.replace(/(<input data-kind="text_field" type="text" value=")[^"]*/, '$1zebra crossing'));
    perceiver.reset();
    const p1 = await perceiver.perceive(before.frame);
    const p2 = await perceiver.perceive(after.frame);
    expect(p2.timings.dirtyTiles! / p2.timings.tiles!).toBeLessThan(0.1);
    const typed = p2.elements.find((e) => e.text === 'zebra');
    expect(typed).toBeDefined();
    expect(p1.elements.some((e) => e.text === 'zebra')).toBe(false);
    // Every element away from the field is the same element, id and all.
    const far = p1.elements.filter((e) => Math.abs(e.box[1] - typed!.box[1]) > 64);
    const ids = new Set(p2.elements.map((e) => e.id));
    expect(far.length).toBeGreaterThan(10);
    expect(far.filter((e) => !ids.has(e.id))).toEqual([]);
    // And the incremental result reads as well as a cold one.
    const cold = await perceiver.perceive(after.frame, { incremental: false });
    expect(f1(scoreWords(p2, after.truth)).f1).toBeGreaterThanOrEqual(f1(scoreWords(cold, after.truth)).f1 - 0.02);
  });

  it('returns the cached elements when nothing changed', async () => {
    const s = await renderScreen(browser, form(true));
    perceiver.reset();
    const p1 = await perceiver.perceive(s.frame);
    const p2 = await perceiver.perceive(s.frame);
    expect(p2.timings.dirtyTiles).toBe(0);
    expect(p2.elements).toEqual(p1.elements);
  });
});

describe('bad frames', () => {
  it('refuses 0×0, oversized and short buffers with exit code 2', async () => {
    await expect(perceiver.perceive({ width: 0, height: 0, data: Buffer.alloc(0) })).rejects.toMatchObject({ exitCode: 2 });
    await expect(perceiver.perceive({ width: 16384, height: 16384, data: Buffer.alloc(4) })).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining('downscale') });
    await expect(perceiver.perceive({ width: 10, height: 10, data: Buffer.alloc(10) })).rejects.toMatchObject({ exitCode: 2 });
  });
});

describe('bad models', () => {
  it('names the file, the hashes and the fix when a model file is corrupt', async () => {
    const { mkdtempSync, readdirSync, readFileSync, writeFileSync, rmSync } = await import('node:fs');
    const path = await import('node:path');
    const os = await import('node:os');
    const { MANIFEST_DIR } = await import('../../../models/registry.ts');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'operant-manifests-'));
    try {
      // A copy of the manifests whose recognition model is this test file: right size, wrong bytes.
      for (const f of readdirSync(MANIFEST_DIR)) writeFileSync(path.join(dir, f), readFileSync(path.join(MANIFEST_DIR, f)));
      const rec = JSON.parse(readFileSync(path.join(dir, 'ppocr-v4-rec.json'), 'utf8'));
      const here = new URL(import.meta.url).pathname;
      rec.files[0].source = { kind: 'repo', path: path.relative(path.resolve(MANIFEST_DIR, '../..'), here) };
      rec.files[0].size = readFileSync(here).length;
      writeFileSync(path.join(dir, 'ppocr-v4-rec.json'), JSON.stringify(rec));
      await expect(Perceiver.create({ threads: 1, manifestDir: dir })).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/sha256 [0-9a-f]{64}, expected [0-9a-f]{64}: reinstall/) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
