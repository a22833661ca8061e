// Storage vMotion (`relocate`): a VM's disk moves to another host's datastore while the VM runs
// where it is; the copy competes with the VMs' own I/O on both datastores.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import type { Snapshot } from '../../../src/engine/snapshot.js';
import { jsonlLine } from '../../../src/output/jsonl.js';
import { loadProfileText } from '../../../src/profile/load.js';
import { events, host, lab, run, vm } from './helpers.js';

// 40000 IOPS and 1000 MiB/s: the device serves min(40000, 1000 MiB/s / 32 KiB) = 32000 commands/s,
// and a MiB of the copy's large blocks takes 32 of those slots.
const DISK = { iops: 40000, bandwidthMiBs: 1000, latencyMs: 0.5 };

function svLab() {
  const hosts = [host('a', { pcpus: 4, disk: DISK }), host('b', { pcpus: 4, disk: DISK })];
  const vms = [
    vm('mover', 'a', { diskSizeMiB: 16384, workload: { cpu: 0.2, iops: 1000 } }),
    vm('other', 'a', { workload: { cpu: 0.2, iops: 4000 } }),
    vm('bee', 'b', { workload: { cpu: 0.2, iops: 2000 } }),
  ];
  return lab(hosts, vms);
}

const row = (s: Snapshot, name: string) => s.vms.find((v) => v.name === name)!;

function relocateRun(seed?: number) {
  const e = new Engine(svLab(), seed === undefined ? {} : { seed });
  const before = run(e, 20_000, 2000);
  e.submit({ action: 'relocate', target: 'mover', to: 'b' });
  const during = run(e, 50_000, 2000);
  const after = run(e, 70_000, 2000);
  return { e, before, during, after, all: [...before, ...during, ...after] };
}

