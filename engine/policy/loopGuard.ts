// Loop detection: an action tried twice on the very same screen without changing it is not tried
// a third time. The guard remembers (screen, action) pairs; the policy gets the banned actions.
import { sameAction } from './decode.ts';
import type { PolicyAction } from './types.ts';

export const MAX_TRIES_PER_SCREEN = 2;

export class LoopGuard {
  private readonly tries = new Map<string, Array<{ action: PolicyAction; count: number }>>();

  /** Records that `action` was performed on the screen whose hash is `screen`. */
  record(screen: string, action: PolicyAction): void {
    const list = this.tries.get(screen) ?? [];
    const seen = list.find((t) => sameAction(t.action, action));
    if (seen) seen.count++;
    else list.push({ action, count: 1 });
    this.tries.set(screen, list);
  }

  /** Actions already tried the maximum number of times on this screen. */
  banned(screen: string): PolicyAction[] {
    return (this.tries.get(screen) ?? []).filter((t) => t.count >= MAX_TRIES_PER_SCREEN).map((t) => t.action);
  }

  isBanned(screen: string, action: PolicyAction): boolean {
    return this.banned(screen).some((b) => sameAction(b, action));
  }
}
