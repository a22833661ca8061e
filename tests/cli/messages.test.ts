// The CLI's messages as a user reads them: one "vmtop:" prefix, file system errors in words,
// flags named with what they expect, and bad input refused before any work with exit 2.
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, shell, vmtop } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const root = tempDir();

const STACK = /\n\s+at /;

describe('CLI messages', () => {
  it('commander\'s own errors carry the vmtop: prefix, not "error:"', () => {
    for (const args of [['--bogus'], ['batch', '--bogus'], ['validate'], ['batch', 'lab', 'extra']]) {
      const r = vmtop(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/^vmtop: /);
      expect(r.stderr).not.toMatch(/^error:/m);
    }
  });

  it('profiles, --help and validate end quietly with 0 when the reader is gone before they write', () => {
    // `true` reads nothing and exits at once: every write meets a closed pipe (EPIPE)
    for (const args of ['profiles', '--help', 'validate lab']) {
      const r = shell(`node ${BIN} ${args} | true; echo "rc=\${PIPESTATUS[0]}"`);
      expect(r.stderr).toBe('');
      expect(r.stdout.trim()).toBe('rc=0');
    }
  });

  it('vmtop help [command] is --help, -V is --version, and each default is said once', () => {
    const help = vmtop(['help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toBe(vmtop(['--help']).stdout);
    expect(help.stdout).toMatch(/help \[command\] +show the help of vmtop or of one command/);
    for (const command of ['batch', 'demo', 'replay', 'validate', 'profiles']) {
      const r = vmtop(['help', command]);
      expect(r.code, command).toBe(0);
      expect(r.stdout, command).toBe(vmtop([command, '--help']).stdout);
    }
    const nope = vmtop(['help', 'nope']);
    expect(nope.code).toBe(2);
    expect(nope.stderr).toBe('vmtop: help: no command named "nope"; the commands are replay, demo, batch, import, profiles, validate\n');
    expect(vmtop(['-V']).stdout).toBe(vmtop(['--version']).stdout);
    expect(vmtop(['-V']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    for (const command of [[], ['batch'], ['demo'], ['replay']]) {
      // one entry per option, its wrapped lines joined
      const options = vmtop([...command, '--help']).stdout.split(/\n(?= {2}-)/).map((o) => o.replace(/\s+/g, ' '));
      expect(options.length, command.join(' ')).toBeGreaterThan(3);
      for (const o of options) expect(o.match(/\(default:/g)?.length ?? 0, o).toBeLessThanOrEqual(1);
    }
  });

  it('--speed says what a speed is, not "seconds"', () => {
    const r = vmtop(['--speed', 'abc']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('vmtop: --speed: expected 0.25..64 simulated seconds per wall second, got "abc"\n');
    expect(vmtop(['batch', '-d', 'abc', '-n', '1']).stderr).toBe('vmtop: --delay: expected 0.01..3600 simulated seconds, got "abc"\n');
  });

  it('names file system errors in words, and a directory given as a profile as one', () => {
    const dir = mkdtempSync(join(root, 'files-'));
    const replay = vmtop(['replay', join(dir, 'nope.vmtrec')]);
    expect(replay.code).toBe(2);
    expect(replay.stderr).toBe(`vmtop: ${join(dir, 'nope.vmtrec')}: cannot read the recording: no such file or directory\n`);
    const validate = vmtop(['validate', dir]);
    expect(validate.code).toBe(2);
    expect(validate.stderr).toMatch(new RegExp(`^vmtop: ${dir}: is a directory, not a profile \\(built-ins: .*lab`));
    const out = vmtop(['batch', '-n', '1', '-o', join(dir, 'no/such/out.jsonl')]);
    expect(out.stderr).toMatch(/cannot write the file: no such file or directory/);
  });

  it('batch --record to a path that cannot be written is refused before the first sample', () => {
    const dir = mkdtempSync(join(root, 'record-'));
    for (const [path, why] of [[dir, 'is a directory'], [join(dir, 'no/such/x.vmtrec'), 'no such file or directory']]) {
      const r = vmtop(['batch', 'lab', '-n', '1', '--record', path]);
      expect(r.code, path).toBe(2);
      expect(r.stdout, path).toBe('');
      expect(r.stderr).toBe(`vmtop: --record ${path}: cannot write the recording there: ${why}\n`);
      expect(r.stderr).not.toMatch(STACK);
    }
  });
});
