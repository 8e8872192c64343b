// The sandbox display (Linux): a separate Xvfb server that the executor's input goes to, with
// the allowed programs started inside it, so the agent never touches the person's own desktop.
// Xvfb picks a free display number itself (-displayfd), which avoids races with other servers.
import { type ChildProcess, spawn } from 'node:child_process';
import { OperantError } from '../../engine/errors.ts';

export interface SandboxDisplay {
  display: string;
  programs: ChildProcess[];
  close(): Promise<void>;
}

export async function startSandboxDisplay(opts: { programs?: string[]; width?: number; height?: number } = {}): Promise<SandboxDisplay> {
  if (process.platform !== 'linux') throw new OperantError('--sandbox needs Linux (a separate Xvfb display); on this system run without it', 2);
  const size = `${opts.width ?? 1280}x${opts.height ?? 800}x24`;
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', size, '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  let stderr = '';
  xvfb.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const number = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new OperantError(`Xvfb did not start within 10 s: ${stderr.trim().slice(-300)}`, 1)), 10_000);
    let out = '';
    (xvfb.stdio[3] as NodeJS.ReadableStream).on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve(out.trim());
      }
    });
    xvfb.once('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new OperantError(e.code === 'ENOENT' ? '--sandbox needs Xvfb: install it with `apt-get install -y xvfb`' : `cannot start Xvfb: ${e.message}`, 2));
    });
    xvfb.once('exit', (code) => {
      clearTimeout(timer);
      reject(new OperantError(`Xvfb exited with ${code}: ${stderr.trim().slice(-300)}`, 1));
    });
  });
  const display = `:${number}`;
  const programs: ChildProcess[] = [];
  // A sandbox never outlives the process that owns it, even when nobody calls close().
  const orphanGuard = () => xvfb.kill();
  process.once('exit', orphanGuard);
  const close = async () => {
    process.off('exit', orphanGuard);
    for (const p of programs) p.kill();
    if (xvfb.exitCode !== null) return;
    const exited = new Promise((r) => xvfb.once('exit', r));
    xvfb.kill();
    await exited;
  };
  try {
    for (const cmd of opts.programs ?? []) programs.push(await startIn(display, cmd));
  } catch (e) {
    await close();
    throw e;
  }
  return { display, programs, close };
}

/** Starts one program (a command line split on spaces) on the sandbox display. */
async function startIn(display: string, cmd: string): Promise<ChildProcess> {
  const [program, ...args] = cmd.trim().split(/\s+/);
  if (!program) throw new OperantError('an empty program name in the sandbox program list', 2);
  const child = spawn(program, args, { env: { ...process.env, DISPLAY: display }, stdio: 'ignore' });
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', (e) => reject(new OperantError(`cannot start "${cmd}" in the sandbox display: ${e.message}`, 2)));
  });
  return child;
}
