// Stops the agent. Shown wherever a run is visible, for as long as it runs.
import { useStore } from '../store/store.ts';

export function StopButton({ compact = false }: { compact?: boolean }) {
  const status = useStore((s) => s.agent.status);
  const stop = useStore((s) => s.stop);
  const stopping = status === 'stopping';
  return (
    <button type="button" className={`btn btn-danger${compact ? ' btn-sm' : ''}`} onClick={() => void stop()} disabled={stopping} data-testid="stop">
      <span className="stop-square" aria-hidden="true" />
      {stopping ? 'Stopping…' : 'Stop'}
    </button>
  );
}
