// The renderer, built by Vite with its real config, in Debian's Chromium: the command bar
// submits, the timeline renders steps, the approval dialog resolves, the stop button stops.
// Screenshots land in test-output/renderer/ to be looked at.
import type { Server } from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StepEvent } from '../../electron/shared/ipc.ts';
import { approval, COMMAND, makeSteps, running, settingsView } from './fixtures.ts';
import { buildRenderer, launchChromium, OUTPUT, serve } from './harness.ts';
import { type Answers, calls, emit, installTestApi } from './testApi.ts';

let browser: Browser;
let server: Server;
let base: string;
let steps: StepEvent[];

const baseAnswers: Answers = {
  getAgentState: { ok: true, value: { state: { status: 'idle' }, steps: [], approvals: [] } },
  getSettings: { ok: true, value: settingsView },
  hideCommandBar: { ok: true, value: { hidden: true } },
};

interface Opened {
  page: Page;
  violations: string[];
}

async function open(route: string, opts: { answers?: Answers; dark?: boolean; size?: { width: number; height: number } } = {}): Promise<Opened> {
  const page = await browser.newPage({ viewport: opts.size ?? { width: 1040, height: 760 }, colorScheme: opts.dark ? 'dark' : 'light' });
  const violations: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') violations.push(m.text());
  });
  page.on('pageerror', (e) => violations.push(e.message));
  await installTestApi(page, { ...baseAnswers, ...opts.answers });
  await page.goto(`${base}/index.html#/${route}`);
  // The app subscribes to events before it asks for its first snapshot: once it has asked,
  // events the test sends are no longer lost.
  await expect.poll(() => calls(page).then((c) => c.some((x) => x.name === 'getAgentState'))).toBe(true);
  return { page, violations };
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(OUTPUT, `${name}.png`) });

