// Issue 7's VM lifecycle beyond power and suspend: reset (the guest reboots where it is), a guest's
// own shutdown (intercepted: only that VM powers off, HA leaves it off), and the percentage
// admission policy (reference §7.1, TV-7.1) for power-ons and HA restarts.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import { GUEST_BOOT_MS } from '../../../src/engine/cluster/lifecycle.js';
import { overheadMiB } from '../../../src/engine/memory/constants.js';
import type { Snapshot } from '../../../src/engine/snapshot.js';
import { events, host, lab, run, vm } from './helpers.js';

const DETECT = 15_000;
const rowOf = (s: Snapshot, name: string) => s.vms.find((v) => v.name === name)!;

describe('reset', () => {
  it('the guest reboots on its host: memory starts over and refills, CPU resumes after the boot', () => {
    const hosts = [host('a', { pcpus: 2 })];
    const vms = [vm('v', 'a', { workload: { cpu: 0.5, activeMiB: 256 } }), vm('w', 'a', { workload: { cpu: 0.5, activeMiB: 256 } })];
    const e = new Engine(lab(hosts, vms, { admission: 'off' }));
    const warm = run(e, 60_000, 5000).at(-1)!;
    // warmed up: both touched their working set (8 MiB/s for a 1 GiB guest: 32 s)
    expect(rowOf(warm, 'v').TCHD).toBeCloseTo(256, 0);
    expect(rowOf(warm, 'v')['%USED']).toBeGreaterThan(45);
    expect(GUEST_BOOT_MS).toBe(5000);

    e.submit({ action: 'reset', target: 'v' });
    const boot = run(e, e.timeMs + 2000, 1000);
    const [s1, s2] = boot;
    expect(s1.events.map((x) => [x.kind, x.target])).toEqual([['reset', 'v']]);
    expect(s1.events[0].detail).toMatch(/^hard reset on a: the guest reboots, 256 MiB of its memory released .* after a 5 s boot$/);
    for (const s of boot) {
      expect(rowOf(s, 'v').state).toBe('running');
      expect(rowOf(s, 'v').host).toBe('a');
      // booting: its workload does not run yet
      expect(rowOf(s, 'v')['%USED']).toBeLessThan(1);
    }
    // the boot value: nothing touched at the reset, then the guest touches 8 MiB/s again
    expect(rowOf(s1, 'v').TCHD).toBeCloseTo(8, 0);
    expect(rowOf(s2, 'v').TCHD).toBeCloseTo(16, 0);
    expect(rowOf(s1, 'v').GRANT).toBeCloseTo(8, 0);
    // the other VM runs on as before
    expect(rowOf(s1, 'w').TCHD).toBeCloseTo(256, 0);
    expect(rowOf(s1, 'w')['%USED']).toBeCloseTo(rowOf(warm, 'w')['%USED'], 0);

    // after the boot the workload runs again; the memory refills to the working set
    const after = run(e, e.timeMs + 8000, 4000).at(-1)!;
    expect(rowOf(after, 'v')['%USED']).toBeGreaterThan(45);
    const refilled = run(e, e.timeMs + 40_000, 5000).at(-1)!;
    expect(rowOf(refilled, 'v').TCHD).toBeCloseTo(256, 0);
  });

  it('a booting guest sends, receives and reads nothing; a migration during the boot does not end it', () => {
    const hosts = [host('a', { pcpus: 2 }), host('b', { pcpus: 2 })];
    const io = { cpu: 0.5, activeMiB: 64, netMbit: 200, iops: 300 };
    const vms = [vm('v', 'a', { memoryMiB: 512, workload: io })];
    const e = new Engine(lab(hosts, vms, { admission: 'off' }));
    const warm = run(e, 20_000, 5000).at(-1)!;
    expect(rowOf(warm, 'v')['MbTX/s']).toBeCloseTo(200, 0);
    expect(rowOf(warm, 'v')['CMDS/s']).toBeCloseTo(300, 0);

    e.submit({ action: 'reset', target: 'v' });
    run(e, e.timeMs + 1000);
    // the migration of a 512 MiB guest over 10 Gbit takes well under a second: it ends mid-boot
    e.submit({ action: 'migrate', target: 'v', to: 'b' });
    const boot = run(e, e.timeMs + 3000);
    expect(events(boot, 'migrate-end').map((x) => x.target)).toEqual(['v']);
    for (const s of boot) {
      expect(rowOf(s, 'v')['%RUN']).toBeLessThan(0.5);
      expect(rowOf(s, 'v')['MbTX/s']).toBe(0);
      expect(rowOf(s, 'v')['CMDS/s']).toBe(0);
    }
    expect(rowOf(boot.at(-1)!, 'v').host).toBe('b');
    // the boot (5 s from the reset) is over: work and I/O as before, on b
    const after = run(e, e.timeMs + 3000).at(-1)!;
    expect(rowOf(after, 'v')['%USED']).toBeGreaterThan(45);
    expect(rowOf(after, 'v')['MbTX/s']).toBeCloseTo(200, 0);
    expect(rowOf(after, 'v')['CMDS/s']).toBeCloseTo(300, 0);
  });

  it('releases ballooned, swapped and compressed pages and the shared ones', () => {
    // three 2 GiB guests using 1.5 GiB each on 3 GiB of host memory: the host reclaims
    const hosts = [host('a', { pcpus: 4, memoryMiB: 4096, shareScanTimeS: 120 })];
    const vms = ['x', 'y', 'z'].map((n) => vm(n, 'a', { memoryMiB: 2048, workload: { cpu: 0.1, activeMiB: 1536 } }));
    const e = new Engine(lab(hosts, vms, { admission: 'off' }));
    const before = run(e, 300_000, 10_000).at(-1)!;
    const x = rowOf(before, 'x');
    expect(x.MCTLSZ + x.SWCUR + x.ZIP).toBeGreaterThan(100);
    expect(x.TCHD).toBeGreaterThan(1000);
    e.submit({ action: 'reset', target: 'x' });
    e.advance(10);
    const s = e.sample();
    const r = rowOf(s, 'x');
    expect(r.state).toBe('running');
    // one memory step after the reset: what the guest touched since, at 16 MiB/s
    expect(r.TCHD).toBeLessThan(2);
    expect(r.MCTLSZ + r.SWCUR + r.ZIP + r.SHRD).toBeLessThan(1);
  });

  it('is refused, with the reason, for a VM that is off, suspended, migrating, or unknown', () => {
    // 1 Gbit NICs: the migration takes a few seconds
    const hosts = [host('a', { pcpus: 2, nicMbit: 1000 }), host('b', { pcpus: 2, nicMbit: 1000 })];
    const vms = [vm('off', 'a'), vm('sus', 'a'), vm('mig', 'a', { memoryMiB: 4096, workload: { activeMiB: 2048 } })];
    const e = new Engine(lab(hosts, vms, { admission: 'off' }));
    run(e, 5000);
    e.submit({ action: 'power_off', target: 'off' });
    e.submit({ action: 'suspend', target: 'sus' });
    e.submit({ action: 'migrate', target: 'mig', to: 'b' });
    run(e, e.timeMs + 1000);
    for (const t of ['off', 'sus', 'mig', 'nope']) e.submit({ action: 'reset', target: t });
    const s = run(e, e.timeMs + 1000)[0];
    expect(s.events.map((x) => [x.kind, x.detail])).toEqual([
      ['refused', 'reset: off is off, not running: there is no guest to reset'],
      ['refused', 'reset: sus is suspended, not running: there is no guest to reset'],
      ['refused', 'reset: mig is migrating'],
      ['refused', 'reset: no VM named "nope"'],
    ]);
  });
});

