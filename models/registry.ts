// The model registry: finds manifests, resolves their files and verifies them.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { OperantError } from '../engine/errors.ts';
import { type FileSource, ModelManifest } from './manifest.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const MANIFEST_DIR = path.join(REPO_ROOT, 'models', 'manifests');
/** Where pulled models live; `OPERANT_MODEL_CACHE` moves it. */
export const modelCacheDir = () => process.env.OPERANT_MODEL_CACHE ?? path.join(os.homedir(), '.cache', 'operant', 'models');

const require = createRequire(path.join(REPO_ROOT, 'package.json'));

export function resolveSource(source: FileSource): string {
  switch (source.kind) {
    case 'repo':
      return path.join(REPO_ROOT, source.path);
    case 'url':
      return path.join(modelCacheDir(), source.path);
    case 'npm': {
      // Packages may not export package.json, so search node_modules the way Node does.
      const dir = require.resolve.paths(source.package)?.map((d) => path.join(d, source.package)).find((d) => existsSync(d));
      if (!dir) throw new OperantError(`npm package ${source.package} is not installed: run \`npm install\` in ${REPO_ROOT}`);
      return path.join(dir, source.path);
    }
  }
}

export function loadManifests(dir = MANIFEST_DIR): ModelManifest[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const file = path.join(dir, f);
      const parsed = ModelManifest.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (!parsed.success) throw new OperantError(`model manifest ${file} is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return parsed.data;
    });
}

export function getManifest(id: string, dir = MANIFEST_DIR): ModelManifest {
  const all = loadManifests(dir);
  const found = all.find((m) => m.id === id);
  if (!found) throw new OperantError(`no model "${id}"; known models: ${all.map((m) => m.id).join(', ')}. Run \`operant models list\`.`, 2);
  return found;
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export interface FileStatus {
  role: string;
  path: string;
  ok: boolean;
  problem?: string;
}

/** Checks one manifest's files; never throws for a bad file, it reports it. */
export async function verifyManifest(m: ModelManifest): Promise<FileStatus[]> {
  const out: FileStatus[] = [];
  for (const f of m.files) {
    let file: string;
    try {
      file = resolveSource(f.source);
    } catch (e) {
      out.push({ role: f.role, path: '', ok: false, problem: (e as Error).message });
      continue;
    }
    if (!existsSync(file)) {
      const fix = f.source.kind === 'url' ? `run \`operant models pull ${m.id}\`` : 'run `npm install`';
      out.push({ role: f.role, path: file, ok: false, problem: `model file ${file} is missing: ${fix}` });
      continue;
    }
    const size = statSync(file).size;
    if (size !== f.size) {
      out.push({ role: f.role, path: file, ok: false, problem: `model file ${file} is ${size} bytes, expected ${f.size} (truncated or replaced): reinstall it (\`npm install\`, or \`operant models pull ${m.id}\`)` });
      continue;
    }
    const actual = await sha256File(file);
    if (actual !== f.sha256) {
      out.push({ role: f.role, path: file, ok: false, problem: `model file ${file} has sha256 ${actual}, expected ${f.sha256}: reinstall it (\`npm install\`, or \`operant models pull ${m.id}\`)` });
      continue;
    }
    out.push({ role: f.role, path: file, ok: true });
  }
  return out;
}

/** Resolves and verifies a model's files, returning role → path; throws on the first bad file. */
export async function modelFiles(id: string, dir = MANIFEST_DIR): Promise<Record<string, string>> {
  const statuses = await verifyManifest(getManifest(id, dir));
  const bad = statuses.find((s) => !s.ok);
  if (bad) throw new OperantError(bad.problem!, 2);
  return Object.fromEntries(statuses.map((s) => [s.role, s.path]));
}
