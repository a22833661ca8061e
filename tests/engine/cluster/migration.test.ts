// Live migration in the engine: a 4 GiB VM over a 1 Gbit migration link, refusals, states.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import { events, host, lab, run, vm } from './helpers.js';

function bigVm(dirtyMiBs: number) {
  // 2 Gbit NICs at the default 50 % share: a 1 Gbit migration link
  const hosts = [host('a', { pcpus: 4, memoryMiB: 16384, nicMbit: 2000 }), host('b', { pcpus: 4, memoryMiB: 16384, nicMbit: 2000 })];
  const vms = [vm('big', 'a', { vcpus: 2, memoryMiB: 4096, workload: { cpu: 0.3, activeMiB: 4096, dirtyMiBs } })];
  const e = new Engine(lab(hosts, vms));
  run(e, 240_000, 5000); // every page touched
  const t0 = e.timeMs;
  e.submit({ action: 'migrate', target: 'big', to: 'b' });
  const samples = run(e, t0 + 400_000, 1000);
  const end = events(samples, 'migrate-end')[0];
  expect(end, JSON.stringify(events(samples))).toBeDefined();
  const secs = end.t - t0 / 1000;
  const down = Number(/downtime ([\d.]+) s/.exec(end.detail)![1]);
  return { secs, down, samples, e };
}

describe('live migration', () => {
  it('4 GiB dirtying 25 MiB/s over 1 Gbit: tens of seconds, down well under a second; more dirtying lengthens both', () => {
    const slow = bigVm(25);
    expect(slow.secs).toBeGreaterThan(30);
    expect(slow.secs).toBeLessThan(60);
    expect(slow.down).toBeLessThan(0.5);
    const fast = bigVm(60);
    expect(fast.secs).toBeGreaterThan(slow.secs);
    expect(fast.down).toBeGreaterThan(slow.down);
  });

  it('the VM is migrating meanwhile, shows progress, then runs on the target with its memory', () => {
    const { samples } = bigVm(25);
    const during = samples.find((s) => s.vms.find((v) => v.name === 'big')?.state === 'migrating')!;
    const row = during.vms.find((v) => v.name === 'big')!;
    expect(row.host).toBe('a');
    expect(row.migration?.to).toBe('b');
    expect(during.cluster?.migrations[0].vm).toBe('big');
    // the migration's traffic shows on both NICs
    expect(during.hosts.find((h) => h.name === 'a')!.NIC_Mbps).toBeGreaterThan(900);
    expect(during.hosts.find((h) => h.name === 'b')!.NIC_Mbps).toBeGreaterThan(900);
    // its vCPUs are accounted through the move and the stun: RUN + RDY + CSTP + WAIT = 100
    for (const x of samples) {
      for (const c of x.vms.find((v) => v.name === 'big')!.vcpu) {
        expect(Math.abs(c['%RUN'] + c['%RDY'] + c['%CSTP'] + c['%WAIT'] - 100)).toBeLessThan(0.5);
      }
    }
    const last = samples[samples.length - 1];
    const after = last.vms.find((v) => v.name === 'big')!;
    expect(after.host).toBe('b');
    expect(after.state).toBe('running');
    expect(after.GRANT).toBeGreaterThan(4000);
    expect(last.hosts.find((h) => h.name === 'a')!.MEM_FREE).toBeGreaterThan(last.hosts.find((h) => h.name === 'b')!.MEM_FREE);
  });

  it('refusals carry the reason and change nothing', () => {
    const hosts = [host('a', { memoryMiB: 8192 }), host('b', { memoryMiB: 8192 }), host('small', { memoryMiB: 2048 }), host('x', { hypervisor: 'xen' })];
    const vms = [
      vm('pt', 'a', { io: 'passthrough' }),
      vm('web', 'a', { memoryMiB: 4096, workload: { activeMiB: 3000 } }),
    ];
    const e = new Engine(lab(hosts, vms));
    run(e, 60_000, 5000);
    const tries: [string, string, RegExp][] = [
      ['pt', 'b', /passthrough/],
      ['web', 'a', /already on a/],
      ['web', 'small', /lacks the memory/],
      ['web', 'x', /runs xen/],
      ['nope', 'b', /no VM named/],
      ['web', 'nohost', /no host named/],
    ];
    for (const [target, to] of tries) e.submit({ action: 'migrate', target, to });
    e.submit({ action: 'fail', target: 'b' });
    e.submit({ action: 'migrate', target: 'web', to: 'b' });
    const s = run(e, e.timeMs + 2000);
    const refused = events(s, 'refused').map((x) => x.detail);
    tries.forEach(([, , re], i) => expect(refused[i]).toMatch(re));
    expect(refused[tries.length]).toMatch(/b is down/);
    expect(events(s, 'migrate-start')).toEqual([]);
    const last = s[s.length - 1];
    expect(last.vms.filter((v) => v.kind === 'vm').every((v) => v.host === 'a' && v.state === 'running')).toBe(true);
    // the host picker says the same
    const picks = e.migrationTargets('web');
    expect(picks.map((p) => p.eligible)).toEqual([false, false, false, false]);
    expect(picks[0].reason).toMatch(/already on a/);
  });

  it('Xen: a non-converging pre-copy ends in a long stop-and-copy, or is refused when configured', () => {
    const make = (nonConvergence: 'stop_and_copy' | 'abort') => {
      const hosts = [host('a', { hypervisor: 'xen', pcpus: 2, memoryMiB: 8192, nicMbit: 200 }), host('b', { hypervisor: 'xen', pcpus: 2, memoryMiB: 8192, nicMbit: 200 })];
      const vms = [vm('hot', 'a', { memoryMiB: 1024, workload: { cpu: 0.5, activeMiB: 1024, dirtyMiBs: 50 } })];
      const e = new Engine(lab(hosts, vms, { nonConvergence, vmotionShare: 0.5 }));
      run(e, 60_000, 5000);
      e.submit({ action: 'migrate', target: 'hot', to: 'b' });
      return run(e, e.timeMs + 600_000, 5000);
    };
    const stop = make('stop_and_copy');
    const end = events(stop, 'migrate-end')[0];
    expect(end.detail).toMatch(/max-factor/);
    expect(Number(/downtime ([\d.]+) s/.exec(end.detail)![1])).toBeGreaterThan(10);
    const abort = make('abort');
    expect(events(abort, 'migrate-end')).toEqual([]);
    expect(events(abort, 'migrate-abort')[0].detail).toMatch(/does not converge/);
    expect(abort[abort.length - 1].vms.find((v) => v.name === 'hot')!.host).toBe('a');
  });
});

