// Turns the caller's policy choice (a preset name or a JSON file) into a resolved policy, with
// errors that name the file, the field and the fix.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { OperantError } from '../../engine/errors.ts';
import { type Policy, PolicyFile, PRESETS, presetPolicy, resolvePolicy } from './policy.ts';

export type PolicyChoice = 'strict' | 'standard' | 'permissive' | { file: string };

export function loadPolicy(choice: PolicyChoice): Policy {
  if (typeof choice === 'string') {
    if (!(PRESETS as readonly string[]).includes(choice)) throw new OperantError(`unknown policy "${choice}": use ${PRESETS.join(', ')} or a JSON policy file`, 2);
    return presetPolicy(choice);
  }
  let raw: string;
  try {
    raw = readFileSync(choice.file, 'utf8');
  } catch (e) {
    throw new OperantError(`cannot read policy file ${choice.file}: ${(e as Error).message}`, 2);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    throw new OperantError(`policy file ${choice.file} is not valid JSON (${(e as Error).message}): fix it or use a preset (${PRESETS.join(', ')})`, 2);
  }
  const parsed = PolicyFile.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`).join('; ');
    throw new OperantError(`policy file ${choice.file} is invalid: ${issues}. Fields: extends, programs, windows, regions, blockedKeys, deny, secretPatterns, rate`, 2);
  }
  return resolvePolicy(parsed.data, `${parsed.data.extends}+${basename(choice.file)}`);
}
