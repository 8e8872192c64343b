// The app as `electron-forge package` would build it (Forge's own Vite config generator, see
// forgeBuild.ts): every bundle is there, the preload needs nothing but electron, and the engine
// host bundle made for Electron's utilityProcess also runs as a plain Node child.
import { fork } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FuseV1Options } from '@electron/fuses';
import { EngineHostClient } from '../../../electron/engineHost/client.ts';
import forgeConfig from '../../../forge.config.ts';
import { forgeBuild } from './forgeBuild.ts';

let vite: string;
let client: EngineHostClient | undefined;

beforeAll(async () => {
  vite = await forgeBuild();
}, 120_000);
afterAll(() => client?.close());

describe('the app as Forge builds it', () => {
  it('emits main, preload, engine host and renderer', () => {
    for (const f of ['build/main.cjs', 'build/preload.cjs', 'build/engineHostBoot.cjs', 'renderer/main_window/index.html']) expect(existsSync(path.join(vite, f)), f).toBe(true);
    // A sandboxed preload may require nothing but electron.
    const requires = [...readFileSync(path.join(vite, 'build/preload.cjs'), 'utf8').matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect([...new Set(requires)]).toEqual(['electron']);
    // Minimal: the API and nothing of zod or the schemas.
    expect(readFileSync(path.join(vite, 'build/preload.cjs'), 'utf8').length).toBeLessThan(4000);
  });

  it('runs the bundled engine host as a plain Node child: it answers ping and perceives', async () => {
    const child = fork(path.join(vite, 'build/engineHostBoot.cjs'), [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    client = new EngineHostClient({ send: (m) => child.send(m as object), onMessage: (l) => child.on('message', l), onExit: (l) => child.on('exit', (c) => l(c)), kill: () => child.kill() });
    expect((await client.ping()).pid).toBe(child.pid);
    // The agent core loads from the sources, with its models and native addons.
    expect(await client.request<'perceive'>({ type: 'perceive', frame: { width: 2, height: 1, rgba: new Uint8Array(8) } })).toMatchObject({ width: 2, elements: [] });
  });

  it('packages the Vite output and the model manifests, nothing else', () => {
    const ignore = forgeConfig.packagerConfig!.ignore as (file: string) => boolean;
    const kept = ['/.vite', '/.vite/build/main.cjs', '/.vite/renderer/main_window/index.html', '/models', '/models/manifests', '/models/manifests/ppocr-v4-det.json'];
    const dropped = ['/node_modules', '/node_modules/zod/index.js', '/electron/main/main.ts', '/models/registry.ts', '/test', '/forge.config.ts', '/.git'];
    expect(kept.filter(ignore)).toEqual([]);
    expect(dropped.filter((f) => !ignore(f))).toEqual([]);
  });

  it('sets the fuses that keep the packaged binary from running as anything but Operant', () => {
    const fuses = forgeConfig.plugins!.find((p) => (p as { name?: string }).name === 'fuses') as unknown as { fusesConfig: Record<number, unknown> };
    expect(fuses.fusesConfig).toMatchObject({
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    });
    expect(forgeConfig.makers!.map((m) => (m as { name: string }).name).sort()).toEqual(['deb', 'dmg', 'squirrel', 'zip']);
  });

  it('writes the CSP meta tag into the packaged HTML', () => {
    const html = readFileSync(path.join(vite, 'renderer/main_window/index.html'), 'utf8');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;self&#39;;/);
  });
});
