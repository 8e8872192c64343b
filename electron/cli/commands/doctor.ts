import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { OperantError } from '../../../engine/errors.ts';
import { probeProviders, type ProviderProbe } from '../../../engine/runtime/providers.ts';
import { getManifest, loadManifests, resolveSource, verifyManifest } from '../../../models/registry.ts';
import { checkDisplay } from '../../core/display.ts';
import { findElectronBinary } from '../../core/electronBinary.ts';
import { type Command, out } from '../command.ts';

interface Check {
  name: string;
  ok: boolean;
  detail: string;
  data?: unknown;
}

const probeScript = fileURLToPath(new URL('../../core/screenProbe.ts', import.meta.url));

function checkScreen(): Check[] {
  let display: string;
  try {
    display = checkDisplay().display;
  } catch (e) {
    const detail = e instanceof OperantError ? e.message : String(e);
    return [
      { name: 'display', ok: false, detail },
      { name: 'input', ok: false, detail: 'needs a display' },
      { name: 'hooks', ok: false, detail: 'needs a display' },
    ];
  }
  const child = spawnSync(process.execPath, ['--import', 'tsx', probeScript], { encoding: 'utf8', timeout: 20_000 });
  const line = child.stdout?.trim().split('\n').pop() ?? '';
  let r: { width?: number; height?: number; scale?: number; input?: { ok: boolean; detail: string }; hooks?: { ok: boolean; detail: string }; error?: string };
  try {
    r = JSON.parse(line);
  } catch {
    r = { error: `screen probe exited with ${child.status ?? child.signal}: ${(child.stderr ?? '').trim().split('\n').slice(-3).join(' ')}` };
  }
  if (r.error || r.width === undefined) {
    return [{ name: 'display', ok: false, detail: `DISPLAY=${display} could not be used: ${r.error}` }];
  }
  return [
    { name: 'display', ok: true, detail: `DISPLAY=${display}, ${r.width}x${r.height} pixels, scale ${r.scale}`, data: { display, width: r.width, height: r.height, scale: r.scale } },
    { name: 'input', ok: r.input!.ok, detail: r.input!.detail },
    { name: 'hooks', ok: r.hooks!.ok, detail: r.hooks!.detail },
  ];
}

async function checkProviders(): Promise<Check> {
  const model = resolveSource(getManifest('ppocr-mobile-v2-cls').files[0]!.source);
  const probes: ProviderProbe[] = await probeProviders(model);
  const loaded = probes.filter((p) => p.loads).map((p) => p.provider);
  const detail = probes.map((p) => (p.loads ? `${p.provider}: loads` : `${p.provider}: no (${p.reason})`)).join('; ');
  return { name: 'onnxruntime', ok: loaded.length > 0, detail, data: probes };
}

async function checkModels(): Promise<Check[]> {
  const checks: Check[] = [];
  for (const m of loadManifests()) {
    const files = await verifyManifest(m);
    const bad = files.find((f) => !f.ok);
    checks.push({ name: `model ${m.id}`, ok: !bad, detail: bad ? bad.problem! : `${files.length} file(s) verified` });
  }
  return checks;
}

export const doctor: Command = {
  name: 'doctor',
  summary: 'check the display, input, hooks, inference providers, models and Electron',
  usage: 'Usage: operant doctor [--json]\n\nReports what works on this machine and how to fix what does not. Exit 0 when the display, input and models work.',
  async run(args) {
    const { values } = parseArgs({ args, options: { json: { type: 'boolean' } } });
    const electron = findElectronBinary();
    const checks: Check[] = [
      { name: 'platform', ok: true, detail: `${process.platform}-${process.arch}, node ${process.versions.node}` },
      ...checkScreen(),
      await checkProviders(),
      ...(await checkModels()),
      { name: 'electron', ok: electron.installed, detail: electron.installed ? `Electron ${electron.version} at ${electron.path}` : electron.hint! },
    ];
    if (values.json) out(JSON.stringify({ checks }));
    else for (const c of checks) out(`${c.ok ? ' ok ' : 'FAIL'}  ${c.name.padEnd(28)} ${c.detail}`);
    // The Electron binary is optional: everything headless works without it.
    const essential = checks.filter((c) => c.name !== 'electron');
    return essential.every((c) => c.ok) ? 0 : 1;
  },
};
