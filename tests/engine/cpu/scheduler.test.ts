// The CPU test vectors of docs/model/cpu.md, by their names there.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import type { HostSample, VmSample } from '../../../src/engine/snapshot.js';
import type { Hypervisor } from '../../../src/profile/types.js';
import { host, profile, sampleAfter, vm, vmsByName } from '../../helpers/profile.js';

interface Run { vms: Map<string, VmSample>; host: HostSample }

function run(p: ReturnType<typeof profile>, warmMs = 3000, measureMs = 20000): Run {
  const s = sampleAfter(p, warmMs, measureMs);
  return { vms: vmsByName(s), host: s.hosts[0] };
}

const within = (x: number, want: number, tol: number) => expect(Math.abs(x - want), `${x} vs ${want}`).toBeLessThanOrEqual(tol);

describe('proportional share (TV-1.1)', () => {
  it('TV-1.1a: High 2-vCPU VM runs 200%, Normal neighbours run 100% and are ready 100%', () => {
    const { vms } = run(profile([host('h', { pcpus: 4 })], [
      vm('vm1', 'h', { vcpus: 2, shares: 4000 }),
      vm('vm2', 'h', { vcpus: 2 }),
      vm('vm3', 'h', { vcpus: 2 }),
    ]));
    within(vms.get('vm1')!['%RUN'], 200, 1);
    expect(vms.get('vm1')!['%RDY']).toBeLessThan(1);
    for (const n of ['vm2', 'vm3']) {
      within(vms.get(n)!['%RUN'], 100, 2);
      within(vms.get(n)!['%RDY'] + vms.get(n)!['%CSTP'], 100, 2);
    }
  });

  it('TV-1.1b: three equal 2-vCPU VMs on 4 pCPUs: %RUN 133.3, ready or co-stopped 66.7 each', () => {
    const { vms } = run(profile([host('h', { pcpus: 4 })], [
      vm('a', 'h', { vcpus: 2 }), vm('b', 'h', { vcpus: 2 }), vm('c', 'h', { vcpus: 2 }),
    ]), 3000, 30000);
    for (const v of vms.values()) {
      within(v['%RUN'], 133.3, 2);
      within(v['%RDY'] + v['%CSTP'], 66.7, 2);
    }
  });

  it('TV-1.1c: a 1500 MHz reservation gets 75% of one 2000 MHz pCPU, the other VM 25%', () => {
    const { vms } = run(profile([host('h')], [vm('a', 'h', { reservationMHz: 1500 }), vm('b', 'h')]));
    within(vms.get('a')!['%RUN'], 75, 1.5);
    within(vms.get('b')!['%RUN'], 25, 1.5);
  });

  it('TV-1.1d: a 1000 MHz limit on a 2000 MHz core: %RUN 50, %MLMTD 50 inside %RDY 50, the vCPU world waits 0', () => {
    const v = run(profile([host('h', { pcpus: 2 })], [vm('a', 'h', { limitMHz: 1000 })])).vms.get('a')!;
    within(v['%RUN'], 50, 0.5);
    within(v['%RDY'], 50, 0.5);
    within(v['%MLMTD'], 50, 0.5);
    expect(v.vcpu[0]['%WAIT']).toBeLessThan(0.5);
  });

  it('two busy 1-vCPU VMs with equal shares on one pCPU: %USED 50 and %RDY 50 each', () => {
    const { vms } = run(profile([host('h')], [vm('a', 'h'), vm('b', 'h')]));
    for (const v of vms.values()) {
      within(v['%USED'], 50, 2);
      within(v['%RDY'], 50, 2);
    }
  });
});

