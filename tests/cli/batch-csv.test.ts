// The CSV options as a user meets them: one host per file and never a silent choice, per-host
// files beside -o, --all-hosts, whole-second -d only, and JSONL pointed to for the rest.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, shell, vmtop } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

/** this file's temporary directory, removed after its tests */
const TMP = tempDir();

const GOLDEN = 'tests/fixtures/golden-cpu.yaml';
const hostsOf = (text: string) => new Set([...text.split('\n')[0].matchAll(/"\\\\([^\\]+)\\/g)].map((m) => m[1]));

describe('vmtop batch --format csv: hosts and files', () => {
  it('refuses several hosts on standard output, naming the hosts and the three ways out', () => {
    const r = vmtop(['batch', GOLDEN, '-n', '2', '--format', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/2 hosts \(h1, h2\).*--host NAME.*-o FILE.*--all-hosts/);
  });

  it('-o FILE writes one file per host beside it, and says so', () => {
    const dir = mkdtempSync(join(TMP, 'vmtop-csv-'));
    const r = vmtop(['batch', GOLDEN, '-d', '2', '-n', '3', '--format', 'csv', '-o', join(dir, 'lab.csv')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`vmtop: one file per host: ${join(dir, 'lab-h1.csv')}, ${join(dir, 'lab-h2.csv')}\n`);
    expect(existsSync(join(dir, 'lab.csv'))).toBe(false);
    for (const h of ['h1', 'h2']) {
      const text = readFileSync(join(dir, `lab-${h}.csv`), 'utf8');
      expect(hostsOf(text)).toEqual(new Set([h]));
      expect(text.trim().split('\n')).toHaveLength(4);
      // the same bytes as --host writes to standard output
      expect(vmtop(['batch', GOLDEN, '-d', '2', '-n', '3', '--format', 'csv', '--host', h]).stdout).toBe(text);
    }
  });

  it('lab\'s seven hosts to seven files, nothing else on stderr', () => {
    const dir = mkdtempSync(join(TMP, 'vmtop-lab-'));
    const r = vmtop(['batch', 'lab', '-d', '5', '-n', '30', '--format', 'csv', '-o', join(dir, 'lab.csv')]);
    expect(r.code).toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    const hosts = ['esx-a', 'esx-b', 'esx-old', 'laptop', 'xen-1', 'lx-1', 'vs-1'];
    for (const h of hosts) expect(readFileSync(join(dir, `lab-${h}.csv`), 'utf8').trim().split('\n'), h).toHaveLength(31);
  });

  it('an endless run names on stderr a VM that arrives after the header', () => {
    // migration deploys web-4 on esx-c at 300 s; without -n batch is paced in real time, here
    // at 1000 simulated seconds per second
    const r = shell(`node ${BIN} batch migration -d 10 --speed 1000 --format csv --host esx-c | head -35 > /dev/null`);
    expect(r.stderr).toMatch(/^vmtop: VM web-4 arrived on esx-c at 3\d0 s, after the CSV header was written: .*-n COUNT/m);
  });

  it('--all-hosts puts every host in one file', () => {
    const r = vmtop(['batch', GOLDEN, '-d', '2', '-n', '2', '--format', 'csv', '--all-hosts']);
    expect(r.code).toBe(0);
    expect(hostsOf(r.stdout)).toEqual(new Set(['h1', 'h2']));
  });

  it('a migrated VM gets columns on both hosts with -n', () => {
    // b moves from h1 to h2 at 8 s
    for (const h of ['h1', 'h2']) {
      const r = vmtop(['batch', GOLDEN, '-d', '2', '-n', '10', '--format', 'csv', '--host', h]);
      expect(r.stdout.split('\n')[0]).toContain(`"\\\\${h}\\Group Cpu(1042:b)\\% Used"`);
    }
  });

  it('refuses a -d that is not whole seconds, pointing to JSONL', () => {
    for (const fmt of ['csv', 'csv-vmtop']) {
      const r = vmtop(['batch', GOLDEN, '-d', '0.5', '-n', '2', '--format', fmt, '--host', 'h1']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/-d 0\.5: --format csv.* whole seconds .*drop rows.*--format jsonl/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(vmtop(['batch', GOLDEN, '-d', '0.5', '-n', '2']).code).toBe(0);
  });

  it('refuses a replay whose recorded instants are not whole seconds, unless -d resamples it', () => {
    const rec = join(mkdtempSync(join(TMP, 'vmtop-rec-')), 'half.vmtrec');
    expect(vmtop(['batch', GOLDEN, '-d', '0.5', '-n', '4', '--record', rec]).code).toBe(0);
    const r = vmtop(['batch', '--replay', rec, '--format', 'csv', '--host', 'h1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--replay .*half\.vmtrec: a recorded sample at 0\.5 s: --format csv labels samples in whole seconds/);
    const d = vmtop(['batch', '--replay', rec, '--format', 'csv', '--host', 'h1', '-d', '1']);
    expect(d.code).toBe(0);
    expect(d.stdout.trim().split('\n')).toHaveLength(3);
  });

  it('refuses an unknown host, --host with --all-hosts, and host options with JSONL', () => {
    const cases: [string[], RegExp][] = [
      [['--format', 'csv', '--host', 'h9'], /--host h9: no such host; the hosts are h1, h2/],
      [['--format', 'csv', '--host', 'h1', '--all-hosts'], /either --host NAME or --all-hosts/],
      [['--host', 'h1'], /--host applies to --format csv and csv-vmtop; JSONL carries every host/],
    ];
    for (const [args, re] of cases) {
      const r = vmtop(['batch', GOLDEN, '-n', '1', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(re);
    }
  });
});
