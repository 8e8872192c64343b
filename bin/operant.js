#!/usr/bin/env node
// The headless `operant` CLI. Sources are TypeScript; tsx compiles them on load so that
// `npx operant` works straight after `npm install`, with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