describe('work conservation and co-stop on relaxed ESXi hosts (W-1 to W-3, TV-1.3a)', () => {
  it('W-1: 8 pCPUs, busy 8-vCPU and 1-vCPU VMs: host >= 95%, %RUN 711 / 89, the wide VM co-stops < 5 per vCPU', () => {
    const { vms, host: h } = run(profile([host('h', { pcpus: 8 })], [vm('wide', 'h', { vcpus: 8 }), vm('one', 'h')]));
    expect(h['PCPU_UTIL%']).toBeGreaterThanOrEqual(95);
    within(vms.get('wide')!['%RUN'], 711.1, 711.1 * 0.04);
    within(vms.get('one')!['%RUN'], 88.9, 88.9 * 0.04);
    for (const c of vms.get('wide')!.vcpu) expect(c['%CSTP']).toBeLessThan(5);
    // the derivation in docs/model/cpu.md: short 1/8 in 8 quanta of 9, 35% of that co-stop
    within(vms.get('wide')!.vcpu[0]['%CSTP'], 3.9, 0.3);
  });

  it('W-2: 4 pCPUs, busy 4-vCPU and 1-vCPU VMs: %RUN 320 / 80, host >= 95%', () => {
    const { vms, host: h } = run(profile([host('h', { pcpus: 4 })], [vm('wide', 'h', { vcpus: 4 }), vm('one', 'h')]));
    expect(h['PCPU_UTIL%']).toBeGreaterThanOrEqual(95);
    within(vms.get('wide')!['%RUN'], 320, 320 * 0.04);
    within(vms.get('one')!['%RUN'], 80, 80 * 0.04);
  });

  it('W-3: a 1-vCPU VM with 100000 shares beside a 4-vCPU VM with 10: %RUN 100 / 300', () => {
    const { vms, host: h } = run(profile([host('h', { pcpus: 4 })], [
      vm('one', 'h', { shares: 100000 }), vm('wide', 'h', { vcpus: 4, shares: 10 }),
    ]));
    expect(h['PCPU_UTIL%']).toBeGreaterThanOrEqual(95);
    within(vms.get('one')!['%RUN'], 100, 4);
    within(vms.get('wide')!['%RUN'], 300, 12);
  });

  it('TV-1.3a: 4 busy vCPUs on 2 pCPUs, q = 10 ms, θ = 3 ms: RUN 50, RDY 32.5, CSTP 17.5 per vCPU', () => {
    const v = run(profile([host('h', { pcpus: 2 })], [vm('a', 'h', { vcpus: 4 })])).vms.get('a')!;
    for (const c of v.vcpu) {
      within(c['%RUN'], 50, 0.5);
      within(c['%RDY'], 32.5, 0.5);
      within(c['%CSTP'], 17.5, 0.5);
    }
  });

  it('TV-1.3a at q = θ = 3 ms: the rotation never reaches the threshold, RUN 50, RDY 50, no co-stop', () => {
    const v = run(profile([host('h', { pcpus: 2 })], [vm('a', 'h', { vcpus: 4 })], { quantumMs: 3 })).vms.get('a')!;
    for (const c of v.vcpu) {
      within(c['%RUN'], 50, 0.5);
      within(c['%RDY'], 50, 0.5);
      expect(c['%CSTP']).toBeLessThan(0.01);
    }
  });
});

describe('virtual CPUs of one VM (W-4, W-5, per-vCPU credit)', () => {
  it('W-4: a busy vCPU waits < 1% whatever its cpu_virt; guest progress hardware >= paravirtual > emulated [assumption]', () => {
    const { vms } = run(profile([host('h', { pcpus: 4 })], [
      vm('hw', 'h', { cpuVirt: 'hardware' }), vm('pv', 'h', { cpuVirt: 'paravirtual' }), vm('emu', 'h', { cpuVirt: 'emulated' }),
    ]));
    const [hw, pv, emu] = ['hw', 'pv', 'emu'].map((n) => vms.get(n)!);
    for (const v of [hw, pv, emu]) {
      const c = v.vcpu[0];
      expect(c['%WAIT']).toBeLessThan(1);
      expect(c['%VMWAIT']).toBeLessThan(1);
      within(c['%RUN'], 100, 1);
      expect(c['%SYS']).toBe(0);
    }
    expect(hw.workMHz).toBeGreaterThanOrEqual(pv.workMHz);
    expect(pv.workMHz).toBeGreaterThan(emu.workMHz);
  });

  for (const [label, shares] of [['above', 1000], ['below', 100]] as const) {
    it(`W-5: one busy thread in a 4-vCPU VM, entitlement ${label} demand: idle vCPUs never co-stop, never wait more than the busy one`, () => {
      const { vms } = run(profile([host('h', { pcpus: 4 })], [
        vm('wide', 'h', { vcpus: 4, shares, workload: { threads: 1 } }),
        vm('two', 'h', { vcpus: 2 }), vm('o1', 'h'), vm('o2', 'h'),
      ]));
      const [busy, ...idle] = vms.get('wide')!.vcpu;
      for (const c of idle) {
        expect(c['%CSTP']).toBeLessThan(1);
        expect(c['%RDY']).toBeLessThanOrEqual(busy['%RDY'] + 1e-9);
      }
      expect(busy['%CSTP']).toBeLessThan(1);
    });
  }

  it('one busy thread in a 4-vCPU VM gets a whole pCPU when the host has room', () => {
    const v = run(profile([host('h', { pcpus: 4 })], [
      vm('wide', 'h', { vcpus: 4, workload: { threads: 1 } }), vm('two', 'h', { vcpus: 2 }),
    ])).vms.get('wide')!;
    within(v.vcpu[0]['%RUN'], 100, 0.5);
    expect(v['%RDY']).toBeLessThan(0.5);
  });

  it('a light VM within its entitlement is served first on a saturated host: a 10% host OS is never ready', () => {
    const { vms } = run(profile([host('h', { pcpus: 4, hypervisor: 'vbox', hostOsLoad: 0.1 })], [
      vm('a', 'h', { vcpus: 4 }), vm('b', 'h', { vcpus: 4 }),
    ]));
    const os = vms.get('Host-OS')!;
    within(os['%RUN'], 40, 1);
    expect(os['%RDY']).toBeLessThan(1);
  });
});

