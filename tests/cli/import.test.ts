// vmtop import on the real capture: a profile validate accepts, whose batch run reproduces each
// VM's mean %RUN over samples 2..N within max(10%, 0.5 point) and the host's mean % Processor
// Time within 10%.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realCaptureFile, realText } from '../helpers/capture.js';
import { tempDir } from '../helpers/tmp.js';
import { vmtop } from '../helpers/cli.js';

const dir = tempDir('vmtop-import-');
const capture = realCaptureFile(dir);
const lab = join(dir, 'lab.yaml');

/** the capture's own mean of one counter over samples 2..N, read from its text */
function realMean(suffix: string): number {
  const lines = realText('small-esxtop-data.csv').trim().split(/\r?\n/).map((l) => l.split('","'));
  const col = lines[0].findIndex((h) => h.endsWith(suffix));
  expect(col, suffix).toBeGreaterThan(0);
  const rows = lines.slice(2);
  return rows.reduce((a, r) => a + Number(r[col]), 0) / rows.length;
}
const VMS = { styx: 1302698, portunus: 1303673, hermes: 1303688, ananke: 1304663, ouranos: 1398610, poseidon: 1423953 };

describe('vmtop import', () => {
  const imported = vmtop(['import', capture, '-o', lab]);

  it('writes a profile that validate accepts, each value commented with its source counter', () => {
    expect(imported.code, imported.stderr).toBe(0);
    const text = readFileSync(lab, 'utf8');
    expect(text).toMatch(/pcpus: 2 {2}# Physical Cpu instances other than _Total/);
    expect(text).toMatch(/mhz: 3300 {2}# Power\(0\)\\P-State MHZ/);
    expect(text).toMatch(/memory: 1024MiB {2}# Group Memory\\Memory Size MBytes 1069.34/);
    // the groups' %USED over their %RUN: the host ran below its nominal clock
    expect(text).toMatch(/clock: 6\d\.\d+% {2}# the groups' Group Cpu\\% Used/);
    expect(text).toMatch(/name: portunus[^]*?cpu: 0% [^]*?housekeeping: 0\.3%/);
    expect(text).toMatch(/own groups \(53: .*15% of the capture's/s);
    const v = vmtop(['validate', lab]);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout).toMatch(/1 host \(2 pCPUs\), 7 VMs \(9 vCPUs\)/);
  });

  it('batch on it reproduces every VM\'s mean %RUN within max(10%, 0.5 point) and the host\'s % Processor Time within 10%', () => {
    const out = vmtop(['batch', lab, '-d', '5', '-n', '6']);
    expect(out.code, out.stderr).toBe(0);
    type Sample = { hosts: { 'PCPU_USED%': number }[]; vms: { name: string; '%RUN': number }[] };
    const samples = out.stdout.trim().split('\n').map((l) => JSON.parse(l) as Sample);
    const mean = (f: (s: Sample) => number) => samples.reduce((a, s) => a + f(s), 0) / samples.length;
    for (const [name, gid] of Object.entries(VMS)) {
      const real = realMean(`\\Group Cpu(${gid}:${name})\\% Run`);
      const ours = mean((s) => s.vms.find((v) => v.name === name)!['%RUN']);
      expect(Math.abs(ours - real), `${name}: ${ours} against ${real}`).toBeLessThanOrEqual(Math.max(0.1 * real, 0.5));
    }
    const real = realMean('\\Physical Cpu(_Total)\\% Processor Time');
    const ours = mean((s) => s.hosts[0]['PCPU_USED%']);
    expect(Math.abs(ours - real) / real, `${ours} against ${real}`).toBeLessThanOrEqual(0.1);
  });

  it('refuses a file that is not a capture with one message, exit 2', () => {
    const junk = join(dir, 'junk.csv');
    writeFileSync(junk, 'Date,cpu\n1,2\n');
    const r = vmtop(['import', junk]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^vmtop: .*junk.csv: not an esxtop batch capture: line 1, column 1: expected "\(PDH-CSV 4.0\) \.\.\."/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
