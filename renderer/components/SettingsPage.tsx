// Settings: the global shortcuts, how cautious the agent is, which model drives it, and the look.
import type { PolicyPreset } from '../../electron/shared/ipc.ts';
import type { Theme } from '../store/prefsSlice.ts';
import { useStore } from '../store/store.ts';
import { Message } from './Message.tsx';
import { ShortcutField } from './ShortcutField.tsx';

const POLICIES: { id: PolicyPreset; title: string; text: string }[] = [
  { id: 'strict', title: 'Strict', text: 'Asks before every action.' },
  { id: 'standard', title: 'Standard', text: 'Asks before actions the policy marks as risky.' },
  { id: 'permissive', title: 'Permissive', text: 'Asks only where the policy insists.' },
];

const THEME_LABEL: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' };

function Saved({ field }: { field: string }) {
  const saved = useStore((s) => s.savedField);
  return saved === field ? (
    <span className="saved" role="status">
      Saved
    </span>
  ) : null;
}

export function SettingsPage() {
  const view = useStore((s) => s.settingsView);
  const error = useStore((s) => s.settingsError);
  const save = useStore((s) => s.saveSettings);
  const theme = useStore((s) => s.theme);
  const setTheme = useStore((s) => s.setTheme);
  if (!view) {
    return (
      <section className="settings">
        {error ? (
          <div className="notice notice-error">
            <Message text={error} />
          </div>
        ) : (
          <p className="muted">Loading settings…</p>
        )}
      </section>
    );
  }
  const { settings, models } = view;
  return (
    <section className="settings" aria-label="Settings" data-testid="settings">
      <h1>Settings</h1>
      {error && (
        <div className="notice notice-error" role="alert" data-testid="settings-error">
          <Message text={error} />
        </div>
      )}

      <div className="card">
        <div className="card-head">
          <h2>Shortcuts</h2>
          <Saved field="shortcuts" />
        </div>
        <p className="muted small">They work from any program. Click one and press the new keys.</p>
        <ShortcutField label="Open the command bar" value={settings.shortcuts.commandBar} testId="shortcut-bar" onChange={(v) => void save('shortcuts', { shortcuts: { commandBar: v } })} />
        <ShortcutField label="Stop the agent" value={settings.shortcuts.stop} testId="shortcut-stop" onChange={(v) => void save('shortcuts', { shortcuts: { stop: v } })} />
      </div>

      <div className="card">
        <div className="card-head">
          <h2>Approvals</h2>
          <Saved field="policy" />
        </div>
        <div className="choices" role="radiogroup" aria-label="Policy preset">
          {POLICIES.map((p) => (
            <label key={p.id} className={`choice${settings.policy === p.id ? ' choice-on' : ''}`}>
              <input type="radio" name="policy" value={p.id} checked={settings.policy === p.id} onChange={() => void save('policy', { policy: p.id })} />
              <span className="choice-title">{p.title}</span>
              <span className="choice-text">{p.text}</span>
            </label>
          ))}
        </div>
      </div>

      <div className="card">
        <div className="card-head">
          <h2>Action model</h2>
          <Saved field="model" />
        </div>
        <div className="field-row">
          <label className="field-label" htmlFor="model">
            Model
          </label>
          <select id="model" className="select" value={settings.model} onChange={(e) => void save('model', { model: e.target.value })} data-testid="model">
            <option value="auto">Automatic (best installed)</option>
            {models.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
        </div>
        {models.length === 0 && (
          <p className="muted small">
            No action models are installed besides the built-in choice. <code>npx operant models list</code> shows what is available.
          </p>
        )}
      </div>

      <div className="card">
        <div className="card-head">
          <h2>Appearance</h2>
        </div>
        <div className="segmented" role="radiogroup" aria-label="Theme">
          {(Object.keys(THEME_LABEL) as Theme[]).map((t) => (
            <button key={t} type="button" role="radio" aria-checked={theme === t} className={theme === t ? 'on' : ''} onClick={() => setTheme(t)}>
              {THEME_LABEL[t]}
            </button>
          ))}
        </div>
      </div>
    </section>
  );
}