describe('hypervisors that do not co-schedule (W-6)', () => {
  for (const hypervisor of ['kvm', 'xen', 'hyperv', 'vbox'] as Hypervisor[]) {
    it(`W-6 ${hypervisor}: busy 4- and 2-vCPU VMs on 4 pCPUs wait as %RDY, never %CSTP`, () => {
      const { vms } = run(profile([host('h', { pcpus: 4, hypervisor })], [vm('a', 'h', { vcpus: 4 }), vm('b', 'h', { vcpus: 2 })]));
      for (const n of ['a', 'b']) {
        expect(vms.get(n)!['%CSTP']).toBe(0);
        expect(vms.get(n)!['%RDY']).toBeGreaterThan(40);
      }
    });
  }
});

describe('strict co-scheduling (TV-1.3b)', () => {
  const strict = (s4: number, s2: number) => run(profile([host('h', { pcpus: 4, coscheduling: 'strict' })], [
    vm('four', 'h', { vcpus: 4, shares: s4 }), vm('two', 'h', { vcpus: 2, shares: s2 }),
  ]));

  it('TV-1.3b default shares (4000 : 2000): f = 1/2, %RUN 200 / %CSTP 200 and %RUN 100 / %RDY 100, host 75%', () => {
    const { vms, host: h } = strict(4000, 2000);
    const four = vms.get('four')!;
    const two = vms.get('two')!;
    within(four['%RUN'], 200, 2);
    within(four['%CSTP'], 200, 2);
    expect(four['%RDY']).toBeLessThan(1);
    within(two['%RUN'], 100, 1);
    within(two['%RDY'], 100, 1);
    expect(two['%CSTP']).toBeLessThan(1);
    within(h['PCPU_UTIL%'], 75, 1);
  });

  it('TV-1.3b shares 1000 : 100000: f = 2/402, %RUN 2 / %CSTP 398 and %RUN 199 / %RDY 1, host ~50%', () => {
    const { vms, host: h } = strict(1000, 100000);
    const four = vms.get('four')!;
    const two = vms.get('two')!;
    within(four['%RUN'], 2, 0.3);
    within(four['%CSTP'], 398, 0.5);
    expect(four['%RDY']).toBeLessThan(0.5);
    within(two['%RUN'], 199, 0.5);
    within(two['%RDY'], 1, 0.5);
    within(h['PCPU_UTIL%'], 50.25, 0.5);
  });

  it('a gang wider than the host never starts: its busy vCPUs are co-stopped while the pCPUs idle', () => {
    const v = run(profile([host('h', { pcpus: 2, coscheduling: 'strict' })], [vm('a', 'h', { vcpus: 4 })])).vms.get('a')!;
    for (const c of v.vcpu) {
      expect(c['%RUN']).toBe(0);
      within(c['%CSTP'], 100, 1e-6);
    }
  });
});

describe('groups and the load average', () => {
  it('a VM row sums its vCPU worlds and its VMX and MKS worlds: states sum to 100 x NWLD', () => {
    const v = run(profile([host('h', { pcpus: 2 })], [vm('a', 'h')])).vms.get('a')!;
    expect(v.NWLD).toBe(3);
    within(v['%RUN'], 100, 0.5);
    within(v['%WAIT'], 200, 0.5);
    within(v['%RUN'] + v['%RDY'] + v['%CSTP'] + v['%WAIT'], 300, 1e-6);
  });

  const load = (pcpus: number, vcpus: number[], threadsOf = (n: number) => n) => {
    const e = new Engine(profile([host('h', { pcpus })], vcpus.map((n, i) => vm(`v${i}`, 'h', { vcpus: n, workload: { threads: threadsOf(n) } }))));
    e.advance(90 * 60_000); // six time constants of the 15-minute average
    return e.sample().hosts[0].loadAvg;
  };

  it('esxtop load average: runnable + running worlds per pCPU, 1.0 saturated, 0.5 half busy, 2.0 twice overcommitted', () => {
    for (const x of load(4, [4])) within(x, 1.0, 0.03);
    for (const x of load(4, [2])) within(x, 0.5, 0.03);
    for (const x of load(4, [4, 4])) within(x, 2.0, 0.05);
  });
});
