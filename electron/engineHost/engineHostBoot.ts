// Entry of the engine host as Forge bundles it (CommonJS, for Electron's utilityProcess). The
// agent core finds its models, native addons and the executor's entry relative to its own source
// files (import.meta.url), which a CommonJS bundle empties; so this bundle only registers the
// tsx loader and runs the host from the source tree two folders above .vite/build.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const entry = path.resolve(__dirname, '..', '..', 'electron', 'engineHost', 'engineHost.ts');

async function boot() {
  // tsx's CommonJS API cannot register its loader (Node 20); its ES module API, imported, can.
  const { register } = await import('tsx/esm/api');
  register();
  await import(/* @vite-ignore */ pathToFileURL(entry).href);
}

boot().catch((e: unknown) => {
  console.error(`engine host: could not load ${entry}: ${(e as Error).message}. The app runs the host from its sources and node_modules beside .vite/`);
  process.exit(1);
});