describe('a guest shutting itself down', () => {
  it('powers off only that VM; the others run on; HA does not restart it', () => {
    const hosts = [host('a', { pcpus: 4, memoryMiB: 16384 }), host('b', { pcpus: 4, memoryMiB: 16384 })];
    const vms = [vm('g', 'a', { workload: { cpu: 0.5 } }), vm('o1', 'a', { workload: { cpu: 0.5 } }), vm('o2', 'b', { workload: { cpu: 0.5 } })];
    const e = new Engine(lab(hosts, vms, { ha: true, admission: 'off' }));
    const before = run(e, 20_000, 5000).at(-1)!;
    e.submit({ action: 'shutdown', target: 'g' });
    const s = run(e, e.timeMs + 5000, 5000)[0];
    expect(s.events.map((x) => [x.kind, x.target])).toEqual([['guest-shutdown', 'g']]);
    expect(s.events[0].detail).toBe('the guest shut itself down: esxi intercepted its ACPI power-off (a write to the virtual PM port) and ' +
      'powered off only g; a and its 1 other running VM keep running; HA does not restart it (a guest shutdown is not a failure)');
    expect(rowOf(s, 'g').state).toBe('off');
    expect(rowOf(s, 'g')['%USED']).toBe(0);
    expect(rowOf(s, 'g').GRANT).toBe(0);
    for (const o of ['o1', 'o2']) {
      expect(rowOf(s, o).state).toBe('running');
      expect(rowOf(s, o)['%USED']).toBeCloseTo(rowOf(before, o)['%USED'], 0);
    }
    expect(s.hosts.every((h) => h.state === 'up')).toBe(true);
    // longer than HA's detection delay and restart stagger: it stays off, and not among the down
    const later = run(e, e.timeMs + DETECT + 30_000, 5000);
    expect(events(later).map((x) => x.kind)).not.toContain('vm-restarted');
    expect(rowOf(later.at(-1)!, 'g').state).toBe('off');
    expect(later.at(-1)!.cluster!.down).toEqual([]);
    // nor when its host fails afterwards: only the running VM there restarts
    e.submit({ action: 'fail', target: 'a' });
    const failed = run(e, e.timeMs + DETECT + 10_000, 5000);
    expect(events(failed, 'vm-restarted').map((x) => x.target)).toEqual(['o1']);
    expect(rowOf(failed.at(-1)!, 'g').state).toBe('off');
  });

  it('of an FT primary stops its secondary too; a paravirtual guest uses a hypercall', () => {
    const hosts = [host('a', { pcpus: 4, memoryMiB: 16384 }), host('b', { pcpus: 4, memoryMiB: 16384 })];
    const vms = [vm('ft', 'a', { ft: true, cpuVirt: 'paravirtual', workload: { cpu: 0.3, netMbit: 40 } })];
    const e = new Engine(lab(hosts, vms, { admission: 'off' }));
    const before = run(e, 5000).at(-1)!;
    expect(before.cluster!.ft[0].secondary).toBe('b');
    e.submit({ action: 'shutdown', target: 'ft' });
    const after = run(e, e.timeMs + 2000);
    const detail = events(after, 'guest-shutdown')[0].detail;
    expect(detail).toMatch(/intercepted its shutdown hypercall and powered off only ft; a and its 0 other running VMs keep running/);
    expect(detail).toMatch(/; its FT secondary stops with it$/);
    const s = after.at(-1)!;
    expect(s.cluster!.ft[0]).toMatchObject({ vm: 'ft', secondary: null, loggingMbit: 0 });
    expect(rowOf(s, 'ft').state).toBe('off');
  });

  it('is refused for a VM that is not running', () => {
    const e = new Engine(lab([host('a', { pcpus: 2 })], [vm('v', 'a')], { admission: 'off' }));
    run(e, 2000);
    e.submit({ action: 'suspend', target: 'v' });
    e.submit({ action: 'shutdown', target: 'v' });
    e.submit({ action: 'shutdown', target: 'a' });
    const s = run(e, e.timeMs + 1000)[0];
    expect(s.events.map((x) => [x.kind, x.detail])).toEqual([
      ['suspend', expect.stringMatching(/^suspended/)],
      ['refused', 'shutdown: v is suspended: only a running guest can shut itself down'],
      ['refused', 'shutdown: no VM named "a"'],
    ]);
  });
});

