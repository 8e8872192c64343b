// The action models a person can pick in Settings: registered manifests whose task is
// "gui-action" (what models/action/writeManifest.ts on branch `policy` writes for the embedded model).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ModelManifest } from '../../models/manifest.ts';
import type { ModelChoice } from '../shared/ipc.ts';

export const ACTION_TASK = 'gui-action';

/** Reads `dir` (models/manifests of the app); a manifest that does not parse is skipped (`operant models verify` reports it). */
export function listActionModels(dir: string): ModelChoice[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => {
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(path.join(dir, f), 'utf8'));
      } catch {
        return [];
      }
      const parsed = ModelManifest.safeParse(json);
      if (!parsed.success || parsed.data.task !== ACTION_TASK) return [];
      const m = parsed.data;
      return [{ id: m.id, task: m.task, label: m.description ? `${m.id}: ${m.description}`.slice(0, 200) : m.id }];
    });
}
