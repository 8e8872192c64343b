import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const cli = (args: string[], env: NodeJS.ProcessEnv) =>
  run(process.execPath, ['bin/operant.js', ...args], { env, timeout: 60_000 }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

describe('operant doctor', () => {
  it.runIf(process.env.DISPLAY)('reports the real display size under Xvfb', async () => {
    const { stdout } = await cli(['doctor', '--json'], process.env);
    const { checks } = JSON.parse(stdout) as { checks: { name: string; ok: boolean; detail: string; data?: { width: number; height: number } }[] };
    const display = checks.find((c) => c.name === 'display')!;
    expect(display.ok).toBe(true);
    // The size the X server itself reports, read independently of nut-js.
    const { stdout: xdpy } = await run('xdpyinfo', [], { env: process.env });
    const [, w, h] = /dimensions:\s+(\d+)x(\d+) pixels/.exec(xdpy)!;
    expect(display.data).toMatchObject({ width: Number(w), height: Number(h) });
    expect(checks.find((c) => c.name === 'input')!.ok).toBe(true);
    expect(checks.find((c) => c.name === 'onnxruntime')!.detail).toContain('cpu: loads');
  });

  it('says how to get a display when DISPLAY is unset, without crashing', async () => {
    const env = { ...process.env };
    delete env.DISPLAY;
    const { code, stdout } = await cli(['doctor'], env);
    expect(code).toBe(1);
    expect(stdout).toMatch(/FAIL\s+display\s+no display: DISPLAY is not set; start a virtual one with `Xvfb :99/);
    expect(stdout).toMatch(/ok\s+model ppocr-v4-det/);
  });

  it('prints help and version, and rejects unknown commands with exit 2', async () => {
    expect((await cli(['--help'], process.env)).stdout).toContain('doctor');
    expect((await cli(['--version'], process.env)).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect((await cli(['frobnicate'], process.env)).code).toBe(2);
  });
});