describe('Storage vMotion', () => {
  it('copies 16 GiB at half of 1000 MiB/s in about 32.8 s, while the VM keeps running on its host', () => {
    const { during, all } = relocateRun();
    const start = events(all, 'svmotion-start')[0];
    const end = events(all, 'svmotion-end')[0];
    expect(start.detail).toBe('disk 16384 MiB: a -> b datastore, up to 500 MiB/s');
    // 16384 MiB / (50 % x min(1000, 1000) MiB/s) = 16384 / 500 = 32.768 s; the copy gets served from
    // the datastores' next 100 ms I/O step and ends on a 10 ms quantum.
    const secs = end.t - start.t;
    expect(secs).toBeGreaterThanOrEqual(32.76);
    expect(secs).toBeLessThan(32.9);
    expect(end.detail).toMatch(/^on b's datastore after 32\.[89] s: 16384 MiB copied, \d+ MiB of guest writes mirrored$/);
    // the VM runs where it was, its progress on the sample and the hosts view
    const mid = during[5];
    expect(row(mid, 'mover').host).toBe('a');
    expect(row(mid, 'mover').state).toBe('running');
    expect(row(mid, 'mover').relocation?.to).toBe('b');
    expect(row(mid, 'mover').relocation?.progress).toBeGreaterThan(0.3);
    expect(mid.cluster?.relocations[0]).toMatchObject({ vm: 'mover', from: 'a', to: 'b', sizeMiB: 16384 });
    expect(mid.cluster?.relocations[0].rateMiBs).toBeCloseTo(500, 0);
  });

  it('the copy raises the latency of the other VMs on both datastores; it falls back after', () => {
    const { before, during, after } = relocateRun();
    const davg = (s: Snapshot, name: string) => row(s, name).DAVG;
    // a's device: 5000 commands/s of its VMs -> utilisation 5000/32000, DAVG 0.5 / (1 - 0.156) = 0.59 ms;
    // with the copy's reads (500 MiB/s x 32 = 16000 slots) 21000/32000, DAVG 0.5 / 0.344 = 1.45 ms.
    expect(davg(before.at(-1)!, 'other')).toBeCloseTo(0.59, 1);
    expect(davg(during[5], 'other')).toBeCloseTo(1.45, 1);
    // b's device: bee's 2000 (DAVG 0.5 / (1 - 2000/32000) = 0.53 ms), then + the copy's writes 16000
    // + the mirrored guest writes (mover's 1000 x 30 % writes x the third copied by 30-32 s: ~100):
    // 18100/32000, DAVG 0.5 / 0.434 = 1.15 ms
    expect(davg(before.at(-1)!, 'bee')).toBeCloseTo(0.53, 1);
    expect(davg(during[5], 'bee')).toBeCloseTo(1.15, 1);
    // the other VMs still get their commands: the devices are not saturated
    expect(row(during[5], 'other')['CMDS/s']).toBeCloseTo(4000, -2);
    // after: a serves other's 4000 (DAVG 0.5 / 0.875 = 0.57), b serves bee's 2000 and mover's 1000
    // (0.5 / (1 - 3000/32000) = 0.55)
    expect(davg(after.at(-1)!, 'other')).toBeCloseTo(0.57, 1);
    expect(davg(after.at(-1)!, 'bee')).toBeCloseTo(0.55, 1);
  });

  it('afterwards the VM\'s I/O lands on the target datastore, and stays there through a vMotion', () => {
    const { e, after } = relocateRun();
    const last = after.at(-1)!;
    const mover = row(last, 'mover');
    expect(mover.host).toBe('a');
    expect(mover.datastore).toBe('b');
    expect(mover.relocation).toBeUndefined();
    expect(mover['CMDS/s']).toBeCloseTo(1000, -2);
    // its latency is b's device latency, the same bee sees
    expect(mover.DAVG).toBeCloseTo(row(last, 'bee').DAVG, 1);
    // vMotion it to b and back: the disk stays on b
    e.submit({ action: 'migrate', target: 'mover', to: 'b' });
    run(e, 90_000, 2000);
    e.submit({ action: 'migrate', target: 'mover', to: 'a' });
    const back = run(e, 110_000, 2000);
    const m2 = row(back.at(-1)!, 'mover');
    expect(m2.host).toBe('a');
    expect(m2.datastore).toBe('b');
  });

  it('refuses with the reason: no VM, no host, already there, target down or in standby, during a vMotion, twice', () => {
    const hosts = [host('a', { pcpus: 4 }), host('b', { pcpus: 4 }), host('c', { pcpus: 4 }), host('lx', { hypervisor: 'linux' })];
    const vms = [vm('web', 'a', { workload: { cpu: 0.2, iops: 100 } }), vm('db', 'a', { workload: { cpu: 0.2 } })];
    const e = new Engine(lab(hosts, vms));
    run(e, 10_000, 2000);
    e.submit({ action: 'relocate', target: 'nope', to: 'b' });
    e.submit({ action: 'relocate', target: 'web', to: 'nohost' });
    e.submit({ action: 'relocate', target: 'web', to: 'a' });
    e.submit({ action: 'relocate', target: 'web', to: 'lx' });
    e.submit({ action: 'fail', target: 'c' });
    e.submit({ action: 'relocate', target: 'web', to: 'c' });
    e.submit({ action: 'migrate', target: 'db', to: 'b' });
    e.submit({ action: 'relocate', target: 'db', to: 'b' });
    e.submit({ action: 'relocate', target: 'web', to: 'b' });
    e.submit({ action: 'relocate', target: 'web', to: 'b' });
    e.submit({ action: 'migrate', target: 'web', to: 'b' });
    const s = run(e, 12_000, 2000);
    const refused = events(s, 'refused').map((x) => `${x.target}: ${x.detail}`);
    expect(refused).toEqual([
      'nope: relocate: no VM named "nope"',
      'web: relocate: no host named "nohost"',
      'web: relocate: web\'s disk is already on a\'s datastore',
      'web: relocate: lx is a linux host: its disk holds no VM datastore',
      'web: relocate: c is down (failed)',
      'db: relocate: db is migrating (vMotion) to another host',
      'web: relocate: web\'s disk is already moving',
      'web: migrate: web\'s disk is moving (Storage vMotion)',
    ]);
    expect(events(s, 'svmotion-start').map((x) => x.target)).toEqual(['web']);
    // the target host fails during the copy: aborted, the disk stays on the source
    e.submit({ action: 'fail', target: 'b' });
    const s2 = run(e, 14_000, 2000);
    expect(events(s2, 'svmotion-abort')[0].detail).toBe('b (the target datastore) went failed: the disk stays on a\'s datastore');
    expect(row(s2.at(-1)!, 'web').datastore).toBeUndefined();
    expect(s2.at(-1)!.cluster?.relocations).toEqual([]);
  });

  it('a powered-off VM is relocated cold: the same copy, nothing mirrored', () => {
    const hosts = [host('a', { pcpus: 2 }), host('b', { pcpus: 2 })];
    const e = new Engine(lab(hosts, [vm('cold', 'a', { diskSizeMiB: 1024, workload: { cpu: 0.2, iops: 500 } })]));
    run(e, 4000, 2000);
    e.submit({ action: 'power_off', target: 'cold' });
    e.submit({ action: 'relocate', target: 'cold', to: 'b' });
    const s = run(e, 10_000, 2000);
    expect(events(s, 'svmotion-start')[0].detail).toMatch(/\(off: a cold relocation\)$/);
    // 1024 MiB at 50 % of 1000 MiB/s: about 2 s
    expect(events(s, 'svmotion-end')[0].detail).toMatch(/^on b's datastore after 2\.\d s: 1024 MiB copied$/);
  });

  it('a busy source datastore slows the copy: the device is shared, not reserved', () => {
    // 'hog' asks 30000 of the 32000 commands/s, the copy 16000 slots: 46000 > 32000, so each gets
    // about 32000/46000 = 70 % of what it asks (the hog a little more with its queue): ~340 MiB/s
    const hosts = [host('a', { pcpus: 4, disk: DISK }), host('b', { pcpus: 4, disk: DISK })];
    const vms = [vm('mover', 'a', { diskSizeMiB: 8192, workload: { cpu: 0.2 } }), vm('hog', 'a', { workload: { cpu: 0.2, iops: 30000 } })];
    const e = new Engine(lab(hosts, vms));
    run(e, 10_000, 2000);
    e.submit({ action: 'relocate', target: 'mover', to: 'b' });
    const s = run(e, 16_000, 2000);
    const rate = s.at(-1)!.cluster!.relocations[0].rateMiBs;
    expect(rate).toBeGreaterThan(320);
    expect(rate).toBeLessThan(360);
    // the hog loses about 30 % of its commands meanwhile, and waits in the kernel for them
    expect(row(s.at(-1)!, 'hog')['CMDS/s']).toBeLessThan(23000);
    expect(row(s.at(-1)!, 'hog').KAVG).toBeGreaterThan(1);
  });

  it('the timeline relocates; the events are in the batch output', () => {
    const r = loadProfileText([
      'name: sv', 'hosts:',
      '  - { name: a, hypervisor: esxi, pcpus: 2, memory: 8GiB }',
      '  - { name: b, hypervisor: esxi, pcpus: 2, memory: 8GiB }',
      'vms:', '  - { name: web, host: a, disk_size: 2GiB, workload: { cpu: 20%, iops: 200 } }',
      'events:', '  - { at: 2s, action: relocate, target: web, to: b }', '  - { at: 3s, action: relocate, target: web, to: a }',
    ].join('\n'), 'sv.yaml');
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const e = new Engine(r.profile);
    const lines = [];
    for (let i = 0; i < 5; i++) {
      e.advance(2000);
      lines.push(JSON.parse(jsonlLine(e.sample())) as { events: { t: number; kind: string; target: string; detail: string }[] });
    }
    const evs = lines.flatMap((l) => l.events);
    expect(evs).toEqual([
      { t: 2, kind: 'svmotion-start', target: 'web', detail: 'disk 2048 MiB: a -> b datastore, up to 500 MiB/s' },
      { t: 3, kind: 'refused', target: 'web', detail: 'relocate: web\'s disk is already moving' },
      // 2048 MiB / 500 MiB/s = 4.096 s, once the datastores first serve the copy (their next 100 ms step)
      expect.objectContaining({ kind: 'svmotion-end', target: 'web', detail: expect.stringMatching(/^on b's datastore after 4\.[12] s: 2048 MiB copied, \d MiB of guest writes mirrored$/) }),
    ]);
  });

  it('is deterministic: the same seed twice gives the same samples', () => {
    const x = relocateRun(5).all;
    const y = relocateRun(5).all;
    expect(JSON.stringify(y)).toBe(JSON.stringify(x));
  });
});
