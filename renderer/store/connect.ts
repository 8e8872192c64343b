// Feeds the store from the main process: a snapshot first, then every event as it comes.
// Events that arrive while the snapshot is on its way are held and applied after it, so an older
// snapshot never overwrites a newer event.
import { api, unwrap } from '../api.ts';
import { useStore } from './store.ts';

export function connectStore(onShowView: (view: string) => void): () => void {
  let held: (() => void)[] | undefined = [];
  const apply = (f: () => void) => (held ? held.push(f) : f());
  const store = () => useStore.getState();
  const off = [
    api().onAgentState((state) => apply(() => store().applyAgentState(state))),
    api().onStep((step) => apply(() => store().addStep(step))),
    api().onApprovalRequest((request) => apply(() => store().addApproval(request))),
    api().onSettingsChanged((view) => store().applySettings(view)),
    api().onShowView(({ view }) => onShowView(view)),
  ];
  const release = () => {
    const pending = held ?? [];
    held = undefined;
    pending.forEach((f) => f());
  };
  unwrap(api().getAgentState()).then(
    (snapshot) => {
      store().applySnapshot(snapshot);
      release();
    },
    (e: Error) => {
      useStore.setState({ agentError: e.message });
      release();
    },
  );
  void store().loadSettings();
  return () => off.forEach((f) => f());
}
