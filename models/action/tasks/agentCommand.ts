// Runs an agent command for one task and reads its JSON lines: one line per step (with
// `timings`), then a final line. The command is a shell template; `{instruction}` becomes the
// task's instruction, quoted for the shell.
import { spawn } from 'node:child_process';

export const DEFAULT_AGENT = 'node bin/operant.js run {instruction} --json --max-steps {maxSteps}';

export interface AgentStepLine {
  timings: Record<string, number>;
  [key: string]: unknown;
}

export interface AgentRun {
  exitCode: number | null;
  steps: AgentStepLine[];
  final?: Record<string, unknown>;
  /** Lines on stdout that were not JSON objects (kept to explain failures). */
  stray: string[];
  stderrTail: string;
  ms: number;
  timedOut: boolean;
}

/** Single-quotes a string for sh: the only character that needs care inside is the quote itself. */
export const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export function agentCommandLine(template: string, instruction: string, maxSteps: number): string {
  if (!template.includes('{instruction}')) return `${template.replace(/\{maxSteps\}/g, String(maxSteps))} ${shellQuote(instruction)}`;
  return template.replace(/\{instruction\}/g, shellQuote(instruction)).replace(/\{maxSteps\}/g, String(maxSteps));
}

/** Sorts stdout lines into step lines, the final line and anything else. */
export function parseAgentOutput(stdout: string): Pick<AgentRun, 'steps' | 'final' | 'stray'> {
  const steps: AgentStepLine[] = [];
  const stray: string[] = [];
  let final: Record<string, unknown> | undefined;
  for (const line of stdout.split('\n')) {
    if (!line.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      stray.push(line);
      continue;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) stray.push(line);
    else if ('timings' in value && value.timings && typeof value.timings === 'object') steps.push(value as AgentStepLine);
    else final = value as Record<string, unknown>;
  }
  return { steps, final, stray };
}

export function runAgentCommand(commandLine: string, opts: { timeoutMs: number; cwd?: string }): Promise<AgentRun> {
  const started = performance.now();
  return new Promise((resolve) => {
    // A process group of its own, so a timeout ends the agent and everything it started.
    const child = spawn('sh', ['-c', commandLine], { cwd: opts.cwd, env: process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid) process.kill(-child.pid, 'SIGTERM');
      } catch {
        // The group already exited between the timer firing and the kill.
      }
    }, opts.timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ exitCode: code, ...parseAgentOutput(stdout), stderrTail: stderr.trim().split('\n').slice(-5).join('\n'), ms: performance.now() - started, timedOut });
    });
  });
}
