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
    operantTask?: { check(): boolean; expert(): ExpertStep | null };
  }
}

/** A Chromium that tasks open their windows in; one per task, or shared to save the start-up. */
export interface TaskBrowser {
  browser: Browser;
  headless: boolean;
  close(): Promise<void>;
}

export async function launchTaskBrowser(opts: { headless?: boolean; windowX?: number; windowY?: number } = {}): Promise<TaskBrowser> {
  const headless = opts.headless ?? false;
  try {
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless,
      // Without --enable-automation Chromium shows no "controlled by automated software" bar,
      // which would otherwise cover the top of every task.
      ignoreDefaultArgs: ['--enable-automation'],
      args: [...ARGS, `--window-position=${opts.windowX ?? 0},${opts.windowY ?? 0}`],
    });
    return { browser, headless, close: () => browser.close() };
  } catch (e) {
    throw new OperantError(`could not start Chromium (${CHROMIUM}): ${(e as Error).message.split('\n')[0]}; install it with \`apt-get install -y chromium\` and check that DISPLAY=${process.env.DISPLAY ?? '(unset)'} is a running X display`, 1);
  }
}

/** Moves and sizes the window so the page viewport is exactly the task's at (x, y); returns the page's screen offset. */
async function placeWindow(page: Page, task: TaskSpec, x: number, y: number): Promise<{ x: number; y: number }> {
  const { width, height } = task.viewport;
  const cdp = await page.context().newCDPSession(page);
  const { windowId } = (await cdp.send('Browser.getWindowForTarget')) as { windowId: number };
  const placed = ({ w, h, x, y }: { w: number; h: number; x: number; y: number }) => innerWidth === w && innerHeight === h && screenX === x && screenY === y;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await page.evaluate(placed, { w: width, h: height, x, y })) break;
    const m = await page.evaluate(() => ({ ow: outerWidth, oh: outerHeight, iw: innerWidth, ih: innerHeight }));
    await cdp.send('Browser.setWindowBounds', { windowId, bounds: { left: x, top: y, width: width + (m.ow - m.iw), height: height + (m.oh - m.ih) } });
    await page.waitForFunction(placed, { w: width, h: height, x, y }, { timeout: 2000 }).catch(() => undefined);
  }
  await cdp.detach();
  if (!(await page.evaluate(placed, { w: width, h: height, x, y }))) {
    const got = await page.evaluate(() => ({ x: screenX, y: screenY, w: innerWidth, h: innerHeight }));
    throw new OperantError(`could not place the window of task ${task.id} at ${x},${y} with a ${width}×${height} page (got ${JSON.stringify(got)}): is the X screen at least ${x + width}×${y + height + 100}?`, 1);
  }
  // Chromium draws its tab strip and toolbar above the page and no side borders, so the page's
  // top-left corner on screen is the window's position plus that chrome.
  return page.evaluate(() => ({ x: screenX + (outerWidth - innerWidth) / 2, y: screenY + (outerHeight - innerHeight) }));
}

/**
 * Opens `task` in a Chromium window at (windowX, windowY) on the current display (by default the
 * task's own seeded position). With `browser`, the window opens in that shared Chromium and
 * `close()` closes only the window; otherwise the task gets a Chromium of its own.
 */
export async function openTask(task: TaskSpec, opts: { windowX?: number; windowY?: number; headless?: boolean; browser?: TaskBrowser } = {}): Promise<OpenTask> {
  const x = opts.windowX ?? task.window.x;
  const y = opts.windowY ?? task.window.y;
  const owned = opts.browser ? undefined : await launchTaskBrowser({ headless: opts.headless, windowX: x, windowY: y });
  const { browser, headless } = (opts.browser ?? owned)!;
  const context = await browser.newContext(headless ? { viewport: task.viewport } : { viewport: null });
  const close = async () => {
    await context.close();
    await owned?.close();
  };
  try {
    const page = await context.newPage();
    // Playwright dismisses native dialogs nobody listens for; tasks draw their own dialogs instead.
    await page.setContent(task.html, { waitUntil: 'load' });
    await page.waitForFunction(() => typeof window.operantTask?.check === 'function', undefined, { timeout: 5000 });
    const offset = headless ? { x: 0, y: 0 } : await placeWindow(page, task, x, y);
    return {
      page,
      toScreen: (p) => ({ x: Math.round(offset.x + p.x), y: Math.round(offset.y + p.y) }),
      // A page that navigated away (a followed link, a typed URL) no longer holds the task: its
      // goal is not reached, and it has no next step to offer.
      check: () => page.evaluate(() => window.operantTask?.check() ?? false),
      expert: () => page.evaluate(() => window.operantTask?.expert() ?? null),
      screenshot: () => page.screenshot(),
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}
