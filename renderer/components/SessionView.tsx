// The session: the command being worked on, its state, a Stop button while it runs, the steps,
// and how the run ended. With no run yet it invites the first command.
import { useEffect, useState } from 'react';
import { formatMs } from '../format/describe.ts';
import { isWorking } from '../store/agentSlice.ts';
import { useStore } from '../store/store.ts';
import { CommandInput } from './CommandInput.tsx';
import { Keys } from './Keys.tsx';
import { Message } from './Message.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { StopButton } from './StopButton.tsx';
import { Timeline } from './Timeline.tsx';

function Elapsed({ since, until }: { since: number; until: number | undefined }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (until !== undefined) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  return <span className="muted">{formatMs(Math.max(0, (until ?? now) - since))}</span>;
}

function Ending() {
  const agent = useStore((s) => s.agent);
  if (agent.status !== 'finished' && agent.status !== 'needs_you' && agent.status !== 'failed' && agent.status !== 'stopped') return null;
  const title = { finished: 'Done', needs_you: 'The agent needs you', failed: 'The run failed', stopped: 'Stopped' }[agent.status];
  return (
    <div className={`ending ending-${agent.status}`} data-testid="ending" role="status">
      <strong>{title}</strong>
      {agent.message && (
        <span>
          <Message text={agent.message} />
        </span>
      )}
    </div>
  );
}

function Welcome() {
  const shortcut = useStore((s) => s.settingsView?.settings.shortcuts.commandBar);
  return (
    <div className="welcome">
      <h1>What should Operant do?</h1>
      <p className="muted">
        Describe a task in plain words. Operant looks at the screen and works in your programs; you can stop it at any moment
        {shortcut ? (
          <>
            {' '}
            and summon it from anywhere with <Keys accelerator={shortcut} />
          </>
        ) : null}
        .
      </p>
    </div>
  );
}

function Intro({ stopKeys }: { stopKeys: string | undefined }) {
  return (
    <ul className="intro" aria-label="How Operant works">
      <li>
        <h3>Looks at your screen</h3>
        <p className="muted">A local model reads what the display shows. Nothing is uploaded.</p>
      </li>
      <li>
        <h3>Asks before risky steps</h3>
        <p className="muted">Your approval policy decides what needs a yes; change it in Settings.</p>
      </li>
      <li>
        <h3>Stops when you say</h3>
        <p className="muted">
          The Stop button, or {stopKeys ? <Keys accelerator={stopKeys} /> : 'the stop shortcut'} from any program.
        </p>
      </li>
    </ul>
  );
}

export function SessionView() {
  const agent = useStore((s) => s.agent);
  const error = useStore((s) => s.agentError);
  const stopKeys = useStore((s) => s.settingsView?.settings.shortcuts.stop);
  const working = isWorking(agent);
  return (
    <section className="session" aria-label="Session">
      <div className="session-top">
        <header className="run-header" data-testid="run-header">
          {agent.command ? (
            <div className="run-title">
              <div className="run-line">
                <StatusBadge status={agent.status} />
                {agent.startedAt !== undefined && <Elapsed since={agent.startedAt} until={agent.endedAt} />}
              </div>
              <h1 className="run-command">{agent.command}</h1>
            </div>
          ) : (
            <Welcome />
          )}
          {working && (
            <div className="run-stop">
              <StopButton />
              {stopKeys && (
                <span className="muted small">
                  or <Keys accelerator={stopKeys} />
                </span>
              )}
            </div>
          )}
        </header>
        {!working && (
          <div className="composer">
            <CommandInput autoFocus placeholder={agent.command ? 'Give another command…' : 'e.g. Open the text editor and write a shopping list'} />
          </div>
        )}
        {error && (
          <div className="notice notice-error" role="alert" data-testid="session-error">
            <Message text={error} />
          </div>
        )}
      </div>
      {!agent.command && <Intro stopKeys={stopKeys} />}
      <Timeline />
      <Ending />
    </section>
  );
}
