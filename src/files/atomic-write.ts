// A file replaced whole or not at all: the text goes to a new temporary file beside the target
// (the same directory, so the rename cannot cross file systems), which then is renamed over it.
// The temporary file is created exclusively (O_CREAT | O_EXCL, and O_NOFOLLOW where there is
// one): a name someone planted there first, a symlink to a file of theirs above all, makes the
// open fail instead of being followed and overwritten. Its name carries random bytes, so such a
// clash is retried under another name; a rename over a symlink at the target replaces the link,
// not what it points to.

import { randomBytes } from 'node:crypto';
import { closeSync, constants, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';

const EXCLUSIVE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);
/** Names tried before giving up: a clash on random bytes is either very bad luck or an attack. */
const ATTEMPTS = 8;

/** The temporary name beside `path` (exported for tests). */
export function temporaryName(path: string): string {
  return `${path}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
}

export function writeFileAtomic(path: string, text: string, mode = 0o644): void {
  let fd: number | undefined;
  let tmp = '';
  for (let attempt = 1; fd === undefined; attempt++) {
    tmp = temporaryName(path);
    try {
      fd = openSync(tmp, EXCLUSIVE, mode);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= ATTEMPTS) throw err;
    }
  }
  try {
    try {
      writeFileSync(fd, text);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}
