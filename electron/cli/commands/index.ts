import type { Command } from '../command.ts';
import { doctor } from './doctor.ts';
import { models } from './models.ts';
import { perceive } from './perceive.ts';

/** Every `operant` subcommand, in the order `--help` lists them. */
export const commands: Command[] = [doctor, models, perceive];
