// Settings on disk: one JSON file in the app's data folder, validated on every read and write.
// A file that no longer parses is moved aside (never deleted) and the defaults are used.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { OperantError } from '../../engine/errors.ts';
import { DEFAULT_SETTINGS, Settings, type SettingsPatch } from '../shared/ipc.ts';

export function mergeSettings(base: Settings, patch: SettingsPatch): Settings {
  return {
    shortcuts: { ...base.shortcuts, ...patch.shortcuts },
    policy: patch.policy ?? base.policy,
    model: patch.model ?? base.model,
  };
}

export class SettingsStore {
  private current: Settings;
  /** Set when the file on disk was unusable; says where the old file went. */
  readonly loadProblem?: string;

  constructor(readonly file: string) {
    if (!existsSync(file)) {
      this.current = DEFAULT_SETTINGS;
      return;
    }
    const raw = readFileSync(file, 'utf8');
    let parsed: ReturnType<typeof Settings.safeParse> | undefined;
    try {
      parsed = Settings.safeParse(JSON.parse(raw));
    } catch {
      parsed = undefined;
    }
    if (parsed?.success) {
      this.current = parsed.data;
      return;
    }
    const aside = `${file}.invalid-${Date.now()}`;
    renameSync(file, aside);
    this.current = DEFAULT_SETTINGS;
    const why = parsed ? parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : 'it is not JSON';
    this.loadProblem = `settings file ${file} was unusable (${why}); it was moved to ${aside} and the defaults are in use`;
  }

  get(): Settings {
    return this.current;
  }

  /** Validates the merged settings, writes them atomically, and returns them. */
  update(patch: SettingsPatch): Settings {
    const next = Settings.safeParse(mergeSettings(this.current, patch));
    if (!next.success) throw new OperantError(`settings not saved: ${next.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, 2);
    mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(next.data, null, 2)}\n`);
    renameSync(tmp, this.file);
    this.current = next.data;
    return next.data;
  }
}
