// Bad usage or bad input: the CLI prints the message (no stack trace) and exits 2 (SPEC §1).
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
