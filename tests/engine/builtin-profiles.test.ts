// What the built-in profiles are there to teach, checked with numbers.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import type { VmSample } from '../../src/engine/snapshot.js';
import { loadProfileFile, resolveProfileArg, type Profile } from '../../src/profile/index.js';
import { host, profile, vm } from '../helpers/profile.js';

function builtin(name: string): Profile {
  const r = resolveProfileArg(name);
  if (!r.ok) throw new Error(r.message);
  const p = loadProfileFile(r.path);
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return p.profile;
}

function measure(p: Profile, warmMs: number, ms: number): Map<string, VmSample> {
  const e = new Engine(p);
  e.advance(warmMs);
  e.sample();
  e.advance(ms);
  return new Map(e.sample().vms.map((v) => [v.name, v]));
}

describe('right-sizing', () => {
  const vms = measure(builtin('right-sizing'), 5000, 60000);

  it('the 4-vCPU VM with one busy thread does less work than the 1-vCPU VM on a contended host', () => {
    for (const side of ['r', 's']) {
      const narrow = vms.get(`narrow-${side}`)!;
      const wide = vms.get(`wide-${side}`)!;
      expect(wide.workMHz, side).toBeLessThan(narrow.workMHz * 0.97);
    }
  });

  it('relaxed co-scheduling shows the cost as co-stop; strict as ready time with no co-stop', () => {
    expect(vms.get('wide-r')!['%CSTP'] / 4).toBeGreaterThan(3);
    expect(vms.get('narrow-r')!['%CSTP']).toBe(0);
    expect(vms.get('wide-s')!['%CSTP']).toBe(0);
    expect(vms.get('wide-s')!['%RDY'] / 4).toBeGreaterThan(vms.get('narrow-s')!['%RDY']);
  });
});

describe('lab', () => {
  it('has visible ready time and co-stop on the contended host', () => {
    const vms = measure(builtin('lab'), 10000, 30000);
    const onA = [...vms.values()].filter((v) => v.host === 'esx-a');
    expect(Math.max(...onA.map((v) => v['%RDY'] / v.vcpus))).toBeGreaterThan(10);
    expect(Math.max(...onA.map((v) => v['%CSTP'] / v.vcpus))).toBeGreaterThan(3);
    expect(vms.get('capped')!['%MLMTD']).toBeGreaterThan(0);
  });
});

describe('virtualization overheads', () => {
  it('emulated CPU shows in %SYS and in lost progress: hardware < paravirtual < emulated', () => {
    const p = profile([host('h', { pcpus: 4 })], [
      vm('hw', 'h', { cpuVirt: 'hardware' }),
      vm('pv', 'h', { cpuVirt: 'paravirtual' }),
      vm('emu', 'h', { cpuVirt: 'emulated' }),
    ]);
    const vms = measure(p, 1000, 10000);
    const [hw, pv, emu] = ['hw', 'pv', 'emu'].map((n) => vms.get(n)!);
    expect(hw['%SYS']).toBeLessThan(pv['%SYS']);
    expect(pv['%SYS']).toBeLessThan(emu['%SYS']);
    expect(emu['%SYS']).toBeGreaterThan(50);
    expect(hw.workMHz).toBeGreaterThan(pv.workMHz);
    expect(pv.workMHz).toBeGreaterThan(emu.workMHz * 2);
    // all three keep one pCPU busy: the overhead is CPU the VM consumes without progress
    for (const v of [hw, pv, emu]) expect(v['%USED']).toBeCloseTo(100, 0);
  });

  it('a type-2 host OS competes with the VMs for the CPU', () => {
    const alone = profile([host('h', { pcpus: 2, hypervisor: 'vbox', hostOsLoad: 0 })], [vm('v', 'h', { vcpus: 2 }), vm('w', 'h', { vcpus: 2 })]);
    const busy = profile([host('h', { pcpus: 2, hypervisor: 'vbox', hostOsLoad: 0.6 })], [vm('v', 'h', { vcpus: 2 }), vm('w', 'h', { vcpus: 2 })]);
    const a = measure(alone, 1000, 10000);
    const b = measure(busy, 1000, 10000);
    expect(a.has('Host-OS')).toBe(false);
    // three equal claimants (host OS 2 x 1000 shares, two 2-vCPU VMs): a third of 200% each
    expect(Math.abs(b.get('Host-OS')!['%USED'] - 200 / 3)).toBeLessThan(2);
    expect(b.get('v')!['%USED']).toBeLessThan(a.get('v')!['%USED'] - 20);
    expect(b.get('v')!['%RDY']).toBeGreaterThan(a.get('v')!['%RDY']);
  });
});
