// `npm start` on a machine without the Electron binary: one clear message, a way forward, a
// non-zero exit, and no stack trace.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { findElectronBinary } from '../../electron/core/electronBinary.ts';

const root = path.resolve(import.meta.dirname, '../..');

it.skipIf(findElectronBinary().installed)('says what is missing and points to the headless CLI', () => {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/start.js')], { cwd: root, encoding: 'utf8', timeout: 30_000 });
  expect(r.status).toBe(1);
  const output = `${r.stdout}${r.stderr}`.trim();
  expect(output.split('\n')).toHaveLength(1);
  expect(output).toContain('Operant cannot open its window: the Electron');
  expect(output).toContain('`npx operant --help`');
  expect(output).not.toMatch(/\n\s+at /);
});
