// The renderer's root: the command bar window, or the main window with its sidebar.
import { useEffect } from 'react';
import { go, type Route, useRoute } from '../route.ts';
import { connectStore } from '../store/connect.ts';
import { useStore } from '../store/store.ts';
import { ApprovalDialog } from './ApprovalDialog.tsx';
import { CommandBar } from './CommandBar.tsx';
import { Keys } from './Keys.tsx';
import { Logo } from './Logo.tsx';
import { SessionView } from './SessionView.tsx';
import { SettingsPage } from './SettingsPage.tsx';
import { StatusBadge } from './StatusBadge.tsx';

const NAV: { route: Route; label: string }[] = [
  { route: 'session', label: 'Session' },
  { route: 'settings', label: 'Settings' },
];

function Sidebar({ route }: { route: Route }) {
  const status = useStore((s) => s.agent.status);
  const shortcut = useStore((s) => s.settingsView?.settings.shortcuts.commandBar);
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">
        <Logo />
        <span>Operant</span>
      </div>
      {NAV.map((n) => (
        <a key={n.route} href={`#/${n.route}`} className={`nav-item${route === n.route ? ' nav-on' : ''}`} aria-current={route === n.route ? 'page' : undefined}>
          {n.label}
        </a>
      ))}
      <div className="sidebar-foot">
        <StatusBadge status={status} />
        {shortcut && (
          <p className="muted small">
            Command bar <Keys accelerator={shortcut} />
          </p>
        )}
        <p className="muted small">Runs on this computer. Nothing leaves it.</p>
      </div>
    </nav>
  );
}

export function App() {
  const route = useRoute();
  const theme = useStore((s) => s.theme);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  useEffect(() => connectStore(go), []);
  if (route === 'bar') return <CommandBar />;
  return (
    <div className="shell">
      <Sidebar route={route} />
      <main className="content">{route === 'settings' ? <SettingsPage /> : <SessionView />}</main>
      <ApprovalDialog />
    </div>
  );
}
