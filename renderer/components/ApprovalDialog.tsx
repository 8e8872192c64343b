// Asks the person before a risky action: approve once, deny, or allow such actions for the
// rest of this session. Escape denies; nothing is approved by a stray Enter.
import { type KeyboardEvent, useEffect, useRef } from 'react';
import { describeAction } from '../format/describe.ts';
import { useStore } from '../store/store.ts';

/** Tab and Shift+Tab cycle through the dialog's buttons: the page behind it is inert. */
function keepFocusInside(e: KeyboardEvent<HTMLDivElement>) {
  const buttons = [...e.currentTarget.querySelectorAll('button')];
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const next = e.shiftKey ? (at <= 0 ? buttons.length - 1 : at - 1) : (at + 1) % buttons.length;
  buttons[next]?.focus();
  e.preventDefault();
}

export function ApprovalDialog() {
  const request = useStore((s) => s.approvals[0]);
  const waiting = useStore((s) => s.approvals.length);
  const answer = useStore((s) => s.answer);
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => dialog.current?.focus(), [request?.requestId]);
  if (!request) return null;
  const reply = (a: 'approve' | 'deny' | 'always') => void answer(request.requestId, a);
  return (
    <div className="overlay">
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="approval-title"
        aria-describedby="approval-summary"
        tabIndex={-1}
        ref={dialog}
        data-testid="approval"
        onKeyDown={(e) => {
          if (e.key === 'Escape') reply('deny');
          else if (e.key === 'Tab') keepFocusInside(e);
        }}
      >
        <div className="dialog-icon" aria-hidden="true">
          !
        </div>
        <h2 id="approval-title">Allow this action?</h2>
        <p id="approval-summary" className="dialog-summary">
          {request.summary}
        </p>
        <div className="dialog-action">{describeAction(request.action)}</div>
        <ul className="dialog-reasons">
          {request.reasons.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
        {waiting > 1 && <p className="muted small">{waiting - 1} more waiting</p>}
        <div className="dialog-buttons">
          <button type="button" className="btn btn-ghost" onClick={() => reply('always')} data-testid="approve-always" title="Approve, and allow actions like this one without asking until this run ends">
            Always allow this session
          </button>
          <span className="spacer" />
          <button type="button" className="btn" onClick={() => reply('deny')} data-testid="deny">
            Deny
          </button>
          <button type="button" className="btn btn-primary" onClick={() => reply('approve')} data-testid="approve">
            Approve
          </button>
        </div>
      </div>
    </div>
  );
}
