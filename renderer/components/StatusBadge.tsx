// The agent's status as a coloured pill; it pulses while the agent works.
import type { AgentStatus } from '../../electron/shared/ipc.ts';
import { STATUS_LABEL } from '../format/describe.ts';

export function StatusBadge({ status }: { status: AgentStatus }) {
  return (
    <span className={`badge badge-${status}`} data-testid="status">
      <span className="badge-dot" />
      {STATUS_LABEL[status]}
    </span>
  );
}
