// Opens a task in a real Chromium window at a known place on the current X display, and maps
// page CSS pixels to screen pixels, so real input (nut-js, xdotool) can reach what the page draws.
import { type Browser, chromium, type Page } from 'playwright-core';
import { OperantError } from '../../../engine/errors.ts';
import type { ExpertStep, TaskSpec } from './types.ts';

export interface OpenTask {
  page: Page;
  toScreen(p: { x: number; y: number }): { x: number; y: number };
  check(): Promise<boolean>;
  expert(): Promise<ExpertStep | null>;
  screenshot(): Promise<Buffer>;
  close(): Promise<void>;
}

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run',
  // Wheel scrolls land at once instead of animating, so the screen settles right after a step.
  '--disable-smooth-scrolling',
  '--force-device-scale-factor=1',
];

declare global {
  interface Window {
    operantTask: { check(): boolean; expert(): ExpertStep | null };
  }
}

async function launch(headless: boolean, x: number, y: number, task: TaskSpec): Promise<Browser> {
  try {
    return await chromium.launch({
      executablePath: CHROMIUM,
      headless,
      // Without --enable-automation Chromium shows no "controlled by automated software" bar,
      // which would otherwise cover the top of every task.
      ignoreDefaultArgs: ['--enable-automation'],
      args: [...ARGS, `--window-position=${x},${y}`, `--window-size=${task.viewport.width},${task.viewport.height + 120}`],
    });
  } catch (e) {
    throw new OperantError(`could not start Chromium (${CHROMIUM}) for task ${task.id}: ${(e as Error).message.split('\n')[0]}; install it with \`apt-get install -y chromium\` and check that DISPLAY=${process.env.DISPLAY ?? '(unset)'} is a running X display`, 1);
  }
}

/** Resizes the window so the page viewport is exactly the task's, and returns the page's screen offset. */
async function fitWindow(page: Page, task: TaskSpec, x: number, y: number): Promise<{ x: number; y: number }> {
  const cdp = await page.context().newCDPSession(page);
  const { windowId } = (await cdp.send('Browser.getWindowForTarget')) as { windowId: number };
  for (let attempt = 0; attempt < 3; attempt++) {
    const m = await page.evaluate(() => ({ ow: outerWidth, oh: outerHeight, iw: innerWidth, ih: innerHeight }));
    if (m.iw === task.viewport.width && m.ih === task.viewport.height) break;
    await cdp.send('Browser.setWindowBounds', {
      windowId,
      bounds: { left: x, top: y, width: task.viewport.width + (m.ow - m.iw), height: task.viewport.height + (m.oh - m.ih) },
    });
    await page.waitForFunction(({ w, h }) => innerWidth === w && innerHeight === h, { w: task.viewport.width, h: task.viewport.height }, { timeout: 2000 }).catch(() => undefined);
  }
  await cdp.detach();
  // Chromium draws its tab strip and toolbar above the page and no side borders, so the page's
  // top-left corner on screen is the window's position plus that chrome.
  return page.evaluate(() => ({ x: screenX + (outerWidth - innerWidth) / 2, y: screenY + (outerHeight - innerHeight) }));
}

export async function openTask(task: TaskSpec, opts: { windowX?: number; windowY?: number; headless?: boolean } = {}): Promise<OpenTask> {
  const x = opts.windowX ?? task.window.x;
  const y = opts.windowY ?? task.window.y;
  const headless = opts.headless ?? false;
  const browser = await launch(headless, x, y, task);
  try {
    const context = await browser.newContext(headless ? { viewport: task.viewport } : { viewport: null });
    const page = await context.newPage();
    // Playwright dismisses native dialogs nobody listens for; tasks draw their own dialogs instead.
    await page.setContent(task.html, { waitUntil: 'load' });
    await page.waitForFunction(() => typeof window.operantTask?.check === 'function', undefined, { timeout: 5000 });
    const offset = headless ? { x: 0, y: 0 } : await fitWindow(page, task, x, y);
    return {
      page,
      toScreen: (p) => ({ x: Math.round(offset.x + p.x), y: Math.round(offset.y + p.y) }),
      check: () => page.evaluate(() => window.operantTask.check()),
      expert: () => page.evaluate(() => window.operantTask.expert()),
      screenshot: () => page.screenshot(),
      close: () => browser.close(),
    };
  } catch (e) {
    await browser.close();
    throw e;
  }
}
