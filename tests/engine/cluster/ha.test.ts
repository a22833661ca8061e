// HA in the engine: fail a host, its VMs restart elsewhere in priority order; FT fails over.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import { restartDelayMs } from '../../../src/engine/cluster/ha.js';
import { RESTART_PRIORITIES, type RestartPriority } from '../../../src/profile/types.js';
import { events, host, lab, run, vm } from './helpers.js';

const DETECT = 15_000;

function threeHosts() {
  return [host('a', { pcpus: 4, memoryMiB: 16384 }), host('b', { pcpus: 4, memoryMiB: 16384 }), host('c', { pcpus: 4, memoryMiB: 16384 })];
}

describe('HA restarts', () => {
  it('after fail, every non-disabled VM runs elsewhere within detection + its restart delay; disabled stays down', () => {
    const prios: RestartPriority[] = ['high', 'medium', 'low', 'disabled'];
    const vms = prios.map((p, i) => vm(`v${i}`, 'a', { restartPriority: p, workload: { cpu: 0.2 } }));
    vms.push(vm('stay', 'b'));
    const e = new Engine(lab(threeHosts(), vms));
    run(e, 10_000);
    e.submit({ action: 'fail', target: 'a' });
    const t0 = e.timeMs;
    const samples = run(e, t0 + 40_000, 500);
    const restarted = events(samples, 'vm-restarted');
    expect(restarted.map((x) => x.target)).toEqual(['v0', 'v1', 'v2']);
    for (const r of restarted) {
      const p = vms.find((v) => v.name === r.target)!.restartPriority;
      expect(r.t * 1000 - t0).toBeLessThanOrEqual(restartDelayMs(DETECT, p) + 1e-6);
    }
    const last = samples[samples.length - 1];
    for (const v of last.vms.filter((x) => x.kind === 'vm')) {
      if (v.name === 'v3') {
        expect(v.state).toBe('down');
      } else {
        expect(v.state).toBe('running');
        expect(v.host).not.toBe('a');
      }
    }
    expect(last.hosts.find((h) => h.name === 'a')!.state).toBe('failed');
    expect(last.cluster!.down.find((d) => d.vm === 'v3')!.reason).toMatch(/disabled/);
    // recover brings it back empty
    e.submit({ action: 'recover', target: 'a' });
    const after = run(e, e.timeMs + 2000);
    const s = after[after.length - 1];
    expect(s.hosts.find((h) => h.name === 'a')!.state).toBe('up');
    expect(s.vms.filter((v) => v.host === 'a' && v.state === 'running')).toEqual([]);
  });

  it('a VM no host can take stays down with the reason, and restarts when capacity returns', () => {
    const hosts = [host('a', { memoryMiB: 8192 }), host('b', { memoryMiB: 4096 })];
    const vms = [vm('big', 'a', { memoryMiB: 4096, memReservationMiB: 3500 }), vm('small', 'b', { memoryMiB: 512 })];
    const e = new Engine(lab(hosts, vms, { admission: 'off' }));
    run(e, 5000);
    e.submit({ action: 'fail', target: 'a' });
    const s = run(e, e.timeMs + 30_000);
    expect(events(s, 'ha-unplaced')[0].detail).toMatch(/lacks the memory/);
    expect(s[s.length - 1].cluster!.down[0]).toMatchObject({ vm: 'big' });
    e.submit({ action: 'recover', target: 'a' });
    const s2 = run(e, e.timeMs + 5000);
    expect(events(s2, 'vm-restarted')[0]).toMatchObject({ target: 'big' });
  });

  it('an FT VM is never down when its primary host fails; a new secondary is made', () => {
    const vms = [vm('ft', 'a', { ft: true, workload: { cpu: 0.3, iops: 500, netMbit: 40 } }), vm('plain', 'a')];
    const e = new Engine(lab(threeHosts(), vms));
    const before = run(e, 5000);
    expect(events(before, 'ft-secondary')[0].detail).toMatch(/secondary on [bc]/);
    const sec = before[before.length - 1].cluster!.ft[0].secondary;
    e.submit({ action: 'fail', target: 'a' });
    const s = run(e, e.timeMs + 30_000, 250);
    for (const x of s) expect(x.vms.find((v) => v.name === 'ft')!.state).toBe('running');
    expect(events(s, 'ft-failover')[0].detail).toContain(sec!);
    expect(s[0].vms.find((v) => v.name === 'ft')!.host).toBe(sec);
    const ft = s[s.length - 1].cluster!.ft[0];
    expect(ft.secondary).not.toBeNull();
    expect(ft.secondary).not.toBe(sec);
    expect(ft.loggingMbit).toBeGreaterThan(0);
  });
});

describe('HA invariants (fast-check)', () => {
  const arb = fc.record({
    hosts: fc.integer({ min: 2, max: 4 }),
    memGiB: fc.constantFrom(4, 8, 16),
    vms: fc.array(fc.record({
      host: fc.integer({ min: 0, max: 3 }),
      memoryMiB: fc.constantFrom(512, 1024, 2048),
      active: fc.double({ min: 0.1, max: 1, noNaN: true }),
      prio: fc.constantFrom(...RESTART_PRIORITIES),
      res: fc.constantFrom(0, 0, 256),
    }), { minLength: 1, maxLength: 10 }),
    fail: fc.integer({ min: 0, max: 3 }),
    admission: fc.constantFrom('slots' as const, 'percent' as const, 'off' as const),
  });

  it('no VM runs on a failed host, memory per host stays within its size, and with room every non-disabled VM restarts', () => {
    fc.assert(fc.property(arb, (x) => {
      const hosts = Array.from({ length: x.hosts }, (_, i) => host(`h${i}`, { pcpus: 2, memoryMiB: x.memGiB * 1024 }));
      const vms = x.vms.map((v, i) => vm(`v${i}`, `h${v.host % x.hosts}`, {
        memoryMiB: v.memoryMiB, restartPriority: v.prio, memReservationMiB: v.res,
        workload: { cpu: 0.3, activeMiB: v.active * v.memoryMiB },
      }));
      const failed = `h${x.fail % x.hosts}`;
      const e = new Engine(lab(hosts, vms, { admission: x.admission }, { events: [{ atMs: 5000, command: { action: 'fail', target: failed } }] }));
      const samples = run(e, 60_000, 2500);
      for (const s of samples) {
        for (const h of s.hosts) {
          expect(h.MEM_FREE).toBeGreaterThanOrEqual(-1e-6);
          if (h.state === 'failed') expect(s.vms.filter((v) => v.host === h.name && v.state === 'running')).toEqual([]);
        }
      }
      const last = samples[samples.length - 1];
      const unplaced = new Set(events(samples, 'ha-unplaced').map((u) => u.target));
      for (const v of vms) {
        const row = last.vms.find((r) => r.name === v.name)!;
        if (v.restartPriority === 'disabled' && v.host === failed) expect(row.state).toBe('down');
        else if (!unplaced.has(v.name)) expect(row.state).toBe('running');
      }
    }), { numRuns: 25 });
  });
});
