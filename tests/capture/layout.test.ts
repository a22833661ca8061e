import { describe, expect, it } from 'vitest';
import { layoutOf, NotACapture } from '../../src/capture/layout.js';
import { CsvTokenizer } from '../../src/capture/tokenizer.js';
import { ESXTOP_COUNTERS } from '../../src/output/esxtop/counters.js';
import { realText } from '../helpers/capture.js';

function header(text: string): string[] {
  let first: string[] = [];
  const t = new CsvTokenizer({ record: (cells, line) => { if (line === 1) first = [...cells]; } });
  t.push(text.slice(0, text.search(/[\r\n]/) + 1 || text.length));
  t.end();
  return first;
}

const VMS = ['styx', 'portunus', 'hermes', 'ananke', 'ouranos', 'poseidon'];

describe('a capture\'s header mapped to the panels', () => {
  const l = layoutOf(header(realText('small-esxtop-data.csv')));

  it('finds the host, its pCPUs, and its VMs by their % VmWait counter', () => {
    expect(l.host).toBe('localhost.home');
    expect(l.pcpus.map((p) => p.instance)).toEqual(['0', '1']);
    expect(l.groups.filter((g) => g.kind === 'vm').map((g) => g.name)).toEqual(VMS);
    const system = l.groups.filter((g) => g.kind === 'system').map((g) => g.name);
    expect(system).toEqual(expect.arrayContaining(['system', 'helper', 'drivers', 'ft', 'vmotion', 'hostd.66694', 'sh.67329', 'esxtop.516910']));
  });

  it('names worlds whose names hold colons and spaces, and counts a VM\'s vCPUs from its vmx-vcpu-N worlds', () => {
    const system = l.groups.find((g) => g.name === 'system')!;
    expect(system.worlds.find((w) => w.wid === 65751)?.name).toBe('tq:incompatTQ');
    expect(l.groups.find((g) => g.name === 'ft')!.worlds.map((w) => w.name)).toContain('DVS sync world');
    const poseidon = l.groups.find((g) => g.name === 'poseidon')!;
    expect(poseidon.worlds.filter((w) => w.vcpu !== null).map((w) => w.vcpu)).toEqual([0, 1]);
    expect(poseidon.worlds.length).toBe(9);
  });

  it('gives each VM its ports, its virtual disk per VM and per disk, and the host its uplink and SCSI devices', () => {
    const ouranos = l.groups.find((g) => g.name === 'ouranos')!;
    expect(ouranos.ports.map((p) => p.instance)).toEqual(['internal:50331704:473729:ouranos']);
    expect(ouranos.vdisk).not.toBeNull();
    expect(ouranos.disks.map((d) => d.instance)).toEqual(['ouranos:scsi0:0', 'ouranos:scsi2:0']);
    expect(l.groups.find((g) => g.name === 'styx')!.ports.length).toBe(2);
    expect(l.hostPorts.filter((p) => p.kind === 'uplink').map((p) => p.instance)).toEqual(['vSwitch0:33554434:vmnic0']);
    expect(l.devices.length).toBe(4);
    expect(l.topMHz).toBeGreaterThanOrEqual(0);
  });

  it('keeps only the mapped columns', () => {
    expect(l.slots).toBeGreaterThan(1000);
    expect(l.slots).toBeLessThan(l.columns);
    expect(l.unnamed).toEqual([]);
  });

  it('maps every counter the panels use from the -a header, and names its unnamed fields once', () => {
    const a = layoutOf(header(realText('all-counters-header.csv')));
    expect(a.unnamed.length).toBe(2);
    expect(a.badNames).toEqual([]);
    const styx = a.groups.find((g) => g.name === 'styx')!;
    expect(Object.keys(styx.cpu).sort()).toEqual(Object.keys(ESXTOP_COUNTERS['Group Cpu']).sort());
    expect(Object.keys(styx.mem)).toEqual(expect.arrayContaining(Object.keys(ESXTOP_COUNTERS['Group Memory'])));
    expect(Object.keys(styx.worlds.find((w) => w.vcpu === 0)!.cpu).sort()).toEqual(Object.keys(ESXTOP_COUNTERS.Vcpu).sort());
    expect(Object.keys(a.memory)).toEqual(expect.arrayContaining(Object.keys(ESXTOP_COUNTERS.Memory)));
    expect(Object.keys(styx.vdisk!).sort()).toEqual(Object.keys(ESXTOP_COUNTERS['Virtual Disk']).sort());
    expect(Object.keys(styx.ports[0].counters)).toEqual(expect.arrayContaining(['MBits Transmitted/sec', 'MBits Received/sec', '% Received Packets Dropped']));
    expect(Object.keys(a.devices[0].counters)).toEqual(expect.arrayContaining(Object.keys(ESXTOP_COUNTERS['Physical Disk SCSI Device'])));
    expect(a.load.every((s) => s >= 0)).toBe(true);
    expect(a.groups.filter((g) => g.kind === 'vm').map((g) => g.name)).toEqual(expect.arrayContaining(['styx']));
  });

  it('refuses a file that is not a capture, saying what was expected and where', () => {
    expect(() => layoutOf(['Date', 'cpu'])).toThrow(NotACapture);
    expect(() => layoutOf(['Date', 'cpu'])).toThrow(/line 1, column 1: expected "\(PDH-CSV 4.0\) \.\.\."/);
    expect(() => layoutOf(['(PDH-CSV 4.0) (UTC)(0)', 'cpu', 'mem'])).toThrow(/no column is named like .*column 2 is "cpu"/);
  });

  it('opens a host-only file: Physical Cpu and Memory, no groups', () => {
    const h = layoutOf(['(PDH-CSV 4.0) (UTC)(0)', '\\\\h\\Physical Cpu(0)\\% Processor Time', '\\\\h\\Physical Cpu(_Total)\\% Processor Time', '\\\\h\\Memory\\Free MBytes', '']);
    expect(h.groups).toEqual([]);
    expect(h.pcpus.length).toBe(1);
    expect(h.total.used).toBeGreaterThanOrEqual(0);
  });
});
