// One line that tells a person what an action will do, for approval prompts. Typed text is
// shown only when it is not secret.
import type { Action, ScreenPoint } from '../shared/actions.ts';

const at = (p: ScreenPoint) => `(${p.x},${p.y})${p.display ? ` on display ${p.display}` : ''}`;
const clip = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n)}…` : s);

export function describeAction(a: Action, secret: boolean): string {
  switch (a.type) {
    case 'click':
      return `click at ${at(a.at)}`;
    case 'double_click':
      return `double-click at ${at(a.at)}`;
    case 'right_click':
      return `right-click at ${at(a.at)}`;
    case 'middle_click':
      return `middle-click at ${at(a.at)}`;
    case 'move':
      return `move the pointer to ${at(a.at)}`;
    case 'drag':
      return `drag from ${at(a.from)} to ${at(a.to)}`;
    case 'type':
      return secret ? `type ${[...a.text].length} secret characters` : `type ${JSON.stringify(clip(a.text))}`;
    case 'hotkey':
      return `press ${a.keys.join('+')}`;
    case 'scroll':
      return `scroll ${a.direction} ${a.amount} step(s)${a.at ? ` at ${at(a.at)}` : ''}`;
    case 'wait':
      return `wait ${a.ms} ms`;
    case 'launch':
      return `start ${[a.program, ...a.args].map((s) => JSON.stringify(clip(s, 40))).join(' ')}`;
    case 'finished':
      return 'finish';
    case 'call_user':
      return 'ask the user for help';
  }
}
