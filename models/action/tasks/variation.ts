// The variation tables. Every table is partitioned by split: the test split draws themes, fonts,
// layouts and widget styles that training never sees, so a score on it measures generality rather
// than memory of one look.
import type { Rng } from './rng.ts';
import type { Split } from './types.ts';

export type SplitTable<T> = Readonly<Record<Split, readonly T[]>>;

export interface Theme {
  name: string;
  bg: string;
  fg: string;
  panel: string;
  muted: string;
  border: string;
  accent: string;
  accentFg: string;
  input: string;
  radius: number;
}

export const THEMES: SplitTable<Theme> = {
  train: [
    { name: 'light', bg: '#f4f5f7', fg: '#1d2330', panel: '#ffffff', muted: '#667085', border: '#d0d5dd', accent: '#2563eb', accentFg: '#ffffff', input: '#ffffff', radius: 6 },
    { name: 'dark', bg: '#15171c', fg: '#e6e8ee', panel: '#1f232b', muted: '#9aa3b2', border: '#3a404c', accent: '#4f8cff', accentFg: '#0b1020', input: '#2a2f39', radius: 6 },
    { name: 'ocean', bg: '#e0f2fe', fg: '#0c2d48', panel: '#f0f9ff', muted: '#3b6b8c', border: '#7dd3fc', accent: '#0369a1', accentFg: '#ffffff', input: '#ffffff', radius: 10 },
    { name: 'sunset', bg: '#fff1e6', fg: '#3d1f0f', panel: '#ffe4cc', muted: '#8a5a3c', border: '#f4a261', accent: '#e76f51', accentFg: '#ffffff', input: '#fffaf5', radius: 4 },
    { name: 'forest', bg: '#1b2a22', fg: '#e3f1e8', panel: '#243a2e', muted: '#9cc2aa', border: '#3f6b52', accent: '#7bd389', accentFg: '#10241a', input: '#2d4638', radius: 3 },
  ],
  test: [
    { name: 'sepia', bg: '#f3ead8', fg: '#3b2f1e', panel: '#fbf5e9', muted: '#7a6850', border: '#c9b48f', accent: '#8b5e34', accentFg: '#fff8ec', input: '#fffdf7', radius: 2 },
    { name: 'neon', bg: '#120a1f', fg: '#f5e9ff', panel: '#1e1033', muted: '#b79ad6', border: '#6d28d9', accent: '#f72585', accentFg: '#ffffff', input: '#2a1747', radius: 12 },
    { name: 'contrast', bg: '#000000', fg: '#ffffff', panel: '#000000', muted: '#d0d0d0', border: '#ffffff', accent: '#ffd400', accentFg: '#000000', input: '#000000', radius: 0 },
    { name: 'pastel', bg: '#fdf2f8', fg: '#4a2040', panel: '#fce7f3', muted: '#9d5c8a', border: '#f9a8d4', accent: '#a855f7', accentFg: '#ffffff', input: '#ffffff', radius: 14 },
  ],
};

export const FONTS: SplitTable<string> = {
  train: ['DejaVu Sans', 'Liberation Sans', 'Liberation Serif', 'Nimbus Sans', 'DejaVu Serif'],
  test: ['URW Gothic', 'P052', 'Noto Sans CJK SC', 'C059', 'Nimbus Sans Narrow'],
};

export const FONT_SIZES = [12, 13, 14, 15, 16, 17, 18, 20] as const;

export const LAYOUTS: SplitTable<string> = {
  train: ['card-center', 'sidebar-left', 'topnav-left', 'stack-wide'],
  test: ['sidebar-right', 'corner-card', 'two-pane', 'statusbar-offset'],
};

/** Button looks; `.btn` in every family is drawn with one of these. */
export const BUTTON_STYLES: SplitTable<string> = {
  train: ['filled', 'outline', 'square-shadow', 'soft'],
  test: ['pill-gradient', 'ghost-underline', 'beveled'],
};

export const VIEWPORTS: readonly { width: number; height: number }[] = [
  { width: 1000, height: 640 },
  { width: 1100, height: 680 },
  { width: 900, height: 600 },
  { width: 1180, height: 700 },
  { width: 960, height: 660 },
];

export const pickFrom = <T>(rng: Rng, split: Split, table: SplitTable<T>): T => rng.pick(table[split]);

/** Fills `{slot}`s in a template. */
export function fill(template: string, slots: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => slots[k] ?? m);
}
