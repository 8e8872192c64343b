// Records a global shortcut: click, press the keys, done. Escape cancels. The main process
// checks the result (a modifier is required, the keys must be free) and says what is wrong.
import { type KeyboardEvent, useState } from 'react';
import { Keys } from './Keys.tsx';

const NAMED: Record<string, string> = {
  Space: 'Space',
  Backspace: 'Backspace',
  Delete: 'Delete',
  Insert: 'Insert',
  Enter: 'Enter',
  Tab: 'Tab',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
};

/** The Electron accelerator for a key press, or undefined while only modifiers are down. */
export function acceleratorOf(e: Pick<KeyboardEvent, 'code' | 'key' | 'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey'>): string | undefined {
  let key: string | undefined;
  if (/^Key[A-Z]$/.test(e.code)) key = e.code.slice(3);
  else if (/^Digit[0-9]$/.test(e.code)) key = e.code.slice(5);
  else if (/^F([1-9]|1[0-9]|2[0-4])$/.test(e.code)) key = e.code;
  else if (NAMED[e.code]) key = NAMED[e.code];
  else if (e.key.length === 1 && e.key !== ' ') key = e.key === '+' ? 'Plus' : e.key;
  if (!key) return undefined;
  const mods = [e.ctrlKey && 'Ctrl', e.altKey && 'Alt', e.shiftKey && 'Shift', e.metaKey && 'Super'].filter(Boolean);
  return [...mods, key].join('+');
}

interface Props {
  label: string;
  value: string;
  testId: string;
  onChange(accelerator: string): void;
}

export function ShortcutField({ label, value, testId, onChange }: Props) {
  const [recording, setRecording] = useState(false);
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (!recording) return;
    e.preventDefault();
    if (e.key === 'Escape') {
      setRecording(false);
      return;
    }
    const accelerator = acceleratorOf(e);
    if (!accelerator) return;
    setRecording(false);
    if (accelerator !== value) onChange(accelerator);
  };
  return (
    <div className="field-row">
      <span className="field-label">{label}</span>
      <button
        type="button"
        className={`shortcut${recording ? ' shortcut-recording' : ''}`}
        data-testid={testId}
        aria-label={`${label}: ${value}. Click to change.`}
        onClick={() => setRecording(true)}
        onBlur={() => setRecording(false)}
        onKeyDown={onKeyDown}
      >
        {recording ? <span className="muted">Press the new keys… (Esc cancels)</span> : <Keys accelerator={value} />}
      </button>
    </div>
  );
}
