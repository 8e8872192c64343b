// Vite config of the renderer (merged by Forge's Vite plugin with its own defaults). It writes the
// Content Security Policy into the HTML as a meta tag, from the same builder the main process
// uses for the header.
import react from '@vitejs/plugin-react';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { buildCsp } from './electron/main/csp.ts';

const projectDir = fileURLToPath(new URL('.', import.meta.url));

/** CSP hash of the inline React refresh preamble the dev server adds to index.html. */
export function devScriptHashes(): string[] {
  const preamble = react.preambleCode.replace('__BASE__', '/');
  return [`'sha256-${createHash('sha256').update(preamble).digest('base64')}'`];
}

function cspMetaTag(): Plugin {
  let dev = false;
  return {
    name: 'operant:csp-meta',
    configResolved: (config) => void (dev = config.command === 'serve'),
    transformIndexHtml: {
      // Last to prepend, so first in <head>: a CSP meta tag only governs what follows it.
      order: 'post',
      handler: () => [
        { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: buildCsp({ dev, devScriptHashes: devScriptHashes() }) }, injectTo: 'head-prepend' },
      ],
    },
  };
}

export default defineConfig((env) => {
  const name = (env as { forgeConfigSelf?: { name?: string } }).forgeConfigSelf?.name ?? 'main_window';
  return {
    root: `${projectDir}renderer`,
    base: './',
    build: { outDir: `${projectDir}.vite/renderer/${name}`, emptyOutDir: true },
    plugins: [react(), cspMetaTag()],
  };
});
