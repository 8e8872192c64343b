// Electron Forge: the Vite builds of main, preload, engine host and renderer; installers for
// Linux (deb, zip), Windows (Squirrel) and macOS (dmg, zip); and the Electron fuses that turn off
// ways to run the packaged binary as something other than Operant.
import { MakerDeb } from '@electron-forge/maker-deb';
import { MakerDMG } from '@electron-forge/maker-dmg';
import { MakerSquirrel } from '@electron-forge/maker-squirrel';
import { MakerZIP } from '@electron-forge/maker-zip';
import { FusesPlugin } from '@electron-forge/plugin-fuses';
import { VitePlugin } from '@electron-forge/plugin-vite';
import type { ForgeConfig } from '@electron-forge/shared-types';
import { FuseV1Options, FuseVersion } from '@electron/fuses';

const icon = 'electron/main/assets/icon';

const config: ForgeConfig = {
  packagerConfig: {
    name: 'Operant',
    executableName: 'operant',
    appBundleId: 'dev.operant.app',
    icon,
    // Required by the EmbeddedAsarIntegrityValidation and OnlyLoadAppFromAsar fuses.
    asar: true,
    // What the Vite plugin would keep (its .vite output) plus the model manifests, which
    // Settings lists; setting `ignore` here replaces the plugin's own filter.
    ignore: (file: string) => !!file && !(file.startsWith('/.vite') || file === '/models' || file.startsWith('/models/manifests')),
  },
  makers: [
    new MakerSquirrel({ name: 'Operant', setupIcon: `${icon}.ico` }),
    new MakerZIP({}, ['darwin', 'linux']),
    new MakerDMG({ format: 'ULFO' }),
    new MakerDeb({ options: { name: 'operant', productName: 'Operant', icon: `${icon}.png`, categories: ['Utility'], section: 'utils' } }),
  ],
  plugins: [
    new VitePlugin({
      build: [
        { entry: 'electron/main/main.ts', config: 'vite.main.config.ts', target: 'main' },
        { entry: 'electron/engineHost/engineHostBoot.ts', config: 'vite.main.config.ts', target: 'main' },
        { entry: 'electron/preload/preload.ts', config: 'vite.preload.config.ts', target: 'preload' },
      ],
      renderer: [{ name: 'main_window', config: 'vite.renderer.config.ts' }],
    }),
    new FusesPlugin({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    }),
  ],
};

export default config;
