// Keeps secrets out of the audit log: typed text the policy marks secret is replaced by its
// length, and credential-shaped substrings in any other text are masked.
import type { Action } from '../shared/actions.ts';

/** Text shaped like a credential: API keys, cloud keys, tokens, JWTs, private keys. */
const CREDENTIALS = [
  /\b(?:sk|pk|rk)-[A-Za-z0-9_-]{16,}/g, /\bAKIA[0-9A-Z]{16}\b/g, /\bgh[pousr]_[A-Za-z0-9]{30,}/g, /\bxox[abpr]-[A-Za-z0-9-]{10,}/g,
  /\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]*/g, /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
];

export function looksLikeCredential(text: string): boolean {
  return CREDENTIALS.some((re) => {
    re.lastIndex = 0;
    return re.test(text);
  });
}

export function maskCredentials(text: string): string {
  return CREDENTIALS.reduce((t, re) => t.replace(re, '[redacted]'), text);
}

/** The action as the audit log may show it. */
export function redactAction(action: Action, secret: boolean): Action {
  switch (action.type) {
    case 'type':
      return { ...action, text: secret ? `[redacted: ${[...action.text].length} characters]` : maskCredentials(action.text) };
    case 'finished':
      return action.content === undefined ? action : { ...action, content: maskCredentials(action.content) };
    case 'call_user':
      return action.reason === undefined ? action : { ...action, reason: maskCredentials(action.reason) };
    case 'launch':
      return { ...action, args: action.args.map(maskCredentials) };
    default:
      return action;
  }
}
