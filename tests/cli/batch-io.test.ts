// Batch output of the network and disk model: SPEC §3 keys and esxtop's CSV counter names.
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { vmtop } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

/** this file's temporary directory, removed after its tests */
const TMP = tempDir();

describe('vmtop batch: network and disk', () => {
  it('JSONL carries the network and disk fields, Domain-0 among the vms, GAVG = DAVG + KAVG', () => {
    const r = vmtop(['batch', 'io-paths', '-d', '2', '-n', '3']);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const last = lines[2];
    const d0 = last.vms.find((v: { name: string }) => v.name === 'Domain-0');
    expect(d0).toMatchObject({ host: 'xen-io', state: 'running' });
    expect(d0['MbTX/s']).toBeGreaterThan(1000);
    const emu = last.vms.find((v: { name: string }) => v.name === 'esx-emu');
    expect(emu).toMatchObject({ 'MbTX/s': 800, 'MbRX/s': 400, 'CMDS/s': 3000, '%DRPTX': 0 });
    for (const l of lines) {
      for (const v of l.vms) expect(v.GAVG).toBeCloseTo(v.DAVG + v.KAVG, 9);
      for (const h of l.hosts) expect(h.NIC_Mbps).toBeGreaterThan(0);
    }
  });

  it('CSV names the counters as esxtop does, one file per host, the VM\'s DAVG/KAVG on its world of the device', () => {
    const dir = mkdtempSync(join(TMP, 'vmtop-io-'));
    const r = vmtop(['batch', 'io-paths', '-d', '2', '-n', '2', '--format', 'csv', '-o', join(dir, 'io.csv')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/one file per host: .*io-esx-io\.csv, .*io-xen-io\.csv/);
    const read = (file: string) => readFileSync(join(dir, file), 'utf8').trim().split('\n').map((l) => l.slice(1, -2).split('","'));
    const [header, row] = read('io-esx-io.csv');
    const port = 'vSwitch0:33555453:1021000:esx-emu';
    for (const path of [
      `\\\\esx-io\\Network Port(${port})\\MBits Transmitted/sec`,
      `\\\\esx-io\\Network Port(${port})\\% Received Packets Dropped`,
      '\\\\esx-io\\Virtual Disk(esx-emu:scsi0:0)\\Average MilliSec/Write',
      '\\\\esx-io\\Virtual Disk(esx-emu)\\Commands/sec',
      '\\\\esx-io\\Network Port(vSwitch0:33554434:vmnic0)\\MBits Received/sec',
    ]) expect(header, path).toContain(path);
    const tx = header.indexOf(`\\\\esx-io\\Network Port(${port})\\MBits Transmitted/sec`);
    expect(Number(row[tx])).toBeCloseTo(800, 0);
    const [xen] = read('io-xen-io.csv');
    expect(xen).toContain('\\\\xen-io\\Group Cpu(1105:Domain-0)\\% Used');
    expect(xen.some((c) => /^\\\\xen-io\\Physical Disk SCSI Device\(naa\.[0-9a-f]{32}\)\\Average Kernel MilliSec\/Command$/.test(c))).toBe(true);
    // the VM's device and kernel latency: its VMX world (gid × 1000 − 1) on its datastore's device
    expect(header).toContain('\\\\esx-io\\Physical Disk Per-Device-Per-World(naa.6000c290000000000000000000000000-1020999)\\Average Kernel MilliSec/Command');
  });
});
