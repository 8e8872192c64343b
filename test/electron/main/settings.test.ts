// Settings on disk and as applied: validated, saved atomically, shortcuts registered all or
// nothing, and a broken file moved aside instead of lost.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_TASK, listActionModels } from '../../../electron/main/modelChoices.ts';
import { SettingsService } from '../../../electron/main/settingsService.ts';
import { SettingsStore } from '../../../electron/main/settingsStore.ts';
import { ShortcutKeeper } from '../../../electron/main/shortcuts.ts';
import { DEFAULT_SETTINGS } from '../../../electron/shared/ipc.ts';
import { getManifest } from '../../../models/registry.ts';
import { assemble, ShortcutRecorder } from './appParts.ts';

describe('SettingsStore', () => {
  it('starts from the defaults and keeps what it saved', () => {
    const { store } = assemble();
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    store.update({ policy: 'permissive', shortcuts: { stop: 'Ctrl+Shift+Escape' } });
    const again = new SettingsStore(store.file);
    expect(again.get()).toEqual({ ...DEFAULT_SETTINGS, policy: 'permissive', shortcuts: { commandBar: 'Ctrl+Alt+Space', stop: 'Ctrl+Shift+Escape' } });
    expect(again.loadProblem).toBeUndefined();
  });

  it('moves an unusable file aside, says where, and uses the defaults', () => {
    for (const content of ['{ not json', JSON.stringify({ ...DEFAULT_SETTINGS, policy: 'reckless' })]) {
      const { dir } = assemble();
      const file = path.join(dir, 'settings.json');
      writeFileSync(file, content);
      const store = new SettingsStore(file);
      expect(store.get()).toEqual(DEFAULT_SETTINGS);
      const aside = readdirSync(dir).find((f) => f.startsWith('settings.json.invalid-'))!;
      expect(readFileSync(path.join(dir, aside), 'utf8')).toBe(content);
      expect(store.loadProblem).toContain(`moved to ${path.join(dir, aside)}`);
      expect(existsSync(file)).toBe(false);
    }
  });

  it('refuses an invalid update and leaves the file as it was', () => {
    const { store } = assemble();
    store.update({ policy: 'strict' });
    const before = readFileSync(store.file, 'utf8');
    expect(() => store.update({ shortcuts: { commandBar: 'K' } } as never)).toThrow(/settings not saved: shortcuts.commandBar: a global shortcut needs a modifier/);
    expect(readFileSync(store.file, 'utf8')).toBe(before);
  });
});

describe('ShortcutKeeper', () => {
  const actions = { commandBar: () => undefined, stop: () => undefined };

  it('registers both shortcuts and swaps them on change', () => {
    const gs = new ShortcutRecorder();
    const keeper = new ShortcutKeeper(gs, actions);
    keeper.apply(DEFAULT_SETTINGS.shortcuts);
    expect([...gs.registered.keys()]).toEqual(['Ctrl+Alt+Space', 'Ctrl+Alt+Backspace']);
    keeper.apply({ commandBar: 'Super+Space', stop: 'Ctrl+Alt+Backspace' });
    expect([...gs.registered.keys()].sort()).toEqual(['Ctrl+Alt+Backspace', 'Super+Space']);
    keeper.dispose();
    expect(gs.registered.size).toBe(0);
  });

  it('keeps the previous shortcuts when a new one is taken, and names it', () => {
    const gs = new ShortcutRecorder(new Set(['Ctrl+Alt+T']));
    const keeper = new ShortcutKeeper(gs, actions);
    keeper.apply(DEFAULT_SETTINGS.shortcuts);
    expect(() => keeper.apply({ commandBar: 'Ctrl+Alt+T', stop: 'Ctrl+Alt+Backspace' })).toThrow(
      'Ctrl+Alt+T could not be registered as the command bar shortcut: another program already uses it; choose other keys in Settings',
    );
    expect([...gs.registered.keys()].sort()).toEqual(['Ctrl+Alt+Backspace', 'Ctrl+Alt+Space']);
    expect(keeper.current).toEqual(DEFAULT_SETTINGS.shortcuts);
  });

  it('refuses the same keys for both', () => {
    const keeper = new ShortcutKeeper(new ShortcutRecorder(), actions);
    expect(() => keeper.apply({ commandBar: 'Ctrl+K', stop: 'ctrl+k' })).toThrow('give each its own keys');
  });
});