describe('vMotion on ESXi: Stun During Page Send (TV-C5)', () => {
  // the same hot VM as Xen's case: 50 MiB/s dirtied, a 100 Mbit/s (11.9 MiB/s) migration link
  function hot(nicMbit: number, memoryMiB = 1024, dirtyMiBs = 50) {
    const hosts = [host('a', { pcpus: 2, memoryMiB: 8192, nicMbit }), host('b', { pcpus: 2, memoryMiB: 8192, nicMbit })];
    const vms = [vm('hot', 'a', { memoryMiB, workload: { cpu: 0.5, activeMiB: memoryMiB, dirtyMiBs } })];
    const e = new Engine(lab(hosts, vms, { vmotionShare: 0.5 }));
    run(e, 60_000, 5000);
    e.submit({ action: 'migrate', target: 'hot', to: 'b' });
    return run(e, e.timeMs + 1_500_000, 5000);
  }

  it('the guest sleeps (%WAIT and %VMWAIT, not %RDY or %IDLE) while it outruns the link, the pre-copy converges, the switch-over stays near a second', () => {
    const s = hot(200);
    const end = events(s, 'migrate-end')[0];
    expect(end.detail).not.toMatch(/max-factor|diverging|max-rounds/);
    expect(Number(/downtime ([\d.]+) s/.exec(end.detail)![1])).toBeLessThan(1);
    expect(end.detail).toMatch(/SDPS slowed the guest: its vCPUs slept [\d.]+ s/);
    // during the throttled rounds: ~88% of each vCPU asleep (50 MiB/s cut to half of 11.9 MiB/s)
    const mid = s.filter((x) => x.vms[0].state === 'migrating' && x.t > 150 && x.t < end.t - 5);
    expect(mid.length).toBeGreaterThan(3);
    for (const x of mid) {
      const c = x.vms[0].vcpu[0];
      expect(c['%WAIT']).toBeGreaterThan(80);
      // the VMkernel holds it asleep: blocked on an event (%VMWAIT), not the guest's idle loop
      expect(c['%VMWAIT']).toBeGreaterThan(80);
      expect(c['%IDLE']).toBeLessThan(c['%WAIT'] - 80);
      expect(c['%RDY']).toBeLessThan(1);
      expect(c['%MLMTD']).toBe(0);
      expect(c['%RUN']).toBeLessThan(15);
    }
    // once moved it runs at its own pace again
    expect(s[s.length - 1].vms[0].vcpu[0]['%RUN']).toBeGreaterThan(40);
  });

  it('fails only when the switch-over would pass maxSwitchoverSeconds (100 s): 16 MiB over 0.5 Mbit/s, then 8 MiB of device state', () => {
    const s = hot(1, 16, 1);
    expect(events(s, 'migrate-end')).toEqual([]);
    expect(events(s, 'migrate-abort')[0].detail).toMatch(/maxSwitchoverSeconds \(100 s\)/);
    expect(s[s.length - 1].vms[0].host).toBe('a');
  });
});

describe('determinism', () => {
  it('the same commands give the same samples, and asking for migration targets changes nothing', () => {
    const make = (ask: boolean) => {
      const hosts = [host('a', { pcpus: 2, memoryMiB: 8192 }), host('b', { pcpus: 2, memoryMiB: 8192 }), host('c', { pcpus: 2, memoryMiB: 8192 })];
      const vms = [vm('x', 'a', { workload: { pattern: 'bursty', activeMiB: 900, dirtyMiBs: 20 } }), vm('y', 'a'), vm('z', 'b', { ft: true })];
      const e = new Engine(lab(hosts, vms, { drs: 'auto' }, {
        events: [
          { atMs: 3000, command: { action: 'migrate', target: 'x', to: 'b' } },
          { atMs: 20_000, command: { action: 'fail', target: 'b' } },
          { atMs: 50_000, command: { action: 'recover', target: 'b' } },
        ],
      }));
      const out: string[] = [];
      for (let i = 0; i < 40; i++) {
        e.advance(2000);
        if (ask) for (const v of ['x', 'y', 'z']) e.migrationTargets(v);
        out.push(JSON.stringify(e.sample()));
      }
      return out.join('\n');
    };
    const plain = make(false);
    expect(make(false)).toBe(plain);
    expect(make(true)).toBe(plain);
  });
});
