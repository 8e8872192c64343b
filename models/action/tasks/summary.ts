// Turns per-task results into the figures the evaluation reports: success per family and overall,
// steps per task, and the median and p95 time per step of every stage.
import type { TaskResult } from './evaluate.ts';

/** Nearest-rank percentile of a list (0 ≤ q ≤ 1); null for an empty list. */
export function percentile(values: number[], q: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
const mean = (v: number[]) => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : null);

export function summarize(results: TaskResult[]) {
  const byFamily: Record<string, { tasks: number; succeeded: number; successRate: number; meanSteps: number | null }> = {};
  for (const fam of [...new Set(results.map((r) => r.family))]) {
    const rs = results.filter((r) => r.family === fam);
    const ok = rs.filter((r) => r.success).length;
    byFamily[fam] = { tasks: rs.length, succeeded: ok, successRate: round((100 * ok) / rs.length)! / 100, meanSteps: round(mean(rs.map((r) => r.steps))) };
  }
  const steps = results.flatMap((r) => r.timings);
  const stages = [...new Set(steps.flatMap((s) => Object.keys(s)))];
  const perStepMs: Record<string, { median: number | null; p95: number | null; mean: number | null }> = {};
  const stat = (v: number[]) => ({ median: round(percentile(v, 0.5)), p95: round(percentile(v, 0.95)), mean: round(mean(v)) });
  for (const stage of stages) perStepMs[stage] = stat(steps.map((s) => s[stage]).filter((v): v is number => typeof v === 'number'));
  // The speed target is on the decision: perception plus policy, without waits.
  if (stages.includes('perceive') && stages.includes('decide')) perStepMs.decision = stat(steps.map((s) => (s.perceive ?? 0) + (s.decide ?? 0)));
  const ok = results.filter((r) => r.success).length;
  return {
    overall: {
      tasks: results.length,
      succeeded: ok,
      successRate: results.length ? round((100 * ok) / results.length)! / 100 : null,
      meanSteps: round(mean(results.map((r) => r.steps))),
      medianSteps: percentile(results.map((r) => r.steps), 0.5),
      meanTaskSeconds: round((mean(results.map((r) => r.ms)) ?? 0) / 1000),
    },
    byFamily,
    perStepMs,
    failures: results.filter((r) => !r.success).map((r) => ({ id: r.id, instruction: r.instruction, status: r.status, steps: r.steps, ...(r.error ? { error: r.error } : {}) })),
  };
}

export type EvalSummary = ReturnType<typeof summarize>;
