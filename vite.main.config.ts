// Vite config of the main process and the engine host (merged by Forge's Vite plugin, which
// builds them as CommonJS into .vite/build).
import { defineConfig } from 'vite';
import { devScriptHashes } from './vite.renderer.config.ts';

export default defineConfig(({ command }) => ({
  define: { OPERANT_DEV_SCRIPT_HASHES: JSON.stringify(command === 'serve' ? devScriptHashes() : []) },
  // The engine host's boot file loads tsx from node_modules at run time: bundled, its loader
  // would look for its own files beside the bundle.
  build: { rollupOptions: { external: [/^tsx(\/|$)/] } },
}));
