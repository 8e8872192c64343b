// Builds the app the way `electron-forge package` does, without Forge's CLI (it needs Node 22)
// and without the Electron binary: the same plugin config, resolved by the Forge Vite plugin's
// own config generator, handed to Vite. Output lands in .vite/ like Forge's.
import path from 'node:path';
import { build } from 'vite';
import forgeConfig from '../../../forge.config.ts';

const root = path.resolve(import.meta.dirname, '../../..');

interface ConfigGenerator {
  getBuildConfigs(): Promise<object[]>;
  getRendererConfig(): Promise<object[]>;
}

/** Runs `build` with NODE_ENV=production: Vitest sets it to "test", which would make Vite bundle React's development build. */
export async function asProduction<T>(build: () => Promise<T>): Promise<T> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    return await build();
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

export async function forgeBuild(): Promise<string> {
  const vitePlugin = forgeConfig.plugins?.find((p) => (p as { name?: string }).name === 'vite') as unknown as { config: object };
  // The generator is internal to the plugin (not in its exports map), so it is loaded by path.
  const { default: Generator } = (await import(path.join(root, 'node_modules/@electron-forge/plugin-vite/dist/ViteConfig.js'))) as {
    default: new (config: object, projectDir: string, isProd: boolean) => ConfigGenerator;
  };
  const gen = new Generator(vitePlugin.config, root, true);
  const configs = [...(await gen.getBuildConfigs()), ...(await gen.getRendererConfig())];
  await asProduction(async () => {
    for (const config of configs) await build({ ...config, configFile: false, logLevel: 'warn' });
  });
  return path.join(root, '.vite');
}
