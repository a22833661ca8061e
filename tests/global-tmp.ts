// The whole run gets a $TMPDIR of its own (inherited by the test workers and every vmtop they
// start), and fails if anything is left in it at the end: a test that leaves a file behind is
// found here, not in someone's /tmp weeks later. Other runs on the machine never interfere.

import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const outer = process.env.TMPDIR;
  const dir = mkdtempSync(join(tmpdir(), 'vmtop-run-'));
  process.env.TMPDIR = dir;
  return () => {
    const left = readdirSync(dir);
    rmSync(dir, { recursive: true, force: true });
    if (outer === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = outer;
    if (left.length > 0) {
      // vitest reports an error thrown here but still exits 0: the exit code must say it
      process.stderr.write(`\nFAIL: the tests left ${left.length} file(s) in $TMPDIR: ${left.join(', ')}\n`);
      process.exitCode = 1;
    }
  };
}
