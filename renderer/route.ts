// Hash routes: the command bar window opens #/bar, the main window #/session or #/settings.
import { useSyncExternalStore } from 'react';

export type Route = 'bar' | 'session' | 'settings';
const ROUTES: readonly Route[] = ['bar', 'session', 'settings'];

function read(): Route {
  const name = window.location.hash.replace(/^#\/?/, '');
  return ROUTES.includes(name as Route) ? (name as Route) : 'session';
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export const useRoute = () => useSyncExternalStore(subscribe, read);

export function go(route: string): void {
  if (ROUTES.includes(route as Route)) window.location.hash = `#/${route}`;
}
