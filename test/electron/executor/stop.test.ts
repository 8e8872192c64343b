// The stop switch and the crash path: a stop lands within 100 ms even mid-type, a killed
// executor leaves no key or button down, and its audit log stays complete and readable.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ExecutorClient, releaseFromOutside } from '../../../electron/core/executorClient.ts';
import { releaseWithNut, xdotoolReleaseArgs } from '../../../electron/executor/outsideRelease.ts';
import { executorAndPage } from './pageFixture.ts';
import { heldInX } from './xstate.ts';

const f = executorAndPage('stop');

const length = () => f.tp.page.$eval('#ta', (e) => (e as HTMLTextAreaElement).value.length);
/** Mixed case and shifted symbols: shift goes down and up all the time. */
const LONG = Array.from({ length: 2000 }, (_, i) => 'aB!c"D e?F'[i % 10]).join('');

async function waitFor(cond: () => Promise<boolean> | boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function focusedEmptyTextarea(c: ExecutorClient): Promise<void> {
  await c.perform({ type: 'click', at: f.tp.screen(550, 100) });
  await f.tp.page.$eval('#ta', (e) => ((e as HTMLTextAreaElement).value = ''));
}

describe.runIf(process.env.DISPLAY)('stop switch', () => {
  it('interrupts a 2,000-character type within 100 ms and leaves no modifier pressed', async () => {
    await focusedEmptyTextarea(f.client);
    const typing = f.client.perform({ type: 'type', text: LONG });
    await waitFor(async () => (await length()) >= 40);
    const t0 = performance.now();
    await f.client.stop();
    const stopMs = performance.now() - t0;
    expect(heldInX()).toEqual([]);
    expect(await typing).toMatchObject({ status: 'stopped' });
    expect(stopMs).toBeLessThan(100);
    await f.tp.page.waitForTimeout(300);
    const atStop = await length();
    await f.tp.page.waitForTimeout(300);
    expect(await length()).toBe(atStop);
    expect(atStop).toBeLessThan(2000);
    // What was typed is an exact prefix: no character lost or shifted wrongly before the stop.
    expect(await f.tp.page.$eval('#ta', (e) => (e as HTMLTextAreaElement).value)).toBe(LONG.slice(0, atStop));
    // The same executor keeps working after a stop.
    expect((await f.client.perform({ type: 'move', at: f.tp.screen(10, 10) })).status).toBe('performed');
  });

  it('stops queued actions and a pending wait too', async () => {
    const waiting = f.client.perform({ type: 'wait', ms: 10_000 });
    const queued = f.client.perform({ type: 'click', at: f.tp.screen(80, 40) });
    await new Promise((r) => setTimeout(r, 100));
    await f.client.stop();
    expect(await waiting).toMatchObject({ status: 'stopped' });
    expect(await queued).toMatchObject({ status: 'stopped' });
  });
});

describe.runIf(process.env.DISPLAY)('a hung executor', () => {
  it('is killed by the stop switch within 100 ms, its keys released, and a fresh one takes over', async () => {
    const hung = await ExecutorClient.start({ policy: 'permissive', auditDir: f.auditDir, screenHashes: false });
    try {
      const first = hung.pid;
      const waiting = hung.perform({ type: 'wait', ms: 10_000 });
      await new Promise((r) => setTimeout(r, 100));
      // A frozen process cannot answer the stop message: the client must kill it.
      process.kill(first, 'SIGSTOP');
      const t0 = performance.now();
      await hung.stop();
      expect(performance.now() - t0).toBeLessThan(100);
      expect((await hung.exited).signal).toBe('SIGKILL');
      expect(await waiting).toMatchObject({ status: 'stopped', reason: expect.stringMatching(/killed by the stop switch/) });
      expect(heldInX()).toEqual([]);
      const next = await hung.perform({ type: 'move', at: f.tp.screen(20, 20) });
      expect(next.status).toBe('performed');
      expect(hung.pid).not.toBe(first);
    } finally {
      await hung.close();
    }
  });
});

/** An executor of its own for a test that kills it; closed (and so reaped) whatever happens. */
async function withVictim(test: (victim: ExecutorClient) => Promise<void>): Promise<void> {
  const victim = await ExecutorClient.start({ policy: 'permissive', auditDir: f.auditDir, screenHashes: false });
  try {
    await test(victim);
  } finally {
    await victim.close();
  }
}

describe.runIf(process.env.DISPLAY)('a killed executor', () => {
  it('kill -9 in the middle of a drag: no button or key stays down, and the log is complete', () => withVictim(async (victim) => {
    const dragging = victim.perform({ type: 'drag', from: f.tp.screen(40, 120), to: f.tp.screen(260, 180) });
    // Freeze the executor as soon as it says it holds the button, so the kill lands mid-drag
    // however loaded the machine is; the X server itself confirms the button is down.
    await waitFor(() => victim.holding.buttons.includes('left'));
    process.kill(victim.pid, 'SIGSTOP');
    // It reports before it presses: let it run in small steps until the button is really down.
    for (let i = 0; i < 100 && !heldInX().includes('button1'); i++) {
      process.kill(victim.pid, 'SIGCONT');
      await new Promise((r) => setTimeout(r, 1));
      process.kill(victim.pid, 'SIGSTOP');
    }
    expect(heldInX()).toContain('button1');
    process.kill(victim.pid, 'SIGKILL');
    const exit = await victim.exited;
    expect(exit.signal).toBe('SIGKILL');
    expect(await dragging).toMatchObject({ status: 'failed', reason: expect.stringMatching(/killed by SIGKILL/) });
    expect(heldInX()).toEqual([]);
    const lines = readFileSync(victim.auditPath, 'utf8').trim().split('\n');
    const records = lines.map((l) => JSON.parse(l) as { phase: string; action?: { type: string } });
    expect(records[0]!.phase).toBe('session');
    expect(records.at(-1)).toMatchObject({ phase: 'intent', action: { type: 'drag' } });
  }));

  it('kill -9 while typing shifted text: nothing stays pressed', () => withVictim(async (victim) => {
    await focusedEmptyTextarea(victim);
    void victim.perform({ type: 'type', text: LONG });
    await waitFor(async () => (await length()) >= 30);
    process.kill(victim.pid, 'SIGKILL');
    await victim.exited;
    expect(heldInX()).toEqual([]);
    for (const line of readFileSync(victim.auditPath, 'utf8').trim().split('\n')) JSON.parse(line);
  }));

  it.each([
    ['xdotool', releaseFromOutside],
    ['a fresh nut-js process', releaseWithNut],
  ])('the parent releases keys and buttons with %s', async (_how, release) => {
    // Another live X client holds ctrl, "a" and the left button, as a wedged executor would.
    const holder = spawn('xdotool', ['keydown', 'Control_L', 'keydown', 'a', 'mousedown', '1', 'sleep', '30'], { stdio: 'ignore' });
    try {
      await waitFor(() => heldInX().length === 3);
      await release(process.env.DISPLAY!, { keys: ['a'], buttons: ['left'] });
      expect(heldInX()).toEqual([]);
    } finally {
      holder.kill();
    }
  });
});

describe('release arguments for xdotool', () => {
  it('releases what was held plus every modifier, and defers to nut-js for keys it cannot name', () => {
    expect(xdotoolReleaseArgs({ keys: ['a', 'pageup'], buttons: ['left', 'right'] })).toEqual(['keyup', 'a', 'Prior', 'Control_L', 'Shift_L', 'Alt_L', 'Super_L', 'mouseup', '1', 'mouseup', '3']);
    expect(xdotoolReleaseArgs({ keys: [], buttons: [] })).toEqual(['keyup', 'Control_L', 'Shift_L', 'Alt_L', 'Super_L']);
    expect(xdotoolReleaseArgs({ keys: ['f24'], buttons: [] })).toBeUndefined();
  });
});
