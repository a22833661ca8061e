// Bad usage or bad input: the CLI prints the message (no stack trace) and exits 2 (docs/cli.md,
// "Exit codes").
/** A file system error in words ("no such file or directory"), not its code (ENOENT). */
export function fileProblem(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  const words: Record<string, string> = {
    ENOENT: 'no such file or directory', EACCES: 'permission denied', EPERM: 'permission denied',
    EISDIR: 'is a directory', ENOTDIR: 'a part of the path is not a directory', EROFS: 'read-only file system',
  };
  return (code && words[code]) ?? code ?? (err instanceof Error ? err.message : String(err));
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
