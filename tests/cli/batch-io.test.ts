// Batch output of the network and disk model: SPEC §3 keys and esxtop's CSV counter names.
import { describe, expect, it } from 'vitest';
import { vmtop } from '../helpers/cli.js';

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

  it('CSV names the counters as esxtop does', () => {
    const r = vmtop(['batch', 'io-paths', '-d', '2', '-n', '2', '--format', 'csv']);
    expect(r.code).toBe(0);
    const [header, row] = r.stdout.trim().split('\n');
    const cells = header.split('","');
    for (const path of [
      '\\\\esx-io\\Network Port(vSwitch0:1021:esx-emu)\\MBits Transmitted/sec',
      '\\\\esx-io\\Network Port(vSwitch0:1021:esx-emu)\\% Received Packets Dropped',
      '\\\\esx-io\\Virtual Disk(esx-emu)\\Average Guest MilliSec/Command',
      '\\\\esx-io\\Virtual Disk(esx-emu)\\Commands/sec',
      '\\\\esx-io\\Network Port(vSwitch0:33554434:vmnic0)\\MBits Received/sec',
      '\\\\xen-io\\Physical Disk SCSI Device(datastore1)\\Average Kernel MilliSec/Command',
      '\\\\xen-io\\Group Cpu(1105:Domain-0)\\% Used',
    ]) expect(cells, path).toContain(path);
    const tx = cells.indexOf('\\\\esx-io\\Network Port(vSwitch0:1021:esx-emu)\\MBits Transmitted/sec');
    expect(Number(row.split('","')[tx])).toBeCloseTo(800, 0);
  });
});
