// Bad input through the CLI: a recording truncated at every line, random bytes, random edits —
// each refused with exit 2 and a message naming the file, never a stack trace; an unknown demo
// gets the list.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFile, spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, vmtop } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const dir = tempDir('vmtop-fuzz-');

const STACK = /\n\s+at |TypeError|ReferenceError|RangeError|SyntaxError/;

/** One vmtop per file, eight at a time, so that dozens of files stay fast. */
async function checkAll(files: string[], args: (f: string) => string[]) {
  const run = (f: string) => new Promise<{ f: string; code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [BIN, ...args(f)], { cwd: ROOT, encoding: 'utf8' }, (err, stdout, stderr) => {
      resolve({ f, code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
  const results = [];
  for (let i = 0; i < files.length; i += 8) results.push(...await Promise.all(files.slice(i, i + 8).map(run)));
  return results;
}

/** A refusal names the file and the line (a multi-line one starts with the file itself). */
const REFUSAL = /^(vmtop: )?\S+:\d+: /;

function recording(): string {
  const rec = join(dir, 'good.vmtrec');
  const r = vmtop(['batch', 'tests/fixtures/golden-cpu.yaml', '-d', '2', '-n', '6', '--record', rec]);
  expect(r.code).toBe(0);
  return readFileSync(rec, 'utf8');
}

describe('broken recordings through the CLI', () => {
  const text = recording();
  const lines = text.split('\n');

  it('refuses a recording truncated at every line (batch --replay and replay)', async () => {
    const files: string[] = [];
    for (let n = 0; n < lines.length - 1; n++) {
      const f = join(dir, `cut-${n}.vmtrec`);
      writeFileSync(f, lines.slice(0, n).join('\n') + (n ? '\n' : ''));
      files.push(f);
    }
    // and cut in the middle of a line
    const mid = join(dir, 'cut-mid.vmtrec');
    writeFileSync(mid, text.slice(0, Math.floor(text.length * 0.7)));
    files.push(mid);
    for (const { f, code, stderr, stdout } of await checkAll(files, (f) => ['batch', '--replay', f])) {
      expect(code, f).toBe(2);
      expect(stdout, f).toBe('');
      expect(stderr, f).toMatch(new RegExp(`^vmtop: ${f.replace(/[.]/g, '\\.')}:\\d+: `));
      expect(stderr, f).not.toMatch(STACK);
      // cut short, whatever the cut left on its last line (a sample "going backwards", half a JSON)
      if (f === mid) expect(stderr).toMatch(/:\d+: the recording is truncated: line \d+ is cut short/);
    }
    // the monitor's replay checks the file before it needs a terminal
    for (const f of [files[0], files[4], mid]) {
      const r = vmtop(['replay', f]);
      expect(r.code, f).toBe(2);
      expect(r.stderr).toMatch(/^vmtop: .*:\d+: /);
      expect(r.stderr).not.toMatch(STACK);
    }
  }, 120000);

  it('refuses random bytes and random edits with exit 2 and a message', async () => {
    const files: string[] = [];
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      const f = join(dir, `bytes-${files.length}.vmtrec`);
      writeFileSync(f, bytes);
      files.push(f);
    }), { numRuns: 10, seed: 7 });
    fc.assert(fc.property(fc.nat(text.length - 1), fc.string({ minLength: 1, maxLength: 4 }), (at, junk) => {
      const f = join(dir, `edit-${files.length}.vmtrec`);
      writeFileSync(f, text.slice(0, at) + junk + text.slice(at + 1));
      files.push(f);
    }), { numRuns: 10, seed: 7 });
    for (const { f, code, stderr } of await checkAll(files, (f) => ['batch', '--replay', f])) {
      // an edit may leave a valid recording (a changed digit in a number); otherwise exit 2
      if (code === 0) continue;
      expect(code, f).toBe(2);
      expect(stderr, f).toMatch(REFUSAL);
      expect(stderr, f).not.toMatch(STACK);
    }
  }, 120000);

  it('refuses a missing file and a directory', () => {
    for (const f of [join(dir, 'nope.vmtrec'), dir]) {
      const r = vmtop(['batch', '--replay', f]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/cannot read the recording/);
    }
  });
});

describe('vmtop demo', () => {
  it('lists the demos without a name', () => {
    const r = vmtop(['demo']);
    expect(r.code).toBe(0);
    for (const name of ['overcommit', 'right-sizing', 'containers', 'vserver', 'migration']) expect(r.stdout).toMatch(new RegExp(`^${name} +\\d:\\d\\d  `, 'm'));
  });

  it('refuses an unknown demo with exit 2 and the list', () => {
    const r = vmtop(['demo', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no demo named "nope"/);
    expect(r.stderr).toMatch(/^overcommit /m);
  });

  it('needs a terminal for a demo, a replay and a recorded run', () => {
    const r = spawnSync(process.execPath, [BIN, 'demo', 'overcommit'], { cwd: ROOT, encoding: 'utf8', input: '' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/needs a terminal/);
    const bad = vmtop(['lab', '--record', join(dir, 'no/such/dir/x.vmtrec')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--record .*cannot write the recording there/);
  });
});
