// Settings as the app applies them: a change is validated, its shortcuts registered, and only
// then saved and announced to every window. A change that cannot take effect is not saved.
import { OperantError } from '../../engine/errors.ts';
import { type ModelChoice, type SettingsPatch, type SettingsView } from '../shared/ipc.ts';
import { mergeSettings, type SettingsStore } from './settingsStore.ts';
import type { ShortcutKeeper } from './shortcuts.ts';

export class SettingsService {
  constructor(
    private readonly store: SettingsStore,
    private readonly shortcuts: ShortcutKeeper,
    private readonly listModels: () => ModelChoice[],
    private readonly announce: (view: SettingsView) => void,
  ) {}

  view(): SettingsView {
    return { settings: this.store.get(), models: this.listModels() };
  }

  /** Registers the saved shortcuts at startup; returns the problem instead of throwing. */
  start(): string | undefined {
    try {
      this.shortcuts.apply(this.store.get().shortcuts);
      return undefined;
    } catch (e) {
      return (e as Error).message;
    }
  }

  update(patch: SettingsPatch): SettingsView {
    const before = this.store.get();
    const next = mergeSettings(before, patch);
    if (next.model !== 'auto' && !this.listModels().some((m) => m.id === next.model)) {
      throw new OperantError(`there is no action model "${next.model}": pick one listed in Settings, or run \`operant models list\``, 2);
    }
    const shortcutsChanged = JSON.stringify(next.shortcuts) !== JSON.stringify(this.shortcuts.current);
    if (shortcutsChanged) this.shortcuts.apply(next.shortcuts);
    try {
      this.store.update(patch);
    } catch (e) {
      if (shortcutsChanged) this.shortcuts.apply(before.shortcuts);
      throw e;
    }
    const view = this.view();
    this.announce(view);
    return view;
  }
}
