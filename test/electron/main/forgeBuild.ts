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

export async function forgeBuild(): Promise<string> {
  const vitePlugin = forgeConfig.plugins?.find((p) => (p as { name?: string }).name === 'vite') as unknown as { config: object };
  // The generator is internal to the plugin (not in its exports map), so it is loaded by path.
  const { default: Generator } = (await import(path.join(root, 'node_modules/@electron-forge/plugin-vite/dist/ViteConfig.js'))) as {
    default: new (config: object, projectDir: string, isProd: boolean) => ConfigGenerator;
  };
  const gen = new Generator(vitePlugin.config, root, true);
  for (const config of [...(await gen.getBuildConfigs()), ...(await gen.getRendererConfig())]) {
    await build({ ...config, configFile: false, logLevel: 'warn' });
  }
  return path.join(root, '.vite');
}
