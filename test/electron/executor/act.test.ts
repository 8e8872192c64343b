// `operant act` end to end, as a person or a script runs it: no terminal on stdin here, so
// actions that need approval are denied unless --yes is given.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const auditDir = mkdtempSync(join(tmpdir(), 'operant-act-'));
const act = (args: string[]) =>
  run(process.execPath, ['bin/operant.js', 'act', ...args, '--audit-dir', auditDir], { env: process.env, timeout: 60_000 }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

describe.runIf(process.env.DISPLAY)('operant act', () => {
  it('checks and logs without acting in a dry run (exit 0)', async () => {
    const r = await act(["Thought: go\nAction: click(start_box='(10,20)')\nhotkey(key='ctrl s')", '--dry-run', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.results.map((x: { outcome: { status: string } }) => x.outcome.status)).toEqual(['dry_run', 'dry_run']);
    expect(readFileSync(json.auditPath, 'utf8')).toContain('"phase":"intent"');
  });

  it('maps 0-1000 relative coordinates onto the real screen (--coords relative)', async () => {
    const r = await act(["click(start_box='<|box_start|>(500,250)<|box_end|>')", '--coords', 'relative', '--dry-run', '--json']);
    expect(r.code).toBe(0);
    const [, w, h] = /dimensions:\s+(\d+)x(\d+) pixels/.exec((await run('xdpyinfo', [], { env: process.env })).stdout)!;
    expect(JSON.parse(r.stdout).results[0].action.at).toEqual({ x: Math.round(Number(w) / 2), y: Math.round(Number(h) / 4) });
  });

  it('denies an action that needs approval when there is no terminal and no --yes (exit 3)', async () => {
    const r = await act(["hotkey(key='alt f4')", '--dry-run']);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/denied .*alt\+f4 closes or switches programs.*no way to ask/);
  });

  it('approves with --yes (exit 0)', async () => {
    const r = await act(["hotkey(key='alt f4')", '--dry-run', '--yes', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).results[0].outcome).toMatchObject({ status: 'dry_run', approvedBy: 'user' });
  });

  it('asks on its terminal when it has one: yes, then no (exit 3)', async () => {
    // `script` gives the CLI a real pseudo-terminal, as a person's shell would.
    const cmd = `${process.execPath} bin/operant.js act "click(start_box='(5,5)')\nright_single(start_box='(6,6)')" --policy strict --dry-run --audit-dir ${auditDir}`;
    const child = spawn('script', ['-qec', cmd, '/dev/null'], { env: process.env, stdio: 'pipe' });
    let out = '';
    const answers = ['y\n', 'n\n'];
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const asked = out.split('[y]es, [n]o, [a]lways').length - 1;
      if (asked > 2 - answers.length) child.stdin.write(answers.shift()!);
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(out).toMatch(/Approve: click at \(5,5\)\?/);
    expect(out).toMatch(/dry_run\s+click\(start_box='\(5,5\)'\) \([\d.]+ ms, approved by user\)/);
    expect(out).toMatch(/denied\s+right_single\(start_box='\(6,6\)'\).*denied by the user/);
    expect(code).toBe(3);
  });

  it('reports a parse error with its position (exit 2)', async () => {
    const r = await act(["click(start_box='(10,20)'  oops"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/line 1, column 28: expected "," between arguments/);
  });

  it('rejects a bad policy file and bad options (exit 2)', async () => {
    const file = join(auditDir, 'bad-policy.json');
    writeFileSync(file, JSON.stringify({ extends: 'standard', regions: 'everywhere' }));
    const r = await act(['wait()', '--policy', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/policy file .*bad-policy.json is invalid: regions/);
    expect((await act(['wait()', '--coords', 'huge'])).code).toBe(2);
  });

  it('acts on a sandbox display with --sandbox', async () => {
    const r = await act(["click(start_box='(5,5)')", '--sandbox', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.display).not.toBe(process.env.DISPLAY);
    expect(json.results[0].outcome.status).toBe('performed');
  });

  it('stops on Ctrl+C (SIGINT) and exits 130', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'operant-act-int-'));
    const child = spawn(process.execPath, ['bin/operant.js', 'act', "wait(ms='30000')", '--sandbox', '--audit-dir', dir], { env: process.env, stdio: 'pipe' });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    // Wait until the executor has logged that it is waiting, then press Ctrl+C.
    const end = Date.now() + 30_000;
    const started = () => readdirSync(dir).some((f) => readFileSync(join(dir, f), 'utf8').includes('"phase":"intent"'));
    while (!(existsSync(dir) && started()) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    const t0 = Date.now();
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});