describe('SettingsService', () => {
  it('applies, saves and announces a change', () => {
    const { settings, globalShortcut, events, store } = assemble();
    settings.start();
    const view = settings.update({ shortcuts: { commandBar: 'Ctrl+Shift+K' }, model: 'example-act' });
    expect(view.settings).toMatchObject({ shortcuts: { commandBar: 'Ctrl+Shift+K' }, model: 'example-act' });
    expect(globalShortcut.registered.has('Ctrl+Shift+K')).toBe(true);
    expect(new SettingsStore(store.file).get().model).toBe('example-act');
    expect(events.at(-1)).toEqual({ channel: 'settings:changed', payload: view });
  });

  it('saves nothing when a shortcut is taken', () => {
    const { settings, store } = assemble(undefined, new Set(['Ctrl+Alt+T']));
    settings.start();
    expect(() => settings.update({ policy: 'strict', shortcuts: { commandBar: 'Ctrl+Alt+T' } })).toThrow('Ctrl+Alt+T could not be registered');
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(existsSync(store.file)).toBe(false);
  });

  it('refuses a model that is not installed, naming the command that lists them', () => {
    const { settings } = assemble();
    expect(() => settings.update({ model: 'missing-model' })).toThrow('there is no action model "missing-model": pick one listed in Settings, or run `operant models list`');
  });

  it('puts the old shortcuts back when saving fails', () => {
    const { settings, globalShortcut, dir } = assemble();
    settings.start();
    // A file where the settings folder should be makes the write fail.
    writeFileSync(path.join(dir, 'blocker'), '');
    const blocked = new SettingsStore(path.join(dir, 'blocker', 'settings.json'));
    const service = new SettingsService(
      blocked,
      new ShortcutKeeper(globalShortcut, { commandBar: () => undefined, stop: () => undefined }),
      () => [],
      () => undefined,
    );
    globalShortcut.registered.clear();
    service.start();
    expect(() => service.update({ shortcuts: { commandBar: 'Ctrl+Shift+K' } })).toThrow();
    expect([...globalShortcut.registered.keys()].sort()).toEqual(['Ctrl+Alt+Backspace', 'Ctrl+Alt+Space']);
  });

  it('reports a taken shortcut at startup instead of throwing', () => {
    const { settings } = assemble(undefined, new Set(['Ctrl+Alt+Space']));
    expect(settings.start()).toContain('Ctrl+Alt+Space could not be registered');
  });
});

describe('model choices', () => {
  it('lists the registered action models and skips other tasks and broken manifests', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'operant-manifests-'));
    const manifest = (id: string, task: string) => ({ id, task, description: `the ${id} model`, files: [{ role: 'model', source: { kind: 'repo', path: `models/${id}.onnx` }, size: 1, sha256: 'a'.repeat(64) }], quantization: 'int8' });
    writeFileSync(path.join(dir, 'action-policy.json'), JSON.stringify(manifest('action-policy', ACTION_TASK)));
    writeFileSync(path.join(dir, 'ppocr-v4-det.json'), JSON.stringify(manifest('ppocr-v4-det', 'text-detection')));
    writeFileSync(path.join(dir, 'broken.json'), JSON.stringify({ id: 'broken', task: ACTION_TASK }));
    writeFileSync(path.join(dir, 'truncated.json'), '{ "id": "trunc');
    expect(listActionModels(dir)).toEqual([{ id: 'action-policy', task: ACTION_TASK, label: 'action-policy: the action-policy model' }]);
    expect(listActionModels(path.join(dir, 'missing'))).toEqual([]);
  });

  it('lists the embedded action model, and only action models, among the registered manifests', () => {
    const ids = listActionModels(path.join(import.meta.dirname, '../../../models/manifests')).map((m) => m.id);
    expect(ids).toContain('action-policy');
    expect(ids.every((id) => getManifest(id).task === ACTION_TASK)).toBe(true);
  });
});