describe('percentage admission policy (TV-7.1)', () => {
  const GB = 1024;
  // TV-7.1's cluster: hosts H1 9 GHz/9 GB, H2 9/6, H3 6/6, no hypervisor reserve; VMs reserving
  // 2/1, 2/1, 1/2, 1/1, 1/1 (GHz/GB), the VMM's overhead included in the memory
  const tv71 = (reserve: number) => {
    const hosts = [
      host('h1', { pcpus: 3, mhz: 3000, memoryMiB: 9 * GB, reservedMiB: 0 }),
      host('h2', { pcpus: 3, mhz: 3000, memoryMiB: 6 * GB, reservedMiB: 0 }),
      host('h3', { pcpus: 2, mhz: 3000, memoryMiB: 6 * GB, reservedMiB: 0 }),
    ];
    const res = (name: string, on: string, ghz: number, gb: number) => vm(name, on, {
      memoryMiB: gb * GB, reservationMHz: ghz * 1000, memReservationMiB: gb * GB - overheadMiB(1, gb * GB),
      workload: { cpu: 0.1, activeMiB: 128 },
    });
    const vms = [res('v1', 'h1', 2, 1), res('v2', 'h1', 2, 1), res('v3', 'h1', 1, 2), res('v4', 'h2', 1, 1), res('v5', 'h3', 1, 1),
      res('extra', 'h2', 1, 1)];
    const e = new Engine(lab(hosts, vms, { admission: 'percent', failoverReserve: reserve }));
    e.submit({ action: 'power_off', target: 'extra' });
    return e;
  };

  it('the cluster view: CPU (24 - 7) / 24 = 70.8 %, memory (21 - 6) / 21 = 71.4 %', () => {
    const s = run(tv71(0.7), 2000).at(-1)!;
    expect(s.cluster!.failoverPercent.cpu * 100).toBeCloseTo(70.8, 1);
    expect(s.cluster!.failoverPercent.mem * 100).toBeCloseTo(71.4, 1);
  });

  it('a power-on that would leave less than the reserve unreserved is refused; within it, admitted', () => {
    // one more 1 GHz / 1 GB: CPU (24 - 8) / 24 = 66.7 %, memory (21 - 7) / 21 = 66.7 %
    const strict = tv71(0.7);
    run(strict, 2000);
    strict.submit({ action: 'power_on', target: 'extra' });
    const refused = run(strict, strict.timeMs + 1000)[0];
    expect(refused.events.map((x) => [x.kind, x.detail])).toEqual([
      ['refused', 'power_on: admission control (percent): 66.7% of the cluster would stay unreserved, 70% required'],
    ]);
    expect(rowOf(refused, 'extra').state).toBe('off');
    const loose = tv71(0.65);
    run(loose, 2000);
    loose.submit({ action: 'power_on', target: 'extra' });
    const admitted = run(loose, loose.timeMs + 1000)[0];
    expect(admitted.events.map((x) => [x.kind, x.detail])).toEqual([['power-on', 'powered on, running on h2']]);
    expect(admitted.cluster!.failoverPercent.cpu * 100).toBeCloseTo(66.7, 1);
    expect(admitted.cluster!.failoverPercent.mem * 100).toBeCloseTo(66.7, 1);
  });

  it('HA restarts need a host with the unreserved CPU and memory, but may use the reserve', () => {
    const e = tv71(0.7);
    run(e, 2000);
    e.submit({ action: 'fail', target: 'h1' });
    const s = run(e, e.timeMs + DETECT + 10_000, 1000);
    // h1's v1 (2 GHz), v2 (2 GHz), v3 (1 GHz / 2 GB) onto h2 (9 GHz / 6 GB, 1 / 1 reserved) and h3
    // (6 / 6, 1 / 1): all three fit; the cluster is left with (15 - 7) / 15 = 53.3 % of CPU and
    // (12 - 6) / 12 = 50 % of memory unreserved, below the 70 % reserve: the restarts say so
    const restarted = events(s, 'vm-restarted');
    expect(restarted.map((x) => x.target).sort()).toEqual(['v1', 'v2', 'v3']);
    expect(restarted.at(-1)!.detail).toMatch(/; the cluster keeps 53\.3% of CPU and 50\.0% of memory unreserved, below the 70% reserve/);
    const last = s.at(-1)!;
    expect(last.cluster!.failoverPercent.cpu * 100).toBeCloseTo(53.3, 1);
    expect(last.cluster!.failoverPercent.mem * 100).toBeCloseTo(50, 1);
    // a power-on now is refused: the reserve is spent
    e.submit({ action: 'power_on', target: 'extra' });
    expect(run(e, e.timeMs + 1000)[0].events[0].detail).toMatch(/^power_on: admission control \(percent\): 4\d\.\d% .* 70% required$/);
  });

  it('a VM whose CPU reservation no surviving host holds stays down with the reason', () => {
    const hosts = [host('a', { pcpus: 4, mhz: 2000 }), host('b', { pcpus: 2, mhz: 2000 })];
    const vms = [vm('big', 'a', { reservationMHz: 5000, vcpus: 4 }), vm('small', 'b', { reservationMHz: 1000 })];
    const e = new Engine(lab(hosts, vms, { admission: 'percent', failoverReserve: 0.1 }));
    run(e, 2000);
    e.submit({ action: 'fail', target: 'a' });
    const s = run(e, e.timeMs + DETECT + 5000, 1000);
    expect(events(s, 'vm-restarted')).toEqual([]);
    expect(events(s, 'ha-unplaced')[0].detail).toBe('stays down: b lacks unreserved CPU: needs 5000 MHz reserved, 3000 MHz unreserved');
    expect(s.at(-1)!.cluster!.down[0]).toMatchObject({ vm: 'big', reason: expect.stringMatching(/lacks unreserved CPU/) });
  });
});
