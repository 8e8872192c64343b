import type { Command } from '../command.ts';
import { act } from './act.ts';
import { doctor } from './doctor.ts';
import { models } from './models.ts';
import { perceive } from './perceive.ts';
import { run } from './run.ts';

/** Every `operant` subcommand, in the order `--help` lists them. */
export const commands: Command[] = [doctor, models, perceive, run, act];
