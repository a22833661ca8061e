// vmtop import on the real capture: a profile validate accepts, whose batch run reproduces each
// VM's mean %RUN over samples 2..N where vmtop's model can (see the floor below).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realCaptureFile } from '../helpers/capture.js';
import { tempDir } from '../helpers/tmp.js';
import { vmtop } from '../helpers/cli.js';

const dir = tempDir('vmtop-import-');
const capture = realCaptureFile(dir);
const lab = join(dir, 'lab.yaml');

/** the capture's own means over samples 2..3, read from its text */
const REAL_RUN: Record<string, number> = { styx: (2.11 + 1.83) / 2, poseidon: (8.52 + 10.01) / 2 };

describe('vmtop import', () => {
  const imported = vmtop(['import', capture, '-o', lab]);

  it('writes a profile that validate accepts, each value commented with its source counter', () => {
    expect(imported.code, imported.stderr).toBe(0);
    const text = readFileSync(lab, 'utf8');
    expect(text).toMatch(/pcpus: 2 {2}# Physical Cpu instances other than _Total/);
    expect(text).toMatch(/mhz: 3300 {2}# Power\(0\)\\P-State MHZ/);
    expect(text).toMatch(/memory: 1024MiB {2}# Group Memory\\Memory Size MBytes 1069.34/);
    expect(text).toMatch(/%USED is 6\d% of its %RUN/);
    expect(text).toMatch(/own groups \(53: .*15% of the capture's/s);
    const v = vmtop(['validate', lab]);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout).toMatch(/1 host \(2 pCPUs\), 7 VMs \(9 vCPUs\)/);
  });

  it('batch on it reproduces the busy VMs\' mean %RUN within max(10%, 0.5 point); idle ones sit at vmtop\'s 1%-a-vCPU floor', () => {
    const out = vmtop(['batch', lab, '-d', '5', '-n', '6']);
    expect(out.code, out.stderr).toBe(0);
    const samples = out.stdout.trim().split('\n').map((l) => JSON.parse(l) as { vms: { name: string; '%RUN': number }[] });
    const mean = (name: string) => samples.reduce((a, s) => a + s.vms.find((v) => v.name === name)!['%RUN'], 0) / samples.length;
    for (const [name, real] of Object.entries(REAL_RUN)) {
      expect(Math.abs(mean(name) - real), name).toBeLessThanOrEqual(Math.max(0.1 * real, 0.5));
    }
    // portunus, hermes, ananke, ouranos ran 0.29-0.43 %RUN; vmtop's guest housekeeping is 1% a vCPU
    for (const name of ['portunus', 'hermes', 'ananke', 'ouranos']) expect(mean(name), name).toBe(1);
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
