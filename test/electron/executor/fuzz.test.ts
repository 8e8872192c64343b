import { describe, expect, it } from 'vitest';
import { runFuzz } from './fuzzRunner.ts';

describe('fuzzing the grammar and the dry-run executor', () => {
  it('100,000 seeded random and mutated model outputs: no crash, nothing outside the policy', async () => {
    const report = await runFuzz(100_000, 20261122);
    expect(report.crashes.slice(0, 3)).toEqual([]);
    expect(report.violations.slice(0, 3)).toEqual([]);
    expect(report.inputs).toBe(100_000);
    // The corpus exercises every path: accepted, rejected, performed, denied and failed.
    expect(report.parsed).toBeGreaterThan(20_000);
    expect(report.rejected).toBeGreaterThan(20_000);
    expect(report.performed).toBeGreaterThan(10_000);
    expect(report.denied).toBeGreaterThan(10_000);
    expect(report.failed).toBeGreaterThan(1_000);
  }, 120_000);
});
