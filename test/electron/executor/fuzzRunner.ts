// Runs seeded model outputs through the grammar and a dry-run executor with a restrictive policy,
// and checks every action the executor let through against an oracle written independently of
// the policy code. Shared by the test suite (100,000 inputs) and the benchmark (more).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Action } from '../../../electron/shared/actions.ts';
import { GrammarError, parseReply } from '../../../electron/shared/grammar.ts';
import { AuditLog } from '../../../electron/executor/audit.ts';
import { HeldInput } from '../../../electron/executor/backend.ts';
import { singleDisplay } from '../../../electron/executor/displays.ts';
import { createDryRunBackend } from '../../../electron/executor/dryRunBackend.ts';
import { Executor } from '../../../electron/executor/executor.ts';
import { resolvePolicy, PolicyFile } from '../../../electron/executor/policy.ts';
import { mutate, randomAction, randomReply, rng } from './fuzzCorpus.ts';

export interface FuzzReport {
  inputs: number;
  parsed: number;
  rejected: number;
  actions: number;
  performed: number;
  denied: number;
  failed: number;
  crashes: { input: string; error: string }[];
  violations: { action: unknown; why: string }[];
}

const REGION = { x: 0, y: 0, width: 800, height: 600 };
export const FUZZ_POLICY = resolvePolicy(
  PolicyFile.parse({ extends: 'standard', programs: ['xterm'], regions: [REGION], blockedKeys: [['ctrl', 'alt', 'delete']], rate: { max: 1_000_000, perSeconds: 1 } }),
  'fuzz',
);

/** The oracle: what the fuzz policy allows without asking, stated from scratch. */
function violation(a: Action): string | undefined {
  const pts = a.type === 'drag' ? [a.from, a.to] : 'at' in a && a.at ? [a.at] : [];
  for (const p of pts) {
    if ((p.display ?? 'primary') !== 'primary') return 'acted on a display that does not exist';
    if (!(p.x >= REGION.x && p.y >= REGION.y && p.x < REGION.x + REGION.width && p.y < REGION.y + REGION.height)) return `point ${p.x},${p.y} outside the region`;
  }
  if (a.type === 'hotkey') {
    const k = new Set(a.keys);
    if (k.has('super')) return 'super key';
    const system = ['delete', 'backspace', 'up', 'down', 'left', 'right', 'l', 't', 'tab', 'escape', 'end', 'home', 'pageup', 'pagedown'];
    if (k.has('ctrl') && k.has('alt') && [...k].some((key) => system.includes(key) || /^f\d+$/.test(key))) return 'system ctrl+alt';
    if (k.has('alt') && (k.has('f4') || k.has('tab') || k.has('escape'))) return 'alt+f4/tab/escape';
    if (k.has('ctrl') && (k.has('q') || k.has('w') || k.has('f4'))) return 'ctrl+q/w/f4';
  }
  if (a.type === 'launch' && a.program !== 'xterm') return `launched ${a.program}`;
  return undefined;
}

export async function runFuzz(count: number, seed: number): Promise<FuzzReport> {
  const dir = mkdtempSync(join(tmpdir(), 'operant-fuzz-'));
  const audit = new AuditLog(join(dir, 'fuzz.jsonl'), 'fuzz', false);
  const executor = new Executor({
    backend: createDryRunBackend(),
    policy: FUZZ_POLICY,
    audit,
    layout: singleDisplay(1280, 800),
    space: 'physical',
    held: new HeldInput(),
  });
  const report: FuzzReport = { inputs: 0, parsed: 0, rejected: 0, actions: 0, performed: 0, denied: 0, failed: 0, crashes: [], violations: [] };
  const r = rng(seed);
  const screen = { width: 1280, height: 800 };
  try {
    for (let i = 0; i < count; i++) {
      report.inputs++;
      // One input in ten is a raw, possibly broken action object sent straight to the executor.
      const raw = r() < 0.1;
      let actions: unknown[];
      let input = '';
      if (raw) {
        const obj = randomAction(r);
        if (r() < 0.5) (obj as Record<string, unknown>)[r() < 0.5 ? 'type' : 'extra'] = r() < 0.5 ? 'key_down' : 42;
        actions = [obj];
        input = JSON.stringify(obj);
      } else {
        input = r() < 0.6 ? mutate(r, randomReply(r)) : randomReply(r);
        const mode = r() < 0.7 ? undefined : { coordinates: { space: 'relative' as const, screen } };
        try {
          actions = parseReply(input, mode).actions;
          report.parsed++;
        } catch (e) {
          if (e instanceof GrammarError) report.rejected++;
          else report.crashes.push({ input, error: String((e as Error).stack ?? e) });
          continue;
        }
        for (const a of actions) if (!Action.safeParse(a).success) report.crashes.push({ input, error: 'parser returned an invalid action' });
      }
      for (const a of actions) {
        report.actions++;
        let outcome;
        try {
          outcome = await executor.perform(a);
        } catch (e) {
          report.crashes.push({ input, error: String((e as Error).stack ?? e) });
          continue;
        }
        if (outcome.status === 'dry_run') {
          report.performed++;
          const why = violation(Action.parse(a));
          if (why) report.violations.push({ action: a, why });
        } else if (outcome.status === 'denied') report.denied++;
        else report.failed++;
      }
    }
  } finally {
    audit.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return report;
}
