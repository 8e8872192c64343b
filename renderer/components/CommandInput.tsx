// A command field with history: Enter runs, the arrow keys walk through earlier commands.
import { type FormEvent, type KeyboardEvent, useState } from 'react';
import { useStore } from '../store/store.ts';

interface Props {
  autoFocus?: boolean;
  placeholder?: string;
  onEscape?: () => void;
  onSubmitted?: () => void;
}

export function CommandInput({ autoFocus, placeholder = 'Tell Operant what to do…', onEscape, onSubmitted }: Props) {
  const [text, setText] = useState('');
  const [historyAt, setHistoryAt] = useState(-1);
  const [busy, setBusy] = useState(false);
  const history = useStore((s) => s.recentCommands);
  const submit = useStore((s) => s.submit);
  const clearError = useStore((s) => s.clearAgentError);

  const recall = (at: number) => {
    setHistoryAt(at);
    setText(at < 0 ? '' : (history[at] ?? ''));
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const command = text.trim();
    if (!command || busy) return;
    setBusy(true);
    const ok = await submit(command);
    setBusy(false);
    if (ok) {
      setText('');
      setHistoryAt(-1);
      onSubmitted?.();
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape') onEscape?.();
    else if (e.key === 'ArrowUp' && historyAt + 1 < history.length) recall(historyAt + 1);
    else if (e.key === 'ArrowDown' && historyAt >= 0) recall(historyAt - 1);
    else return;
    e.preventDefault();
  };

  return (
    <form className="command-form" onSubmit={onSubmit}>
      <input
        className="command-input"
        aria-label="Command"
        data-testid="command-input"
        value={text}
        placeholder={placeholder}
        autoFocus={autoFocus}
        spellCheck={false}
        maxLength={2000}
        onChange={(e) => {
          setText(e.target.value);
          clearError();
        }}
        onKeyDown={onKeyDown}
      />
      <button type="submit" className="btn btn-primary" disabled={!text.trim() || busy} data-testid="run">
        Run
        <kbd className="kbd-inline">↵</kbd>
      </button>
    </form>
  );
}
