// A short-lived process that releases keys and buttons left held by an executor that died
// (killed, crashed): the client starts it with what it knew was held, plus every modifier.
import { z } from 'zod';
import { KeyName, MODIFIER_KEYS } from '../shared/actions.ts';
import { HeldInput } from './backend.ts';
import { createNutBackend } from './nutBackend.ts';

const Args = z.strictObject({ keys: z.array(KeyName), buttons: z.array(z.enum(['left', 'right', 'middle'])) });

const args = Args.parse(JSON.parse(process.argv[2] ?? '{"keys":[],"buttons":[]}'));
const held = new HeldInput();
for (const key of new Set([...args.keys, ...MODIFIER_KEYS])) held.keys.add(key);
for (const button of args.buttons) held.buttons.add(button);
const backend = await createNutBackend();
await backend.release(held);
process.stdout.write(`${JSON.stringify({ released: args })}\n`);
process.exit(0);
