// Temporary files of a test file: in a directory of their own under the run's $TMPDIR (see
// tests/global-tmp.ts), removed when the file's tests are done, so nothing is left behind.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/** A fresh directory for this test file; call it at the top level of the file. */
export function tempDir(prefix = 'vmtop-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
