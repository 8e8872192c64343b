import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AuditLog } from '../../../electron/executor/audit.ts';
import { HeldInput } from '../../../electron/executor/backend.ts';
import { singleDisplay } from '../../../electron/executor/displays.ts';
import { createDryRunBackend } from '../../../electron/executor/dryRunBackend.ts';
import { Executor } from '../../../electron/executor/executor.ts';
import type { ApprovalAnswer, ApprovalRequest } from '../../../electron/executor/outcome.ts';
import { decide, type Policy, presetPolicy, riskyHotkey } from '../../../electron/executor/policy.ts';
import { loadPolicy } from '../../../electron/executor/policyFile.ts';
import type { Action } from '../../../electron/shared/actions.ts';

const dir = mkdtempSync(join(tmpdir(), 'operant-policy-'));
const facts = { recentActions: 0, primaryDisplay: 'primary' };
const click: Action = { type: 'click', at: { x: 10, y: 10 } };

function executor(policy: Policy, ask?: (r: ApprovalRequest) => Promise<ApprovalAnswer>) {
  const audit = new AuditLog(join(dir, `${Math.random().toString(36).slice(2)}.jsonl`), 'test');
  const ex = new Executor({ backend: createDryRunBackend(), policy, audit, layout: singleDisplay(1280, 800), space: 'physical', held: new HeldInput(), ask: ask && ((r) => ask(r)) });
  const log = () => readFileSync(audit.path, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  return { ex, log };
}

describe('policy presets', () => {
  it.each([
    ['strict', click, 'ask'],
    ['standard', click, 'allow'],
    ['permissive', click, 'allow'],
    ['strict', { type: 'wait', ms: 10 }, 'allow'],
    ['standard', { type: 'hotkey', keys: ['alt', 'f4'] }, 'ask'],
    ['standard', { type: 'hotkey', keys: ['alt', 'tab'] }, 'ask'],
    ['standard', { type: 'hotkey', keys: ['ctrl', 'alt', 'delete'] }, 'ask'],
    ['standard', { type: 'hotkey', keys: ['super', 'l'] }, 'ask'],
    ['standard', { type: 'hotkey', keys: ['ctrl', 'w'] }, 'ask'],
    ['standard', { type: 'hotkey', keys: ['ctrl', 's'] }, 'allow'],
    ['standard', { type: 'launch', program: 'xterm', args: [] }, 'ask'],
    ['permissive', { type: 'hotkey', keys: ['super'] }, 'allow'],
  ] as const)('%s: %j → %s', (preset, action, verdict) => {
    expect(decide(action as Action, presetPolicy(preset), facts).verdict).toBe(verdict);
  });

  it('asks before typing into a password field and marks the text secret', () => {
    const d = decide({ type: 'type', text: 'hunter2' }, presetPolicy('standard'), { ...facts, context: { target: { kind: 'textbox', text: 'Password' } } });
    expect(d).toMatchObject({ verdict: 'ask', secret: true, reasons: [{ code: 'secret_field' }] });
    expect(decide({ type: 'type', text: 'my key is sk-abcdefghijklmnopqrstuvwx' }, presetPolicy('standard'), facts)).toMatchObject({ verdict: 'allow', secret: true });
  });

  it('asks when the rate is exceeded', () => {
    expect(decide(click, presetPolicy('standard'), { ...facts, recentActions: 30 }).reasons.map((r) => r.code)).toEqual(['rate']);
  });

  it('knows which hotkeys are risky', () => {
    expect(riskyHotkey(['ctrl', 'c'])).toBeUndefined();
    expect(riskyHotkey(['ctrl', 'alt', 'f1'])).toMatch(/ctrl\+alt/);
    expect(riskyHotkey(['ctrl', 'alt', 'backspace'])).toMatch(/ctrl\+alt/);
    // An application's own Ctrl+Alt shortcut is not a system one.
    expect(riskyHotkey(['ctrl', 'alt', 'm'])).toBeUndefined();
  });
});

describe('policy files', () => {
  const file = (json: unknown) => {
    const p = join(dir, `${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(p, typeof json === 'string' ? json : JSON.stringify(json));
    return p;
  };

  it('narrows a preset: programs, regions, windows, blocked keys, denied types', () => {
    const policy = loadPolicy({
      file: file({ extends: 'permissive', programs: ['xterm'], regions: [{ x: 0, y: 0, width: 100, height: 100 }], windows: ['Editor'], blockedKeys: [['ctrl', 'q']], deny: ['launch'] }),
    });
    expect(policy.name).toMatch(/^permissive\+/);
    expect(decide({ type: 'hotkey', keys: ['q', 'ctrl'] }, policy, facts)).toMatchObject({ verdict: 'deny', reasons: [{ code: 'blocked_keys' }] });
    expect(decide({ type: 'launch', program: 'xterm', args: [] }, policy, facts)).toMatchObject({ verdict: 'deny', reasons: [{ code: 'denied_type' }] });
    const std = loadPolicy({ file: file({ extends: 'standard', programs: ['xterm'], regions: [{ x: 0, y: 0, width: 100, height: 100 }], windows: ['Editor'] }) });
    expect(decide({ type: 'launch', program: 'xterm', args: [] }, std, facts).verdict).toBe('allow');
    expect(decide({ type: 'launch', program: '/tmp/xterm', args: [] }, std, facts).verdict).toBe('ask');
    expect(decide(click, std, { ...facts, activeWindow: 'Text Editor' }).verdict).toBe('allow');
    expect(decide(click, std, { ...facts, activeWindow: 'Terminal' }).reasons.map((r) => r.code)).toEqual(['outside_window']);
    expect(decide({ type: 'click', at: { x: 150, y: 10 } }, std, { ...facts, activeWindow: 'Editor' }).reasons.map((r) => r.code)).toEqual(['outside_region']);
  });

  it.each([
    ['{ "extends": "standard", ', /not valid JSON/],
    [{ extends: 'lenient' }, /extends/],
    [{ programs: 'xterm' }, /programs/],
    [{ blockedKeys: [['ctrl', 'hyper']] }, /unknown key "hyper"/],
    [{ secretPatterns: ['('] }, /not a valid regular expression/],
    [{ regions: [{ x: 0, y: 0, width: -5, height: 10 }] }, /regions\.0\.width/],
    [{ colour: 'red' }, /colour|Unrecognized/],
  ])('rejects %j with a message that names the problem', (json, message) => {
    const p = file(json);
    expect(() => loadPolicy({ file: p })).toThrow(message);
    expect(() => loadPolicy({ file: p })).toThrow(p);
  });

  it('loads the example policy shipped with the executor', () => {
    const policy = loadPolicy({ file: fileURLToPath(new URL('../../../electron/executor/policy.example.json', import.meta.url)) });
    expect(policy).toMatchObject({ ask: 'risky', deny: ['launch'], rate: { max: 20, perSeconds: 10 } });
    expect(decide({ type: 'type', text: 'card 4111 1111 1111 1111' }, policy, facts).secret).toBe(true);
  });

  it('says when the file is missing and when a preset name is wrong', () => {
    expect(() => loadPolicy({ file: join(dir, 'nope.json') })).toThrow(/cannot read policy file/);
    expect(() => loadPolicy('lenient' as never)).toThrow(/use strict, standard, permissive/);
  });
});

describe('executor approvals and audit log (dry run)', () => {
  it('denies what needs approval when there is no way to ask', async () => {
    const { ex, log } = executor(presetPolicy('strict'));
    expect(await ex.perform(click)).toMatchObject({ status: 'denied', reason: expect.stringMatching(/no way to ask/) });
    expect(log().at(-1)).toMatchObject({ phase: 'outcome', status: 'denied', verdict: 'ask', reasons: ['strict'] });
  });

  it('asks, remembers "always" for this kind of action only, and records who approved', async () => {
    const asked: ApprovalRequest[] = [];
    const answers: ApprovalAnswer[] = ['always', 'deny', 'approve'];
    const { ex, log } = executor(presetPolicy('standard'), async (r) => (asked.push(r), answers.shift()!));
    const altTab: Action = { type: 'hotkey', keys: ['alt', 'tab'] };
    expect(await ex.perform(altTab)).toMatchObject({ status: 'dry_run', approvedBy: 'user' });
    expect(await ex.perform(altTab)).toMatchObject({ status: 'dry_run', approvedBy: 'session' });
    expect(await ex.perform({ type: 'hotkey', keys: ['alt', 'f4'] })).toMatchObject({ status: 'denied', reason: expect.stringMatching(/denied by the user/) });
    expect(await ex.perform({ type: 'launch', program: 'xterm', args: [] })).toMatchObject({ status: 'dry_run', approvedBy: 'user' });
    expect(asked.map((r) => r.summary)).toEqual(['press alt+tab', 'press alt+f4', 'start "xterm"']);
    expect(asked[0]!.reasons[0]).toMatch(/closes or switches programs/);
    expect(log().filter((r) => r.phase === 'intent').map((r) => r.approvedBy)).toEqual(['user', 'session', 'user']);
  });

  it('redacts secret text from the log and from the approval prompt', async () => {
    const asked: ApprovalRequest[] = [];
    const { ex, log } = executor(presetPolicy('standard'), async (r) => (asked.push(r), 'approve'));
    await ex.perform({ type: 'type', text: 'hunter2' }, { target: { kind: 'password' } });
    await ex.perform({ type: 'type', text: 'token ghp_abcdefghijklmnopqrstuvwxyz0123456789 end' });
    const text = JSON.stringify(log());
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('ghp_abc');
    expect(text).toContain('[redacted: 7 characters]');
    expect(asked[0]!.summary).toBe('type 7 secret characters');
  });

  it('reports invalid actions and off-screen points as failures, with the reason', async () => {
    const { ex } = executor(presetPolicy('permissive'));
    expect(await ex.perform({ type: 'key_down', key: 'shift' })).toMatchObject({ status: 'failed', reason: expect.stringMatching(/invalid action/) });
    expect(await ex.perform({ type: 'click', at: { x: 5000, y: 1 } })).toMatchObject({ status: 'failed', reason: expect.stringMatching(/off display "primary"/) });
  });
});
