// Vite config of the main process and the engine host (merged by Forge's Vite plugin, which
// builds them as CommonJS into .vite/build).
import { defineConfig } from 'vite';
import { devScriptHashes } from './vite.renderer.config.ts';

export default defineConfig(({ command }) => ({
  define: { OPERANT_DEV_SCRIPT_HASHES: JSON.stringify(command === 'serve' ? devScriptHashes() : []) },
  // Native addons find their binaries relative to their own package, which bundling breaks: the
  // engine host requires them from node_modules at run time instead.
  build: { rollupOptions: { external: ['onnxruntime-node', 'sharp', '@nut-tree-fork/nut-js', /^tsx/] } },
}));