beforeAll(async () => {
  const dist = await buildRenderer();
  ({ url: base, server } = await serve(dist));
  browser = await launchChromium();
  steps = await makeSteps(browser);
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe('command bar', () => {
  it('submits the typed command, then shows the run', async () => {
    const { page, violations } = await open('bar', { size: { width: 720, height: 120 }, answers: { submit: { ok: true, value: running } } });
    await page.getByTestId('command-input').fill(COMMAND);
    await shot(page, 'command-bar');
    await page.keyboard.press('Enter');
    await expect.poll(() => calls(page)).toContainEqual({ name: 'submit', input: { command: COMMAND } });
    await page.getByTestId('stop').waitFor();
    expect(await page.getByTestId('command-bar').textContent()).toContain(COMMAND);
    expect(violations).toEqual([]);
    await page.close();
  });

  it('closes on Escape without submitting', async () => {
    const { page } = await open('bar', { size: { width: 720, height: 120 }, dark: true });
    await page.getByTestId('command-input').fill('never mind');
    await shot(page, 'command-bar-dark');
    await page.getByTestId('command-input').press('Escape');
    await expect.poll(() => calls(page)).toContainEqual({ name: 'hideCommandBar', input: null });
    expect((await calls(page)).some((c) => c.name === 'submit')).toBe(false);
    await page.close();
  });

  it('shows why a command was refused and keeps the text', async () => {
    const message = 'this build cannot act on commands yet: the agent loop and the executor are not part of it. Run `npx operant --help` to see what works today.';
    const { page } = await open('bar', { size: { width: 720, height: 120 }, answers: { submit: { ok: false, error: { code: 'failed', message } } } });
    await page.getByTestId('command-input').fill('open the calculator');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('bar-message').textContent()).toBe(message.replaceAll('`', ''));
    expect(await page.getByTestId('bar-message').locator('code').textContent()).toBe('npx operant --help');
    expect(await page.getByTestId('command-input').inputValue()).toBe('open the calculator');
    await shot(page, 'command-bar-error');
    await page.close();
  });

  it('recalls earlier commands with the arrow keys', async () => {
    const { page } = await open('bar', { size: { width: 720, height: 120 }, answers: { submit: { ok: true, value: running } } });
    const input = page.getByTestId('command-input');
    for (const c of ['first command', 'second command']) {
      await input.fill(c);
      await input.press('Enter');
      await page.getByTestId('stop').waitFor();
      await emit(page, 'agent:state', { ...running, status: 'finished' });
      await expect.poll(() => input.inputValue()).toBe('');
    }
    await input.press('ArrowUp');
    expect(await input.inputValue()).toBe('second command');
    await input.press('ArrowUp');
    expect(await input.inputValue()).toBe('first command');
    await input.press('ArrowDown');
    expect(await input.inputValue()).toBe('second command');
    await page.close();
  });

  it('offers Stop instead of the input while the agent works', async () => {
    const { page } = await open('bar', { size: { width: 720, height: 120 }, answers: { stop: { ok: true, value: { ...running, status: 'stopping' } } } });
    await emit(page, 'agent:state', running);
    await shot(page, 'command-bar-running');
    await emit(page, 'agent:approval-request', approval);
    await expect.poll(() => page.getByTestId('bar-message').textContent()).toBe('Waiting for your answer in the Operant window.');
    await page.getByTestId('stop').click();
    await expect.poll(() => calls(page)).toContainEqual({ name: 'stop', input: null });
    await expect.poll(() => page.getByTestId('stop').textContent()).toBe('Stopping…');
    await page.close();
  });
});

describe('session view', () => {
  it('renders each step with its thumbnail, action and outcome', async () => {
    for (const dark of [false, true]) {
      const { page, violations } = await open('session', { dark });
      await emit(page, 'agent:state', running);
      for (const step of steps) await emit(page, 'agent:step', step);
      const cards = page.getByTestId('step');
      await expect.poll(() => cards.count()).toBe(3);
      expect(await cards.nth(0).locator('h3').textContent()).toBe('Click at (640, 330) on “Email” (text_field)');
      expect(await cards.nth(1).locator('h3').textContent()).toBe('Type “ada@example.com”');
      expect(await cards.nth(2).textContent()).toContain('The screen did not change after the click.');
      expect(await cards.nth(2).locator('.chip').textContent()).toBe('Failed');
      // The thumbnails decode: a broken data URL would leave naturalWidth at 0.
      const widths = await cards.locator('img').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth));
      expect(widths).toEqual([320, 320, 320]);
      expect(await page.getByTestId('run-header').textContent()).toContain(COMMAND);
      await shot(page, dark ? 'session-dark' : 'session-light');
      expect(violations).toEqual([]);
      await page.close();
    }
  });

  it('fits the main window at its minimum size without sideways scrolling', async () => {
    for (const route of ['session', 'settings']) {
      const { page } = await open(route, { size: { width: 720, height: 520 } });
      await emit(page, 'agent:state', running);
      for (const step of steps) await emit(page, 'agent:step', step);
      await page.locator(route === 'session' ? '[data-testid=step]' : '[data-testid=settings]').first().waitFor();
      const overflow = await page.evaluate(() => [...document.querySelectorAll('.content, .content *')].filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'hidden').map((el) => el.className));
      expect(overflow).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(720);
      await shot(page, `${route}-narrow`);
      await page.close();
    }
  });

  it('ignores steps of another run and starts a new run with an empty timeline', async () => {
    const { page } = await open('session');
    await emit(page, 'agent:state', running);
    await emit(page, 'agent:step', { ...steps[0], sessionId: 'other' });
    await emit(page, 'agent:step', steps[0]);
    await expect.poll(() => page.getByTestId('step').count()).toBe(1);
    await emit(page, 'agent:state', { ...running, sessionId: 'run2', command: 'something else' });
    await expect.poll(() => page.getByTestId('step').count()).toBe(0);
    await page.close();
  });

  it('keeps the stop button in view while the agent runs, and stops it', async () => {
    const { page } = await open('session', { answers: { stop: { ok: true, value: { ...running, status: 'stopping' } } } });
    await emit(page, 'agent:state', running);
    for (const step of steps) await emit(page, 'agent:step', step);
    await page.locator('.content').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    const stop = page.getByTestId('stop');
    expect(await stop.isVisible()).toBe(true);
    const box = await stop.boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= 760).toBe(true);
    await stop.click();
    await expect.poll(() => calls(page)).toContainEqual({ name: 'stop', input: null });
    await expect.poll(() => stop.textContent()).toBe('Stopping…');
    await emit(page, 'agent:state', { ...running, status: 'stopped', message: 'stopped by you', endedAt: running.startedAt! + 21_400 });
    await expect.poll(() => page.getByTestId('stop').count()).toBe(0);
    expect(await page.getByTestId('ending').textContent()).toContain('stopped by you');
    expect(await page.getByTestId('run-header').textContent()).toContain('21 s');
    await shot(page, 'session-stopped');
    await page.close();
  });
});

