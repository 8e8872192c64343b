import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { badInput } from '../../../engine/errors.ts';
import { type ActionOutcome, type ApprovalAnswer, type ApprovalRequest, ExecutorClient, type PolicyChoice } from '../../core/executorClient.ts';
import { findDisplay, physicalSize } from '../../executor/displays.ts';
import { PRESETS } from '../../executor/policy.ts';
import type { Action } from '../../shared/actions.ts';
import { type CoordinateMode, parseReply, printAction } from '../../shared/grammar.ts';
import { type Command, err, out } from '../command.ts';

const USAGE = `Usage: operant act "<action text>" [--policy strict|standard|permissive|<file.json>] [--dry-run] [--sandbox] [--yes] [--json]
                    [--coords pixels|relative|<width>x<height>] [--audit-dir <dir>] [--program "<command>"]…

Parses actions in the UI-TARS grammar (one per line, optionally after "Thought: …" and "Action:"),
checks each against the policy, asks on this terminal when the policy wants approval, and performs it.
  click(start_box='(100,200)')   left_double(…)   right_single(…)   drag(start_box='(1,2)', end_box='(3,4)')
  type(content='hello\\n')   hotkey(key='ctrl s')   scroll(start_box='(5,5)', direction='down')   wait()
Coordinates are screen pixels (--coords relative: 0-1000; --coords 1092x616: pixels of a resized model image).
--policy    standard (default) asks before risky actions; strict asks before every action; permissive never asks.
--dry-run   checks and logs without acting.    --sandbox  acts on a fresh Xvfb display (Linux),
            starting each --program there first (those programs may also be launched without asking).
--yes       approves every action the policy asks about. Without a terminal and without --yes they are denied.
Exit codes: 0 performed, 1 failed, 2 bad input (parse error), 3 denied by policy or approval, 130 stopped (Ctrl+C).`;

function coordinateMode(value: string | undefined, client: ExecutorClient | undefined): CoordinateMode {
  if (value === undefined || value === 'pixels') return { space: 'pixels' };
  const screen = client ? physicalSize(findDisplay(client.layout, undefined)) : { width: 1000, height: 1000 };
  if (value === 'relative') return { space: 'relative', screen };
  const m = /^(\d+)x(\d+)$/.exec(value);
  if (!m || Number(m[1]) < 1 || Number(m[2]) < 1) throw badInput(`--coords must be pixels, relative or <width>x<height> such as 1092x616, got "${value}"`);
  return { space: 'image', image: { width: Number(m[1]), height: Number(m[2]) }, screen };
}

async function askOnTerminal(req: ApprovalRequest): Promise<ApprovalAnswer> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    for (;;) {
      const a = (await rl.question(`Approve: ${req.summary}?\n  because ${req.reasons.join('; ')}\n  [y]es, [n]o, [a]lways for this kind of action: `)).trim().toLowerCase();
      if (a === 'y' || a === 'yes') return 'approve';
      if (a === 'a' || a === 'always') return 'always';
      if (a === 'n' || a === 'no' || a === '') return 'deny';
    }
  } finally {
    rl.close();
  }
}

const EXIT: Record<ActionOutcome['status'], number> = { performed: 0, dry_run: 0, denied: 3, failed: 1, stopped: 130 };

export const act: Command = {
  name: 'act',
  summary: 'parse actions (UI-TARS grammar), check them against the policy and perform them',
  usage: USAGE,
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        policy: { type: 'string', default: 'standard' },
        'dry-run': { type: 'boolean' },
        sandbox: { type: 'boolean' },
        yes: { type: 'boolean' },
        json: { type: 'boolean' },
        coords: { type: 'string' },
        'audit-dir': { type: 'string' },
        program: { type: 'string', multiple: true },
      },
    });
    if (values.program && !values.sandbox) throw badInput('--program starts a program on the sandbox display: add --sandbox');
    if (positionals.length !== 1) throw badInput(`give exactly one action text in quotes, e.g. operant act "click(start_box='(100,200)')"\n${USAGE}`);
    const text = positionals[0]!;
    // Syntax errors surface before anything starts; coordinates are mapped once the screen is known.
    parseReply(text, { coordinates: coordinateMode(values.coords, undefined) });
    const policy: PolicyChoice = (PRESETS as readonly string[]).includes(values.policy) ? (values.policy as PolicyChoice) : { file: values.policy };
    const approve = values.yes ? async () => 'approve' as const : process.stdin.isTTY ? askOnTerminal : undefined;
    const sandbox = values.sandbox ? { programs: values.program ?? [] } : false;
    const client = await ExecutorClient.start({ policy, dryRun: values['dry-run'], sandbox, approve, auditDir: values['audit-dir'] });
    let interrupted = false;
    const onSigint = () => {
      interrupted = true;
      if (!values.json) err('operant act: stopping (Ctrl+C)');
      void client.stop();
    };
    process.on('SIGINT', onSigint);
    const results: { action: Action; text: string; outcome: ActionOutcome }[] = [];
    try {
      const { actions } = parseReply(text, { coordinates: coordinateMode(values.coords, client) });
      for (const action of actions) {
        const outcome = await client.perform(action);
        results.push({ action, text: printAction(action), outcome });
        if (!values.json) out(`${outcome.status.padEnd(9)} ${printAction(action)} (${outcome.ms} ms${outcome.approvedBy ? `, approved by ${outcome.approvedBy}` : ''})${outcome.reason ? `: ${outcome.reason}` : ''}`);
        if (EXIT[outcome.status] !== 0 || interrupted) break;
      }
    } finally {
      process.off('SIGINT', onSigint);
      await client.close();
    }
    const last = results[results.length - 1]?.outcome;
    const code = interrupted ? 130 : last ? EXIT[last.status] : 0;
    if (values.json) out(JSON.stringify({ display: client.display, auditPath: client.auditPath, results, exitCode: code }));
    else out(`audit log: ${client.auditPath}`);
    return code;
  },
};
