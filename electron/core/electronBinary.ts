// Whether the Electron binary was downloaded by `npm install` (it is skipped on machines that
// cannot reach its download host, with ELECTRON_SKIP_BINARY_DOWNLOAD=1).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface ElectronBinary {
  installed: boolean;
  path?: string;
  version?: string;
  hint?: string;
}

export function findElectronBinary(): ElectronBinary {
  const require = createRequire(import.meta.url);
  let dir: string;
  try {
    dir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { installed: false, hint: 'the electron package is not installed: run `npm install`' };
  }
  const version = (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  const pathTxt = path.join(dir, 'path.txt');
  const binary = existsSync(pathTxt) ? path.join(dir, 'dist', readFileSync(pathTxt, 'utf8').trim()) : undefined;
  if (binary && existsSync(binary)) return { installed: true, path: binary, version };
  return {
    installed: false,
    version,
    hint: `the Electron ${version} binary was not downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD=1 or no network): on a machine that can reach it run \`node node_modules/electron/install.js\`; meanwhile use the headless CLI, \`npx operant --help\``,
  };
}
