// The steps of the current run, oldest first, the newest scrolled into view.
import { useEffect, useRef } from 'react';
import { isWorking } from '../store/agentSlice.ts';
import { useStore } from '../store/store.ts';
import { StepCard } from './StepCard.tsx';

export function Timeline() {
  const steps = useStore((s) => s.steps);
  const working = useStore((s) => isWorking(s.agent));
  const end = useRef<HTMLLIElement>(null);
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [steps.length]);
  return (
    <ol className="timeline" data-testid="timeline" aria-label="Steps">
      {steps.map((step) => (
        <StepCard key={step.index} step={step} />
      ))}
      {working && (
        <li className="step step-pending" ref={end}>
          <div className="thumb thumb-empty">
            <span className="spinner" />
          </div>
          <div className="step-body">
            <span className="step-index">Step {steps.length + 1}</span>
            <p className="muted">Looking at the screen…</p>
          </div>
        </li>
      )}
    </ol>
  );
}