describe('approval dialog', () => {
  it('resolves with approve, always or deny and then closes', async () => {
    const answers: [string, (p: Page) => Promise<void>][] = [
      ['approve', (p) => p.getByTestId('approve').click()],
      ['always', (p) => p.getByTestId('approve-always').click()],
      ['deny', (p) => p.keyboard.press('Escape')],
    ];
    for (const [answer, act] of answers) {
      const { page } = await open('session', { answers: { answerApproval: { ok: true, value: { requestId: approval.requestId } } } });
      await emit(page, 'agent:state', running);
      await emit(page, 'agent:step', steps[0]);
      await emit(page, 'agent:approval-request', approval);
      const dialog = page.getByTestId('approval');
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain('Launch xterm');
      if (answer === 'approve') await shot(page, 'approval');
      // Enter alone must not approve: the dialog holds the focus, not the Approve button.
      await page.keyboard.press('Enter');
      expect(await dialog.isVisible()).toBe(true);
      // Tab stays inside the dialog.
      const focused: string[] = [];
      for (let i = 0; i < 4; i++) {
        await page.keyboard.press('Tab');
        focused.push(await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? ''));
      }
      expect(focused).toEqual(['approve-always', 'deny', 'approve', 'approve-always']);
      await act(page);
      await expect.poll(() => calls(page)).toContainEqual({ name: 'answerApproval', input: { requestId: approval.requestId, answer } });
      await expect.poll(() => dialog.count()).toBe(0);
      await page.close();
    }
  });

  it('stays open and says so when the answer is refused', async () => {
    const { page } = await open('session', { answers: { answerApproval: { ok: false, error: { code: 'bad-input', message: 'there is no open approval ask1: it was already answered, or the run ended' } } } });
    await emit(page, 'agent:state', running);
    await emit(page, 'agent:approval-request', approval);
    await page.getByTestId('approve').click();
    await expect.poll(() => page.getByTestId('session-error').textContent()).toContain('already answered');
    await page.close();
  });
});

describe('settings page', () => {
  it('shows the settings and saves a policy, a model and a recorded shortcut', async () => {
    for (const dark of [false, true]) {
      const { page, violations } = await open('settings', { dark, answers: { setSettings: { ok: true, value: settingsView } } });
      await page.getByTestId('settings').waitFor();
      await shot(page, dark ? 'settings-dark' : 'settings-light');
      expect(violations).toEqual([]);
      if (dark) {
        await page.close();
        continue;
      }
      await page.getByText('Strict', { exact: true }).click();
      await expect.poll(() => calls(page)).toContainEqual({ name: 'setSettings', input: { policy: 'strict' } });
      await page.getByTestId('model').selectOption('example-act');
      await expect.poll(() => calls(page)).toContainEqual({ name: 'setSettings', input: { model: 'example-act' } });
      await page.getByTestId('shortcut-bar').click();
      await page.keyboard.press('Control+Shift+KeyK');
      await expect.poll(() => calls(page)).toContainEqual({ name: 'setSettings', input: { shortcuts: { commandBar: 'Ctrl+Shift+K' } } });
      await page.close();
    }
  });

  it('shows the main process refusing a shortcut', async () => {
    const message = 'Ctrl+Alt+T could not be registered as the command bar shortcut: another program already uses it; choose other keys in Settings';
    const { page } = await open('settings', { answers: { setSettings: { ok: false, error: { code: 'bad-input', message } } } });
    await page.getByTestId('shortcut-bar').click();
    await page.keyboard.press('Control+Alt+KeyT');
    await expect.poll(() => page.getByTestId('settings-error').textContent()).toBe(message);
    await shot(page, 'settings-error');
    await page.close();
  });

  it('follows the main process when it shows another view', async () => {
    const { page } = await open('session');
    await emit(page, 'app:show-view', { view: 'settings' });
    await page.getByTestId('settings').waitFor();
    expect(await page.evaluate(() => window.location.hash)).toBe('#/settings');
    await page.close();
  });
});

describe('preferences', () => {
  it('keeps the theme across reloads', async () => {
    const { page } = await open('settings');
    await page.getByRole('radio', { name: 'Dark' }).click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.reload();
    await page.getByTestId('settings').waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('operant-prefs')!).version)).toBe(1);
    await page.close();
  });

  it('migrates preferences stored by version 0 and drops what it cannot read', async () => {
    const page = await browser.newPage({ viewport: { width: 720, height: 120 } });
    await page.addInitScript(() => {
      if (!localStorage.getItem('operant-prefs')) localStorage.setItem('operant-prefs', JSON.stringify({ version: 0, state: { history: ['open the old editor', 42, ''], theme: 'sepia' } }));
    });
    await installTestApi(page, baseAnswers);
    await page.goto(`${base}/index.html#/bar`);
    const input = page.getByTestId('command-input');
    await input.press('ArrowUp');
    expect(await input.inputValue()).toBe('open the old editor');
    await input.press('ArrowUp');
    expect(await input.inputValue()).toBe('open the old editor');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('system');
    await page.close();
  });
});

describe('security', () => {
  it('ships a CSP meta tag that allows scripts only from the app itself', async () => {
    const { page } = await open('session');
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toContain('unsafe');
    // An injected inline script is refused by the policy.
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inline = true';
      document.head.append(s);
      return (window as unknown as { __inline?: boolean }).__inline === true;
    });
    expect(ran).toBe(false);
    await page.close();
  });

  it('runs the session view with no API calls beyond the named functions of the contract', async () => {
    const { page } = await open('session');
    await page.getByTestId('run-header').waitFor();
    await shot(page, 'session-welcome');
    const names = new Set((await calls(page)).map((c) => c.name));
    expect([...names].sort()).toEqual(['getAgentState', 'getSettings']);
    await page.close();
  });
});

