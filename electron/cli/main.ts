import { readFileSync } from 'node:fs';
import { OperantError } from '../../engine/errors.ts';
import { err, out } from './command.ts';
import { commands } from './commands/index.ts';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'operant — a local desktop agent (headless CLI)',
    '',
    'Usage: operant <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options: --help (also after a command), --version',
    'Exit codes: 0 done, 1 error, 2 bad input, 3 denied by policy or approval.',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    out(help());
    return 0;
  }
  if (name === '--version' || name === '-v') {
    out(pkg.version);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    err(`operant: unknown command "${name}". Run \`operant --help\` for the list.`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    out(command.usage);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (e) {
    if (e instanceof OperantError) {
      err(`operant ${name}: ${e.message}`);
      return e.exitCode;
    }
    // A TypeError from util.parseArgs is a usage mistake, not a crash.
    if (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS')) {
      err(`operant ${name}: ${e.message}\n${command.usage}`);
      return 2;
    }
    err(`operant ${name}: unexpected error: ${(e as Error).stack ?? String(e)}`);
    return 1;
  }
}
