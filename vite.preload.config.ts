// Vite config of the preload (merged by Forge's Vite plugin into one sandbox-compatible CJS file).
import { defineConfig } from 'vite';

export default defineConfig({});
