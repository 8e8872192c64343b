// One step of the timeline: what the agent saw, what it did, and how that went.
import type { StepEvent } from '../../electron/shared/ipc.ts';
import { actionTarget, APPROVED_BY_LABEL, describeAction, formatMs, OUTCOME_LABEL } from '../format/describe.ts';

function Thumbnail({ step }: { step: StepEvent }) {
  if (!step.thumbnail) return <div className="thumb thumb-empty">No capture</div>;
  const target = actionTarget(step.action);
  const marker =
    target && step.frame
      ? { left: `${(100 * target.x) / step.frame.width}%`, top: `${(100 * target.y) / step.frame.height}%` }
      : undefined;
  return (
    <div className="thumb">
      <img src={step.thumbnail} alt={`What the agent saw before step ${step.index + 1}`} />
      {marker && <span className="thumb-marker" style={marker} aria-hidden="true" />}
    </div>
  );
}

export function StepCard({ step }: { step: StepEvent }) {
  const timings = Object.entries(step.timings);
  const total = timings.reduce((sum, [, ms]) => sum + ms, 0);
  const { decision, outcome } = step;
  return (
    <li className={`step step-${outcome.status}`} data-testid="step">
      <Thumbnail step={step} />
      <div className="step-body">
        <div className="step-top">
          <span className="step-index">Step {step.index + 1}</span>
          <span className={`chip chip-${outcome.status}`}>{OUTCOME_LABEL[outcome.status]}</span>
        </div>
        <h3 className="step-title">
          {describeAction(step.action)}
          {decision.target && (
            <span className="step-target">
              {' '}
              on “{decision.target.text}” <span className="muted">({decision.target.kind})</span>
            </span>
          )}
        </h3>
        <code className="step-code">{step.actionText}</code>
        {decision.thought && <p className="step-thought">{decision.thought}</p>}
        {outcome.reason && <p className="step-detail">{outcome.reason}</p>}
        <div className="step-meta">
          {outcome.approvedBy && <span className={`verdict verdict-${outcome.approvedBy}`}>{APPROVED_BY_LABEL[outcome.approvedBy]}</span>}
          <span className="muted" title={`decided by ${decision.policy}`}>
            confidence {Math.round(decision.confidence * 100)}%
          </span>
          {timings.length > 0 && (
            <span className="step-timings" title={timings.map(([k, ms]) => `${k} ${formatMs(ms)}`).join(' · ')}>
              {formatMs(total)} <span className="muted">({timings.map(([k, ms]) => `${k} ${formatMs(ms)}`).join(' · ')})</span>
            </span>
          )}
        </div>
      </div>
    </li>
  );
}
