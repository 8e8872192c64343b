import { parseArgs } from 'node:util';
import { badInput } from '../../../engine/errors.ts';
import { loadManifests, verifyManifest } from '../../../models/registry.ts';
import { type Command, out } from '../command.ts';

const usage = `Usage: operant models list [--json]
       operant models verify [id…] [--json]

list    the registered models, their task, size and quantization
verify  checks every file's size and sha256; exit 2 when one is missing or corrupt`;

export const models: Command = {
  name: 'models',
  summary: 'list and verify the registered models',
  usage,
  async run(args) {
    const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
    const [sub, ...ids] = positionals;
    const manifests = loadManifests();
    if (sub === 'list') {
      const rows = manifests.map((m) => ({ id: m.id, task: m.task, quantization: m.quantization, bytes: m.files.reduce((n, f) => n + f.size, 0), source: m.files[0]!.source.kind }));
      if (values.json) out(JSON.stringify(rows));
      else for (const r of rows) out(`${r.id.padEnd(24)} ${r.task.padEnd(18)} ${r.quantization.padEnd(5)} ${(r.bytes / 1e6).toFixed(1).padStart(7)} MB  ${r.source}`);
      return 0;
    }
    if (sub === 'verify') {
      const unknown = ids.filter((id) => !manifests.some((m) => m.id === id));
      if (unknown.length) throw badInput(`unknown model ${unknown.join(', ')}; run \`operant models list\``);
      const chosen = ids.length ? manifests.filter((m) => ids.includes(m.id)) : manifests;
      let bad = 0;
      const report = [];
      for (const m of chosen) {
        const files = await verifyManifest(m);
        bad += files.filter((f) => !f.ok).length;
        report.push({ id: m.id, ok: files.every((f) => f.ok), files });
        if (!values.json) for (const f of files) out(`${f.ok ? 'ok ' : 'BAD'} ${m.id} ${f.role}${f.ok ? '' : `: ${f.problem}`}`);
      }
      if (values.json) out(JSON.stringify(report));
      return bad ? 2 : 0;
    }
    throw badInput(`expected "list" or "verify".\n${usage}`);
  },
};
