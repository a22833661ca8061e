// What the built-in profiles are there to teach, checked with numbers.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import type { VmSample } from '../../src/engine/snapshot.js';
import { builtinProfile as builtin } from '../helpers/builtin.js';
import { host, measureVms as measure, profile, sampleAfter, vm } from '../helpers/profile.js';

describe('right-sizing', () => {
  const vms = measure(builtin('right-sizing'), 5000, 60000);
  const get = (n: string) => vms.get(n)!;

  it('relaxed: the same CPU, but the work spread over 4 busy vCPUs waits far longer, part of it co-stopped', () => {
    const narrow = get('narrow-r');
    const wide = get('wide-r');
    expect(Math.abs(wide['%USED'] - narrow['%USED'])).toBeLessThan(2);
    expect(narrow['%CSTP']).toBe(0);
    expect(wide['%CSTP'] / 4).toBeGreaterThan(3);
    expect(wide['%RDY'] + wide['%CSTP']).toBeGreaterThan(4 * (narrow['%RDY'] + narrow['%CSTP']));
    expect(wide.NWLD).toBe(6);
    expect(narrow.NWLD).toBe(3);
  });

  it('strict: the wide VM waits for four free pCPUs in %CSTP while pCPUs idle, and every VM gets less', () => {
    const wide = get('wide-s');
    expect(wide['%CSTP'] / 4).toBeGreaterThan(20);
    expect(get('narrow-s')['%CSTP']).toBe(0);
    expect(get('narrow-s')['%USED']).toBeLessThan(get('narrow-r')['%USED'] - 3);
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
  it('the virtualization overhead runs in the vCPU world: %RUN, not %SYS or %WAIT; the guest progresses less', () => {
    const p = profile([host('h', { pcpus: 4 })], [
      vm('hw', 'h', { cpuVirt: 'hardware' }),
      vm('pv', 'h', { cpuVirt: 'paravirtual' }),
      vm('emu', 'h', { cpuVirt: 'emulated' }),
    ]);
    const vms = measure(p, 1000, 10000);
    const [hw, pv, emu] = ['hw', 'pv', 'emu'].map((n) => vms.get(n)!);
    for (const v of [hw, pv, emu]) {
      expect(v['%USED']).toBeCloseTo(100, 0);
      expect(v['%SYS']).toBe(0);
      expect(v.vcpu[0]['%WAIT']).toBeLessThan(1);
    }
    expect(hw.workMHz).toBeGreaterThan(pv.workMHz);
    expect(pv.workMHz).toBeGreaterThan(emu.workMHz * 2);
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

describe('every sample of the built-in profiles', () => {
  // power-ons, migrations, HA restarts, resets and deploys happen between samples here: a world
  // that existed for part of an interval reports against its lifetime, so the law still holds
  for (const name of ['ha', 'migration', 'lab']) {
    it(`${name}: a group's states sum to 100 x NWLD and each vCPU world's to 100`, () => {
      const e = new Engine(builtin(name));
      e.sample();
      for (let t = 0; t < 150; t++) {
        e.advance(1000);
        for (const v of e.sample().vms) {
          const sum = v['%RUN'] + v['%RDY'] + v['%CSTP'] + v['%WAIT'];
          expect(Math.abs(sum - 100 * v.NWLD), `${name} ${v.name} t=${t + 1}`).toBeLessThan(0.01 * Math.max(1, v.NWLD));
          if (v.NWLD === 0) continue;
          for (const c of v.vcpu) expect(Math.abs(c['%RUN'] + c['%RDY'] + c['%CSTP'] + c['%WAIT'] - 100)).toBeLessThan(0.01);
        }
      }
    });
  }
});

describe('dom0', () => {
  // samples every 20 s: the restart at 60 s (30 s boot), the crash at 180 s, the recovery at 220 s
  const e = new Engine(builtin('dom0'));
  const at = new Map<number, { vms: VmSample[]; kinds: string[] }>();
  for (let t = 20; t <= 260; t += 20) {
    e.advance(20_000);
    const s = e.sample();
    at.set(t, { vms: s.vms, kinds: s.events.map((x) => x.kind) });
  }
  const row = (t: number, name: string, host = 'xen-a') => at.get(t)!.vms.find((v) => v.name === name && v.host === host)!;

  it('without a key: Domain-0 restarts at 60 s and fails at 180 s; meanwhile db and web wait on I/O, calc and pt run on', () => {
    expect(at.get(80)!.kinds).toContain('partition-restart');
    expect(at.get(200)!.kinds).toContain('partition-failed');
    expect(at.get(240)!.kinds).toContain('partition-up');
    for (const t of [80, 200, 220]) {
      expect(row(t, 'Domain-0')['%USED']).toBe(0);
      expect(row(t, 'db').QUED_CMDS).toBeGreaterThan(60);
      expect(row(t, 'db')['%VMWAIT']).toBeGreaterThan(170);
      expect(row(t, 'web')['%DRPTX']).toBeGreaterThan(99);
      expect(row(t, 'pt')['MbTX/s']).toBeCloseTo(300, 0);
      expect(row(t, 'calc')['%VMWAIT']).toBe(0);
    }
    expect(row(240, 'db').KAVG).toBeGreaterThan(30);
    expect(row(260, 'db').KAVG).toBeLessThan(1);
  });

  it('the host with NIC offloads and I/OAT: its Domain-0 works less for the same guests\' traffic', () => {
    for (const t of [20, 140, 260]) {
      const a = row(t, 'Domain-0')['%USED'];
      const b = row(t, 'Domain-0', 'xen-b')['%USED'];
      expect(row(t, 'web-b', 'xen-b')['MbTX/s']).toBeCloseTo(row(t, 'web')['MbTX/s'], -1);
      expect(b).toBeLessThan(a - 4);
    }
  });
});

describe('service-console', () => {
  // two minutes: the VMs have touched their working sets
  const s = sampleAfter(builtin('service-console'), 110_000, 10_000);
  const h = (n: string) => s.hosts.find((x) => x.name === n)!;
  const cos = (n: string) => s.vms.find((v) => v.host === n && v.name === 'console');

  it('without a key: classic ESX\'s service console is a world with its memory and its agents\' CPU; ESXi has none', () => {
    expect(cos('esxi-5')).toBeUndefined();
    expect([cos('esx-35')!.MEMSZ, cos('esx-35')!['%USED']]).toEqual([272, 5]);
    expect([cos('esx-agents')!.MEMSZ, cos('esx-agents')!['%USED']]).toEqual([800, 20]);
    expect(['esx-35', 'esxi-5', 'esx-agents'].map((n) => h(n).reserved)).toEqual([1296, 1024, 1824]);
  });

  it('the same four VMs: room to spare on ESXi, the balloon on the ESX host whose console took 800 MiB', () => {
    expect(h('esxi-5').MEM_STATE).toMatch(/high|clear/);
    expect(h('esxi-5').MEMCTL).toBe(0);
    expect(h('esx-35').MEMCTL).toBe(0);
    expect(h('esx-agents').MEMCTL).toBeGreaterThan(0);
  });
});

describe('jvm', () => {
  const e = new Engine(builtin('jvm'));
  const at = new Map<number, VmSample[]>();
  for (let t = 2; t <= 240; t += 2) {
    e.advance(2000);
    at.set(t, e.sample().vms);
  }
  const row = (t: number, name: string) => at.get(t)!.find((v) => v.name === name)!;

  it('without a key: shop\'s JVM starts hot (JIT) and cools to native\'s level; a reset at 150 s makes it hot again', () => {
    expect(row(4, 'shop')['%USED']).toBeGreaterThan(2 * row(4, 'native')['%USED']);
    expect(row(146, 'shop')['%USED'] - row(146, 'native')['%USED']).toBeLessThan(8);
    expect(row(164, 'shop').jvm!.UPTIME).toBeLessThan(10);
    expect(row(164, 'shop')['%USED']).toBeGreaterThan(2 * row(164, 'native')['%USED']);
  });

  it('a collection every 20 s: a pause of 1.2 s, the heap back to its live 40 %', () => {
    const collections = [...at.keys()].filter((t) => t <= 150 && row(t, 'shop').jvm!.GC > 0);
    expect(collections).toEqual([20, 40, 60, 80, 100, 120, 140]);
    for (const t of collections) {
      expect(row(t, 'shop').jvm!.GCPAUSE).toBeCloseTo(1200, 6);
      expect(row(t, 'shop').jvm!.HEAPUSED).toBeCloseTo(0.4 * 2048, 6);
    }
  });
});

describe('appliances', () => {
  const e = new Engine(builtin('appliances'));
  const events: { t: number; kind: string; target: string; detail: string }[] = [];
  const at = new Map<number, VmSample[]>();
  for (let t = 10; t <= 300; t += 10) {
    e.advance(10_000);
    const s = e.sample();
    events.push(...s.events);
    at.set(t, s.vms);
  }
  const sva = (t: number) => at.get(t)!.find((v) => v.name === 'sva-1')!;

  it('without a key: the SVA and a load balancer deployed from templates marked appliance, with their own settings', () => {
    const deploys = events.filter((x) => x.kind === 'deploy').map((x) => `${x.t} ${x.detail}`);
    expect(deploys[0]).toBe('20 deployed from sva-template on esx-1: a security virtual appliance, ready to run with its own settings ' +
      '(2 vCPUs, 2048 MiB, 4000 shares, 1000 MHz and 2048 MiB reserved)');
    expect(deploys[1]).toMatch(/^60 deployed from lb-template on esx-1: a virtual appliance, ready to run with its own settings/);
  });

  it('its cost grows with each VM it watches: 4, 5, then 6 VMs, +3 % of a vCPU each on its own row', () => {
    expect(events.filter((x) => x.kind === 'sva-watch').map((x) => [x.t, x.detail.split(' (')[0]])).toEqual([
      [20, 'watches 4 VMs on esx-1'], [60, 'watches 5 VMs on esx-1'], [100, 'watches 6 VMs on esx-1'],
    ]);
    // its own 5 % on two vCPUs, 1 % housekeeping each, 3 % a VM watched
    expect(sva(50)['%USED']).toBeCloseTo(10 + 2 + 12, 6);
    expect(sva(90)['%USED']).toBeCloseTo(10 + 2 + 15, 6);
    expect(sva(300)['%USED']).toBeCloseTo(10 + 2 + 18, 6);
    expect(sva(300).ACTV).toBeCloseTo(512 + 6 * 64, 6);
    expect(at.get(300)!.filter((v) => v.host === 'esx-2').every((v) => !v.appliance)).toBe(true);
  });

  it('ledger\'s bursts reported once the SVA has learned its baseline: 91, 159, 241 and 269 s', () => {
    const alerts = events.filter((x) => x.kind === 'sva-alert');
    expect(alerts.map((x) => [x.t, x.target])).toEqual([[91, 'ledger'], [159, 'ledger'], [241, 'ledger'], [269, 'ledger']]);
    expect(sva(300).appliance!.alerts).toBe(4);
  });
});
