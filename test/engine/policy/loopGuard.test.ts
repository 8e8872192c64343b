import { describe, expect, it } from 'vitest';
import { LoopGuard } from '../../../engine/policy/loopGuard.ts';

describe('loop guard', () => {
  it('bans an action after two tries on the same screen, and only on that screen', () => {
    const g = new LoopGuard();
    const click = { type: 'click' as const, at: { x: 10, y: 10 } };
    g.record('s1', click);
    expect(g.isBanned('s1', click)).toBe(false);
    g.record('s1', { type: 'click', at: { x: 12, y: 9 } });
    expect(g.isBanned('s1', click)).toBe(true);
    expect(g.isBanned('s2', click)).toBe(false);
    expect(g.isBanned('s1', { type: 'click', at: { x: 40, y: 10 } })).toBe(false);
  });
});
