#!/usr/bin/env node
// `npm start`: runs the app through Electron Forge when the Electron binary is installed, and
// otherwise says in one message what is missing and what works without it.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
register();
const { findElectronBinary } = await import('../electron/core/electronBinary.ts');

const electron = findElectronBinary();
if (!electron.installed) {
  console.error(`Operant cannot open its window: ${electron.hint}.`);
  process.exit(1);
}

// Electron Forge 8 refuses to run on Node older than 22.13; say so before it does, with the fix.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 13)) {
  console.error(`Operant's app is started by Electron Forge, which needs Node 22.13 or newer (this is Node ${process.versions.node}): install a newer Node, or use the headless CLI, \`npx operant --help\`.`);
  process.exit(1);
}

const forge = createRequire(path.join(root, 'package.json')).resolve('@electron-forge/cli/dist/electron-forge.js');
const child = spawn(process.execPath, [forge, 'start', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
