// Device models (reference §6.1): emulated costs the most CPU per KB and caps throughput,
// paravirtual little, passthrough almost nothing; the cost is real pCPU time, shown as %SYS.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import type { IoModel } from '../../../src/profile/types.js';
import { host, profile, vm } from '../../helpers/profile.js';
import { measure } from './run.js';

const MODELS: IoModel[] = ['emulated', 'paravirtual', 'passthrough'];

function sameTraffic(hypervisor: 'esxi' | 'kvm' | 'vbox', netMbit: number, iops = 0) {
  const p = profile([host('h', { pcpus: 8, hypervisor })],
    MODELS.map((io) => vm(io, 'h', { io, workload: { cpu: 0.1, netMbit, iops } })));
  return measure(p).vms;
}

describe('device models', () => {
  it('the same traffic costs an emulated VM several times the %SYS of a paravirtual one', () => {
    const vms = sameTraffic('esxi', 500, 1000);
    const [emu, pv, pt] = MODELS.map((m) => vms.get(m)!);
    for (const v of [emu, pv, pt]) {
      expect(v['MbTX/s']).toBeCloseTo(500, 0);
      expect(v['CMDS/s']).toBeCloseTo(1000, 0);
    }
    expect(emu['%SYS']).toBeGreaterThan(5 * pv['%SYS']);
    expect(pv['%SYS']).toBeGreaterThan(2 * pt['%SYS']);
    expect(pt['%SYS']).toBeLessThan(2);
    // the charge is pCPU time: in %USED, and in what the host handed out
    expect(emu['%USED'] - pv['%USED']).toBeCloseTo(emu['%SYS'] - pv['%SYS'], 6);
  });

  it('%SYS is charged to the group, not to its vCPUs: each vCPU still sums to 100', () => {
    const emu = sameTraffic('esxi', 500).get('emulated')!;
    const vcpuSys = emu.vcpu.reduce((a, c) => a + c['%SYS'], 0);
    expect(emu['%SYS'] - vcpuSys).toBeGreaterThan(50);
    for (const c of emu.vcpu) expect(c['%RUN'] + c['%RDY'] + c['%CSTP'] + c['%WAIT']).toBeCloseTo(100, 6);
  });

  it('an emulated NIC moves at most 1 Gbit/s per direction; the others reach line rate', () => {
    const vms = sameTraffic('kvm', 3000);
    expect(vms.get('emulated')!['MbTX/s']).toBeCloseTo(1000, 0);
    expect(vms.get('emulated')!['%DRPTX']).toBeCloseTo(0, 1); // the guest waits for its slow NIC
    expect(vms.get('emulated')!['MbRX/s']).toBeCloseTo(1000, 0);
    expect(vms.get('emulated')!['%DRPRX']).toBeCloseTo(66.7, 0); // what it cannot take is lost
    expect(vms.get('paravirtual')!['MbTX/s']).toBeCloseTo(3000, 0);
    expect(vms.get('passthrough')!['MbTX/s']).toBeCloseTo(3000, 0);
  });

  it('on kvm and vbox the device model runs in the VM\'s own process: %SYS of the VM, no partition', () => {
    for (const hv of ['kvm', 'vbox'] as const) {
      const vms = sameTraffic(hv, 500);
      expect([...vms.keys()].filter((n) => n.includes('Domain') || n.includes('Partition'))).toEqual([]);
      expect(vms.get('emulated')!['%SYS']).toBeGreaterThan(5 * vms.get('paravirtual')!['%SYS']);
    }
  });

  it('a passthrough VM is tied to its host', () => {
    const p = profile([host('h', { pcpus: 2 })], MODELS.map((io) => vm(io, 'h', { io })));
    const groups = (new Engine(p) as unknown as { hosts: { groups: { name: string; passthrough?: boolean }[] }[] }).hosts[0].groups;
    expect(groups.map((g) => [g.name, g.passthrough])).toEqual([['emulated', false], ['paravirtual', false], ['passthrough', true]]);
  });

  it('strict co-scheduling leaves room for the system work too', () => {
    const p = profile([host('h', { pcpus: 2, coscheduling: 'strict' })], [
      vm('emu', 'h', { vcpus: 2, io: 'emulated', workload: { cpu: 1, netMbit: 500 } }),
    ]);
    const { vms, snap } = measure(p);
    const emu = vms.get('emu')!;
    expect(emu['%SYS']).toBeGreaterThan(50);
    expect(emu['%RUN'] + emu['%SYS']).toBeLessThanOrEqual(200 + 1e-6);
    expect(snap.hosts[0]['PCPU_UTIL%'] * 2).toBeCloseTo(emu['%RUN'] + emu['%SYS'], 6);
  });
});
