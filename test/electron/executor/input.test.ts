// Real input on a real display: nut-js through the executor process into a Chromium window.
import { describe, expect, it } from 'vitest';
import { ExecutorClient } from '../../../electron/core/executorClient.ts';
import { executorAndPage } from './pageFixture.ts';
import { heldInX, pointerAt } from './xstate.ts';

const f = executorAndPage('input');

const value = () => f.tp.page.$eval('#ta', (e) => (e as HTMLTextAreaElement).value);
const settle = () => f.tp.page.waitForTimeout(150);

describe.runIf(process.env.DISPLAY)('real input through the executor', () => {
  it('clicks, double-clicks, right-clicks and middle-clicks where it is told', async () => {
    const at = f.tp.screen(80, 40);
    await f.tp.clearEvents();
    for (const type of ['click', 'double_click', 'right_click', 'middle_click'] as const) {
      expect((await f.client.perform({ type, at })).status).toBe('performed');
      // Longer than the double-click interval, so one click does not pair with the next.
      await f.tp.page.waitForTimeout(700);
    }
    const ev = (await f.tp.events()).filter((e) => ['click', 'dblclick', 'contextmenu', 'auxclick'].includes(e.type));
    expect(ev.map((e) => `${e.type}:${e.button}`)).toEqual(['click:0', 'click:0', 'click:0', 'dblclick:0', 'contextmenu:2', 'auxclick:2', 'auxclick:1']);
    expect(ev.every((e) => e.target === 'btn' && e.x === 80 && e.y === 40)).toBe(true);
  });

  it('drags from one point to another with the button held throughout', async () => {
    await f.tp.clearEvents();
    expect((await f.client.perform({ type: 'drag', from: f.tp.screen(40, 120), to: f.tp.screen(260, 180) })).status).toBe('performed');
    await settle();
    const ev = await f.tp.events();
    expect(ev.find((e) => e.type === 'mousedown')).toMatchObject({ x: 40, y: 120, target: 'drag' });
    expect(ev.find((e) => e.type === 'mouseup')).toMatchObject({ x: 260, y: 180 });
    expect(ev.filter((e) => e.type === 'dragmove').length).toBeGreaterThanOrEqual(5);
    expect(heldInX()).toEqual([]);
  });

  it('types quotes, backslashes, new lines, shifted symbols and non-ASCII text exactly', async () => {
    await f.client.perform({ type: 'click', at: f.tp.screen(550, 100) });
    await f.tp.page.$eval('#ta', (e) => ((e as HTMLTextAreaElement).value = ''));
    const text = `He said "it's fine" \\ ok!\nSecond line: ~!@#$%^&*()_+{}|:<>?[]\nÉté, naïve, 日本語, €5, ✓ 🙂`;
    const outcome = await f.client.perform({ type: 'type', text });
    expect(outcome.status).toBe('performed');
    await settle();
    expect(await value()).toBe(text);
  });

  it('presses hotkeys: ctrl+a selects the text, shift+tab moves focus back', async () => {
    await f.client.perform({ type: 'click', at: f.tp.screen(550, 100) });
    await f.tp.page.$eval('#ta', (e) => ((e as HTMLTextAreaElement).value = 'select me'));
    await f.client.perform({ type: 'hotkey', keys: ['ctrl', 'a'] });
    await settle();
    expect(await f.tp.page.$eval('#ta', (e) => [(e as HTMLTextAreaElement).selectionStart, (e as HTMLTextAreaElement).selectionEnd])).toEqual([0, 9]);
    await f.client.perform({ type: 'click', at: f.tp.screen(400, 210) });
    await settle();
    expect(await f.tp.page.evaluate(() => document.activeElement?.id)).toBe('in2');
    await f.client.perform({ type: 'hotkey', keys: ['shift', 'tab'] });
    await settle();
    expect(await f.tp.page.evaluate(() => document.activeElement?.id)).toBe('ta');
    expect(heldInX()).toEqual([]);
  });

  it('scrolls in all four directions', async () => {
    const at = f.tp.screen(170, 350);
    const pos = () => f.tp.page.$eval('#sc', (e) => ({ top: e.scrollTop, left: e.scrollLeft }));
    // Wheel events reach the page asynchronously: read the position once it stops moving, so a
    // late notch of one direction is not counted against the next.
    const stablePos = async () => {
      let last = await pos();
      for (let i = 0; i < 20; i++) {
        await new Promise((r) => setTimeout(r, 100));
        const now = await pos();
        if (now.top === last.top && now.left === last.left) return now;
        last = now;
      }
      return last;
    };
    const moves: Record<string, { top: number; left: number }> = {};
    for (const direction of ['down', 'up', 'right', 'left'] as const) {
      const before = await pos();
      expect((await f.client.perform({ type: 'scroll', at, direction, amount: 3 })).status).toBe('performed');
      await settle();
      const after = await stablePos();
      moves[direction] = { top: Math.sign(after.top - before.top), left: Math.sign(after.left - before.left) };
    }
    expect(moves).toEqual({ down: { top: 1, left: 0 }, up: { top: -1, left: 0 }, right: { top: 0, left: 1 }, left: { top: 0, left: -1 } });
  });
});

describe.runIf(process.env.DISPLAY)('policy denial', () => {
  it('leaves the screen, the page and the pointer untouched', async () => {
    const strict = await ExecutorClient.start({ policy: 'strict', auditDir: f.auditDir });
    try {
      await f.tp.clearEvents();
      const pointer = pointerAt();
      const before = await f.tp.page.screenshot();
      const outcome = await strict.perform({ type: 'click', at: f.tp.screen(80, 40) });
      expect(outcome).toMatchObject({ status: 'denied', reason: expect.stringMatching(/needs approval.*no way to ask/) });
      await settle();
      expect(await f.tp.events()).toEqual([]);
      expect(pointerAt()).toEqual(pointer);
      expect((await f.tp.page.screenshot()).equals(before)).toBe(true);
    } finally {
      await strict.close();
    }
  });
});
