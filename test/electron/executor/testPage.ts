// A real Chromium window on the test display with targets at known places; every event the
// page sees is recorded, so tests read back what the executor's input really did.
import { type Browser, chromium, type Page } from 'playwright-core';

const HTML = `<!doctype html><meta charset="utf-8"><style>
  body { margin: 0; font: 14px sans-serif; }
  #btn { position: fixed; left: 20px; top: 20px; width: 120px; height: 40px; }
  #drag { position: fixed; left: 20px; top: 100px; width: 300px; height: 100px; background: #cde; }
  #ta { position: fixed; left: 350px; top: 20px; width: 400px; height: 150px; }
  #in2 { position: fixed; left: 350px; top: 200px; width: 200px; }
  #sc { position: fixed; left: 20px; top: 250px; width: 300px; height: 200px; overflow: scroll; }
  #sc div { width: 4000px; height: 4000px; background: linear-gradient(45deg, #eee, #999); }
</style>
<button id="btn">target</button><div id="drag"></div><textarea id="ta"></textarea><input id="in2">
<div id="sc"><div></div></div>
<script>
  window.log = [];
  window.offset = null;
  const rec = (e) => log.push({ type: e.type, button: e.button, x: e.clientX, y: e.clientY, target: e.target.id });
  for (const t of ['click', 'dblclick', 'contextmenu', 'auxclick', 'mousedown', 'mouseup']) addEventListener(t, rec, true);
  addEventListener('contextmenu', (e) => e.preventDefault());
  addEventListener('mousemove', (e) => { window.offset = { x: e.screenX - e.clientX, y: e.screenY - e.clientY }; if (e.buttons) log.push({ type: 'dragmove', x: e.clientX, y: e.clientY }); }, true);
  addEventListener('keydown', (e) => log.push({ type: 'keydown', key: e.key, ctrl: e.ctrlKey, shift: e.shiftKey, alt: e.altKey }), true);
  const sc = document.getElementById('sc'); sc.scrollTop = 1500; sc.scrollLeft = 1500;
</script>`;

export interface TestPage {
  browser: Browser;
  page: Page;
  /** Screen pixels of a point given in page (client) coordinates. */
  screen(x: number, y: number): { x: number; y: number };
  events(): Promise<{ type: string; button?: number; x?: number; y?: number; target?: string; key?: string; ctrl?: boolean; shift?: boolean }[]>;
  clearEvents(): Promise<void>;
  close(): Promise<void>;
}

export async function openTestPage(calibrate: (x: number, y: number) => Promise<void>, display = process.env.DISPLAY): Promise<TestPage> {
  const browser = await chromium.launch({
    headless: false,
    env: { ...process.env, DISPLAY: display },
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--window-position=0,0', '--window-size=1000,700'],
  });
  const page = await browser.newPage({ viewport: null });
  await page.setContent(HTML);
  // Where the page sits on screen: move the pointer over it and read screenX - clientX.
  let offset: { x: number; y: number } | null = null;
  for (let i = 0; i < 20 && !offset; i++) {
    await calibrate(500 + i, 500);
    await page.waitForTimeout(50);
    offset = await page.evaluate(() => (window as unknown as { offset: { x: number; y: number } | null }).offset);
  }
  if (!offset) throw new Error('the test page never saw the pointer: is the Chromium window on this display?');
  const o = offset;
  return {
    browser,
    page,
    screen: (x, y) => ({ x: x + o.x, y: y + o.y }),
    events: () => page.evaluate(() => (window as unknown as { log: never[] }).log),
    clearEvents: () => page.evaluate(() => void ((window as unknown as { log: unknown[] }).log = [])),
    close: () => browser.close(),
  };
}
