// Builds the renderer with its real Vite config, serves it the way the app does (the same CSP
// header the main process sets), and opens it in Debian's Chromium.
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { build } from 'vite';
import { buildCsp } from '../../electron/main/csp.ts';
import { asProduction } from '../electron/main/forgeBuild.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const OUTPUT = path.join(ROOT, 'test-output', 'renderer');
const DIST = path.join(OUTPUT, 'dist');

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.svg': 'image/svg+xml' };

export async function buildRenderer(): Promise<string> {
  await asProduction(() => build({ configFile: path.join(ROOT, 'vite.renderer.config.ts'), build: { outDir: DIST, emptyOutDir: true }, logLevel: 'warn' }));
  mkdirSync(OUTPUT, { recursive: true });
  return DIST;
}

/** Serves `dir` on 127.0.0.1 with the production CSP header; resolves to its base URL. */
export async function serve(dir: string): Promise<{ url: string; server: Server }> {
  const csp = buildCsp({ dev: false });
  const server = createServer(async (req, res) => {
    const file = path.join(dir, path.normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, ''));
    try {
      const body = await readFile(file.endsWith('/') ? path.join(file, 'index.html') : file);
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': csp });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}
