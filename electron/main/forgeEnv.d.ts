// Constants the Forge Vite plugin and vite.main.config.ts define in the main bundle.
/// <reference types="@electron-forge/plugin-vite/forge-vite-env" />

declare global {
  /** sha256 CSP sources of the inline scripts the Vite dev server injects (empty when packaged). */
  const OPERANT_DEV_SCRIPT_HASHES: string[];
}

export {};
