// Preferences that belong to this renderer alone and persist in its local storage: the theme and
// the command history the command bar recalls with the arrow keys.
import type { StateCreator } from 'zustand';
import type { All } from './store.ts';

export type Theme = 'system' | 'light' | 'dark';
export const THEMES: readonly Theme[] = ['system', 'light', 'dark'];
export const HISTORY_LIMIT = 30;

export interface PrefsSlice {
  theme: Theme;
  recentCommands: string[];
  setTheme(theme: Theme): void;
  rememberCommand(command: string): void;
}

export const createPrefsSlice: StateCreator<All, [], [], PrefsSlice> = (set) => ({
  theme: 'system',
  recentCommands: [],
  setTheme: (theme) => set({ theme }),
  rememberCommand: (command) => set((s) => ({ recentCommands: [command, ...s.recentCommands.filter((c) => c !== command)].slice(0, HISTORY_LIMIT) })),
});

export type PersistedPrefs = Pick<PrefsSlice, 'theme' | 'recentCommands'>;

/**
 * Brings stored preferences of any earlier version up to the current one. Version 0 kept the
 * history under `history`; anything unreadable falls back to the defaults rather than break.
 */
export function migratePrefs(stored: unknown, version: number): PersistedPrefs {
  const old = (stored ?? {}) as Record<string, unknown>;
  const list = version === 0 ? old.history : old.recentCommands;
  const recentCommands = Array.isArray(list) ? list.filter((c): c is string => typeof c === 'string' && c.trim() !== '').slice(0, HISTORY_LIMIT) : [];
  const theme = THEMES.includes(old.theme as Theme) ? (old.theme as Theme) : 'system';
  return { theme, recentCommands };
}
