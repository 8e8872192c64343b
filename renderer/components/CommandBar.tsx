// The command bar window: summoned by the global shortcut, gone after a command or Escape.
// While the agent works it shows what it is doing and a Stop button instead.
import { api } from '../api.ts';
import { isWorking } from '../store/agentSlice.ts';
import { useStore } from '../store/store.ts';
import { CommandInput } from './CommandInput.tsx';
import { Logo } from './Logo.tsx';
import { Message } from './Message.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { StopButton } from './StopButton.tsx';

const hide = () => void api().hideCommandBar();

export function CommandBar() {
  const agent = useStore((s) => s.agent);
  const error = useStore((s) => s.agentError);
  const waiting = useStore((s) => s.approvals.length > 0);
  return (
    <main className="bar" data-testid="command-bar">
      <div className="bar-row">
        <Logo size={30} />
        {isWorking(agent) ? (
          <div className="bar-running">
            <StatusBadge status={agent.status} />
            <span className="bar-command" title={agent.command}>
              {agent.command}
            </span>
            <StopButton compact />
          </div>
        ) : (
          <CommandInput autoFocus onEscape={hide} />
        )}
      </div>
      <p className={`bar-hint${error ? ' bar-error' : ''}`} role={error ? 'alert' : undefined} data-testid="bar-message">
        {error ? <Message text={error} /> : isWorking(agent) ? (waiting ? 'Waiting for your answer in the Operant window.' : 'The agent is working. Stop it at any time.') : 'Enter runs the command · ↑ recalls earlier ones · Esc closes'}
      </p>
    </main>
  );
}
