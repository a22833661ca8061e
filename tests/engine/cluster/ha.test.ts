// HA in the engine: fail a host, its VMs restart elsewhere in priority order; FT fails over.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import { restartDelayMs } from '../../../src/engine/cluster/ha.js';
import type { Snapshot } from '../../../src/engine/snapshot.js';
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

describe('HA and a relocated disk on a down host\'s datastore (Storage vMotion)', () => {
  // Three hosts; hi (high), lo (low), plain (medium, never relocated) run on a; off (later
  // powered off), susp (later suspended) and io (left running) on c. Every VM but plain has its
  // 1 GiB disk moved to b's datastore at 2 s (the copies end at ~6.3 s).
  const W = { cpu: 0.2, iops: 500 };
  const DOWN = 'its disk is on b\'s datastore, which is down';
  function relocatedLab() {
    const vms = [
      vm('hi', 'a', { restartPriority: 'high', diskSizeMiB: 1024, workload: W }),
      vm('lo', 'a', { restartPriority: 'low', diskSizeMiB: 1024, workload: W }),
      vm('plain', 'a', { workload: W }),
      vm('off', 'c', { diskSizeMiB: 1024, workload: W }),
      vm('susp', 'c', { diskSizeMiB: 1024, workload: W }),
      vm('io', 'c', { diskSizeMiB: 1024, workload: W }),
    ];
    const e = new Engine(lab(threeHosts(), vms));
    run(e, 2000);
    for (const v of ['hi', 'lo', 'off', 'susp', 'io']) e.submit({ action: 'relocate', target: v, to: 'b' });
    const s = run(e, 20_000);
    expect(events(s, 'svmotion-end').map((x) => x.target)).toEqual(['hi', 'lo', 'off', 'susp', 'io']);
    return e;
  }
  const row = (s: Snapshot, name: string) => s.vms.find((v) => v.name === name)!;

  it('fail a and b: HA keeps hi and lo down with the reason, restarts them in priority order when b recovers', () => {
    const e = relocatedLab();
    e.submit({ action: 'fail', target: 'b' });
    e.submit({ action: 'fail', target: 'a' });
    const t0 = e.timeMs;
    const down = run(e, t0 + 40_000, 500);
    // plain, never relocated, restarts as before: its disk follows it (medium: detection + 2 s)
    const restarted = events(down, 'vm-restarted');
    expect(restarted.map((x) => x.target)).toEqual(['plain']);
    expect(restarted[0].t * 1000 - t0).toBe(restartDelayMs(DETECT, 'medium'));
    // hi and lo: each told at its restart time (detection 15 s; + 4 s for low) why it stays down
    const unplaced = events(down, 'ha-unplaced');
    expect(unplaced.map((x) => [x.target, x.t * 1000 - t0, x.detail])).toEqual([
      ['hi', restartDelayMs(DETECT, 'high'), `stays down: ${DOWN}`],
      ['lo', restartDelayMs(DETECT, 'low'), `stays down: ${DOWN}`],
    ]);
    const last = down.at(-1)!;
    for (const v of ['hi', 'lo']) expect(row(last, v).state).toBe('down');
    expect(last.cluster!.down.map((d) => [d.vm, d.reason])).toEqual([['hi', DOWN], ['lo', DOWN]]);
    // b recovers (a stays failed): both restart at once — HA retries the unplaced when a host comes
    // back — high before low, well within detection + their restart delay
    e.submit({ action: 'recover', target: 'b' });
    const t1 = e.timeMs;
    const up = run(e, t1 + 5000, 500);
    const back = events(up, 'vm-restarted');
    expect(back.map((x) => x.target)).toEqual(['hi', 'lo']);
    for (const r of back) expect(r.t * 1000 - t1).toBeLessThanOrEqual(500);
    const end = up.at(-1)!;
    for (const v of ['hi', 'lo']) {
      expect(row(end, v).state).toBe('running');
      expect(row(end, v).host).not.toBe('a');
      expect(row(end, v)['CMDS/s']).toBeCloseTo(500, -1);
    }
    expect(end.cluster!.down).toEqual([]);
  });

  it('fail b only: the VMs with their disk there keep running where they are, their I/O hung until b is back (existing behaviour)', () => {
    const e = relocatedLab();
    e.submit({ action: 'fail', target: 'b' });
    const t0 = e.timeMs;
    const s = run(e, t0 + 30_000, 500);
    // nothing of theirs went down: HA has nothing to restart
    expect(events(s, 'vm-down')).toEqual([]);
    expect(events(s, 'ha-unplaced')).toEqual([]);
    const last = s.at(-1)!;
    for (const v of ['hi', 'lo', 'io']) {
      expect(row(last, v).state).toBe('running');
      expect(row(last, v)['CMDS/s']).toBe(0);
    }
    expect(row(last, 'hi').host).toBe('a');
    expect(row(last, 'plain')['CMDS/s']).toBeCloseTo(500, -1);
    e.submit({ action: 'recover', target: 'b' });
    const after = run(e, e.timeMs + 5000, 500);
    for (const v of ['hi', 'lo', 'io']) expect(row(after.at(-1)!, v)['CMDS/s']).toBeCloseTo(500, -1);
  });

  it('power_on and resume are refused with the reason while the disk\'s host is down, accepted once it is back', () => {
    const e = relocatedLab();
    e.submit({ action: 'power_off', target: 'off' });
    e.submit({ action: 'suspend', target: 'susp' });
    e.submit({ action: 'fail', target: 'b' });
    e.submit({ action: 'power_on', target: 'off' });
    e.submit({ action: 'resume', target: 'susp' });
    const s = run(e, e.timeMs + 2000, 500);
    expect(events(s, 'refused').map((x) => `${x.target}: ${x.detail}`)).toEqual([`off: power_on: ${DOWN}`, `susp: resume: ${DOWN}`]);
    expect(row(s.at(-1)!, 'off').state).toBe('off');
    expect(row(s.at(-1)!, 'susp').state).toBe('suspended');
    e.submit({ action: 'recover', target: 'b' });
    e.submit({ action: 'power_on', target: 'off' });
    e.submit({ action: 'resume', target: 'susp' });
    const s2 = run(e, e.timeMs + 2000, 500);
    expect(events(s2, 'refused')).toEqual([]);
    expect(events(s2).filter((x) => x.kind === 'power-on' || x.kind === 'resume').map((x) => x.target)).toEqual(['off', 'susp']);
    for (const v of ['off', 'susp']) expect(row(s2.at(-1)!, v).state).toBe('running');
  });

  it('the VM\'s own host holds its disk: after it fails, HA waits for it rather than restarting the VM elsewhere', () => {
    const vms = [vm('home', 'a', { diskSizeMiB: 1024, workload: W }), vm('x', 'c', { workload: W })];
    const e = new Engine(lab(threeHosts(), vms));
    run(e, 2000);
    e.submit({ action: 'relocate', target: 'home', to: 'b' });
    run(e, 10_000);
    e.submit({ action: 'migrate', target: 'home', to: 'b' });
    run(e, 20_000);
    e.submit({ action: 'fail', target: 'b' });
    const t0 = e.timeMs;
    const s = run(e, t0 + 30_000, 500);
    const u = events(s, 'ha-unplaced');
    expect(u.map((x) => [x.target, x.t * 1000 - t0, x.detail])).toEqual([['home', restartDelayMs(DETECT, 'medium'), `stays down: ${DOWN}`]]);
    expect(events(s, 'vm-restarted')).toEqual([]);
    e.submit({ action: 'recover', target: 'b' });
    const s2 = run(e, e.timeMs + 2000, 500);
    expect(events(s2, 'vm-restarted').map((x) => x.target)).toEqual(['home']);
    expect(row(s2.at(-1)!, 'home').state).toBe('running');
  });
});
