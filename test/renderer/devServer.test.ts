// `electron-forge start` serves the renderer from Vite's dev server, which injects an inline
// React refresh preamble and inline styles. The development CSP (meta tag and header, both from
// electron/main/csp.ts) must let exactly those through and still run the app without a single
// violation, while scripts stay limited to 'self' plus that one hash.
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildCsp } from '../../electron/main/csp.ts';
import { devScriptHashes } from '../../vite.renderer.config.ts';
import { settingsView } from './fixtures.ts';
import { launchChromium, ROOT } from './harness.ts';
import { installTestApi } from './testApi.ts';

let server: ViteDevServer;
let browser: Browser;

beforeAll(async () => {
  const csp = buildCsp({ dev: true, devScriptHashes: devScriptHashes() });
  server = await createServer({
    configFile: path.join(ROOT, 'vite.renderer.config.ts'),
    server: { host: '127.0.0.1', port: 0, headers: { 'Content-Security-Policy': csp } },
    logLevel: 'warn',
  });
  await server.listen();
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('runs the app from the dev server with no CSP violation', async () => {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await installTestApi(page, {
    getAgentState: { ok: true, value: { state: { status: 'idle' }, steps: [], approvals: [] } },
    getSettings: { ok: true, value: settingsView },
  });
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`)));
  await page.goto(`${server.resolvedUrls!.local[0]}#/session`);
  await page.getByText('What should Operant do?').waitFor({ timeout: 30_000 });
  const html = await page.content();
  expect(html).toContain('@react-refresh');
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+';/);
  expect(problems).toEqual([]);
  await page.close();
});
