// Settings owned by the main process (shortcuts, policy, model): shown here, changed over IPC.
import type { StateCreator } from 'zustand';
import type { SettingsPatch, SettingsView } from '../../electron/shared/ipc.ts';
import { api, unwrap } from '../api.ts';
import type { All } from './store.ts';

export interface SettingsSlice {
  settingsView: SettingsView | undefined;
  settingsError: string | undefined;
  /** Which field was saved last, for a brief "Saved" mark. */
  savedField: string | undefined;
  applySettings(view: SettingsView): void;
  loadSettings(): Promise<void>;
  saveSettings(field: string, patch: SettingsPatch): Promise<boolean>;
}

export const createSettingsSlice: StateCreator<All, [], [], SettingsSlice> = (set, get) => ({
  settingsView: undefined,
  settingsError: undefined,
  savedField: undefined,
  applySettings: (view) => set({ settingsView: view }),
  loadSettings: async () => {
    try {
      get().applySettings(await unwrap(api().getSettings()));
    } catch (e) {
      set({ settingsError: (e as Error).message });
    }
  },
  saveSettings: async (field, patch) => {
    set({ settingsError: undefined, savedField: undefined });
    try {
      get().applySettings(await unwrap(api().setSettings(patch)));
      set({ savedField: field });
      return true;
    } catch (e) {
      set({ settingsError: (e as Error).message });
      return false;
    }
  },
});
