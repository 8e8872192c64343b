// One bound store made of slices; persistence wraps the combined store once, and keeps only
// the renderer's own preferences (settings and runs belong to the main process).
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { type AgentSlice, createAgentSlice } from './agentSlice.ts';
import { createPrefsSlice, migratePrefs, type PersistedPrefs, type PrefsSlice } from './prefsSlice.ts';
import { createSettingsSlice, type SettingsSlice } from './settingsSlice.ts';

export type All = AgentSlice & SettingsSlice & PrefsSlice;

export const PREFS_VERSION = 1;

export const useStore = create<All>()(
  persist(
    (...a) => ({
      ...createAgentSlice(...a),
      ...createSettingsSlice(...a),
      ...createPrefsSlice(...a),
    }),
    {
      name: 'operant-prefs',
      version: PREFS_VERSION,
      storage: createJSONStorage(() => localStorage),
      partialize: (s): PersistedPrefs => ({ theme: s.theme, recentCommands: s.recentCommands }),
      migrate: (stored, version) => migratePrefs(stored, version),
      // Stored data is checked on every load, not only on version changes.
      merge: (stored, current) => ({ ...current, ...migratePrefs(stored, PREFS_VERSION) }),
    },
  ),
);
