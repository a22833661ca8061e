// Hypervisor families: Xen's Domain-0 and Hyper-V's parent partition run the back ends, so the
// guests' I/O costs them CPU, and a saturated partition caps every guest it serves.
import { describe, expect, it } from 'vitest';
import { host, profile, vm } from '../../helpers/profile.js';
import { measure } from './run.js';

const guests = (hypervisor: 'xen' | 'hyperv' | 'esxi', pcpus: number, netMbit: number, io: 'paravirtual' | 'passthrough' = 'paravirtual') =>
  profile([host('x', { pcpus, hypervisor, nicMbit: 40000, reservedMiB: 2048 })],
    ['a', 'b', 'c', 'd'].map((n) => vm(n, 'x', { io, workload: { cpu: 0.05, netMbit } })));

const moved = (vms: Map<string, { 'MbTX/s': number; 'MbRX/s': number; kind: string }>) =>
  [...vms.values()].filter((v) => v.kind === 'vm').reduce((a, v) => a + v['MbTX/s'] + v['MbRX/s'], 0);

describe('driver partitions', () => {
  it('a xen host lists Domain-0 first, with min(4, pCPUs) vCPUs and the host\'s reserved memory', () => {
    const { snap } = measure(guests('xen', 8, 0), 500, 1000);
    const d0 = snap.vms[0];
    expect([d0.name, d0.kind, d0.vcpus, d0.MEMSZ, d0.GRANT]).toEqual(['Domain-0', 'system', 4, 2048, 2048]);
    expect(measure(guests('xen', 2, 0), 500, 1000).snap.vms[0].vcpus).toBe(2);
    expect(measure(guests('hyperv', 8, 0), 500, 1000).snap.vms[0].name).toBe('Parent-Partition');
    expect(measure(guests('esxi', 8, 0), 500, 1000).snap.vms.map((v) => v.name)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('on xen, raising the guests\' I/O raises Domain-0\'s %USED, and its row shows the I/O it served', () => {
    const used = [0, 500, 1000, 2000].map((net) => measure(guests('xen', 8, net)).vms);
    const d0 = used.map((vms) => vms.get('Domain-0')!['%USED']);
    for (let i = 1; i < d0.length; i++) expect(d0[i]).toBeGreaterThan(d0[i - 1] + 20);
    expect(d0[0]).toBeCloseTo(20, 0); // its own 5 % per vCPU
    expect(used[3].get('Domain-0')!['MbTX/s']).toBeCloseTo(4 * 2000, -1);
  });

  it('once Domain-0 is saturated, the guests\' I/O throughput stops rising', () => {
    const at = [2000, 4000, 8000, 16000].map((net) => measure(guests('xen', 8, net)).vms);
    const d0 = at.map((vms) => vms.get('Domain-0')!);
    const total = at.map(moved);
    expect(total[0]).toBeCloseTo(16000, -2); // unsaturated: everything asked for moves
    expect(d0[1]['%USED']).toBeGreaterThan(395); // 4 vCPUs, all busy
    expect(d0[3]['%USED']).toBeGreaterThan(395);
    expect(total[1]).toBeLessThan(32000 * 0.9);
    // four times the demand, the same throughput: the back end is the bottleneck
    expect(Math.abs(total[3] - total[1]) / total[1]).toBeLessThan(0.05);
    expect(at[3].get('a')!['%DRPRX']).toBeGreaterThan(50);
  });

  it('the same load on an ESXi host scales (the VMkernel charges each VM instead)', () => {
    const total = [4000, 8000].map((net) => moved(measure(guests('esxi', 8, net)).vms));
    expect(total[1]).toBeGreaterThan(total[0] * 1.9);
  });

  it('passthrough guests bypass Domain-0', () => {
    const vms = measure(guests('xen', 8, 2000, 'passthrough')).vms;
    expect(vms.get('Domain-0')!['%USED']).toBeCloseTo(20, 0);
    expect(vms.get('Domain-0')!['MbTX/s']).toBe(0);
    expect(moved(vms)).toBeCloseTo(16000, -2);
  });

  it('Hyper-V\'s parent partition serves the VSCs the same way', () => {
    const used = [0, 1000].map((net) => measure(guests('hyperv', 8, net)).vms.get('Parent-Partition')!['%USED']);
    expect(used[1]).toBeGreaterThan(used[0] + 20);
  });
});
