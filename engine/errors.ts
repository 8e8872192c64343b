/**
 * An error a person can act on: the message says what went wrong and what to do next.
 * `exitCode` follows the CLI's convention: 1 runtime failure, 2 bad input, 3 denied by policy.
 */
export class OperantError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 | 3 = 1,
  ) {
    super(message);
    this.name = 'OperantError';
  }
}

export const badInput = (message: string) => new OperantError(message, 2);
