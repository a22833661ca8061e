// Reference §7.2–7.4: FT logging (TV-7.2), DRS priorities (TV-7.3), DPM (TV-7.4); DPM's
// Storage vMotion guard in the engine.
import { describe, expect, it } from 'vitest';
import { applies, drsPriority, imbalance, recommend } from '../../../src/engine/cluster/drs.js';
import { hostsToPowerOff, needsPowerOn } from '../../../src/engine/cluster/dpm.js';
import { ftLoggingMbit } from '../../../src/engine/cluster/ft.js';
import { Engine } from '../../../src/engine/engine.js';
import { events, host, lab, run, vm } from './helpers.js';

describe('FT logging (TV-7.2)', () => {
  it('10 MB/s of disk reads and 40 Mbit/s in: (80 + 40) x 1.2 = 144 Mbit/s', () => {
    expect(ftLoggingMbit(10, 40)).toBeCloseTo(144, 9);
  });
});

describe('DRS (TV-7.3, 4 hosts, threshold 3)', () => {
  const cases: [number[], number, number, boolean][] = [
    [[0.55, 0.5, 0.5, 0.45], 0.0354, 5, false],
    [[0.6, 0.5, 0.5, 0.4], 0.0707, 4, false],
    [[0.7, 0.5, 0.5, 0.3], 0.1414, 3, true],
    [[0.8, 0.6, 0.4, 0.2], 0.2236, 2, true],
  ];
  for (const [loads, sigma, priority, applied] of cases) {
    it(`loads ${loads.join('/')}: σ ${sigma}, priority ${priority}, ${applied ? '' : 'not '}applied`, () => {
      const lim = imbalance(loads);
      expect(lim).toBeCloseTo(sigma, 4);
      expect(drsPriority(lim, 4)).toBe(priority);
      expect(applies(drsPriority(lim, 4), 3)).toBe(applied);
    });
  }

  it('recommends the move that lowers the imbalance most, and stops when nothing is gained', () => {
    const recs = recommend(['h1', 'h2'], [1000, 1000], [800, 200], [
      { vm: 'a', host: 0, mhz: 300 }, { vm: 'b', host: 0, mhz: 500 }, { vm: 'c', host: 1, mhz: 200 },
    ], () => true);
    expect(recs[0]).toMatchObject({ vm: 'a', from: 'h1', to: 'h2' });
    expect(recs[0].after).toBeLessThan(recs[0].before);
    expect(recs).toHaveLength(1);
  });
});

describe('DPM (TV-7.4)', () => {
  it('4 hosts at 30 % CPU / 40 % memory: one host off (3 hosts at 40 % / 53.3 %: memory > 45 %)', () => {
    expect(hostsToPowerOff(Array.from({ length: 4 }, () => ({ cpu: 0.3, mem: 0.4 })))).toBe(1);
  });

  it('more headroom frees more hosts; load above 45 % anywhere frees none', () => {
    expect(hostsToPowerOff(Array.from({ length: 4 }, () => ({ cpu: 0.1, mem: 0.1 })))).toBe(3);
    expect(hostsToPowerOff([{ cpu: 0.3, mem: 0.4 }, { cpu: 0.5, mem: 0.2 }])).toBe(0);
  });

  it('all hosts above 81 %: power one on', () => {
    expect(needsPowerOn(Array.from({ length: 3 }, () => ({ cpu: 0.85, mem: 0.5 })))).toBe(true);
    expect(needsPowerOn([{ cpu: 0.85, mem: 0.5 }, { cpu: 0.7, mem: 0.7 }])).toBe(false);
  });
});

describe('DPM and datastores (Storage vMotion)', () => {
  // Two idle hosts: x (2 vCPUs at 10 %) on a, y (2 vCPUs at 30 %) on b. Both below 45 % CPU and
  // memory, so after the 40-minute window (from the first DRS/DPM run at 60 s: at 41 min) DPM
  // picks the less loaded a for standby.
  function idle(xDiskMiB = 1024) {
    const hosts = [host('a', { pcpus: 4, memoryMiB: 16384 }), host('b', { pcpus: 4, memoryMiB: 16384 })];
    const vms = [
      vm('x', 'a', { vcpus: 2, diskSizeMiB: xDiskMiB, workload: { cpu: 0.1 } }),
      vm('y', 'b', { vcpus: 2, diskSizeMiB: 1024, workload: { cpu: 0.3 } }),
    ];
    return new Engine(lab(hosts, vms, { dpm: 'auto' }));
  }
  const dpm = (s: Parameters<typeof events>[0]) => events(s).filter((x) => x.kind === 'dpm' || x.kind === 'host-standby').map((x) => [x.t, x.kind, x.target, x.detail]);
  const ENTER = 'entering standby: CPU and memory below 45% on every host; evacuating 1 VM';

  it('without a relocated disk, a goes to standby at 41 min (the control)', () => {
    const s = run(idle(), 50 * 60_000, 60_000);
    expect(dpm(s)).toEqual([[2460, 'dpm', 'a', ENTER], [2460.45, 'host-standby', 'a', 'in standby (DPM)']]);
  });

  it('keeps a on while its datastore holds y\'s relocated disk; once the disk is moved back, a goes to standby', () => {
    const e = idle();
    run(e, 2000, 1000);
    e.submit({ action: 'relocate', target: 'y', to: 'a' });
    const s = run(e, 50 * 60_000, 60_000);
    expect(events(s, 'svmotion-end').map((x) => x.detail)).toEqual([expect.stringMatching(/^on a's datastore after/)]);
    expect(dpm(s)).toEqual([[2460, 'dpm', 'a', 'stays on: its datastore holds y\'s disk']]);
    const last = s.at(-1)!;
    expect(last.hosts.map((h) => h.state)).toEqual(['up', 'up']);
    expect(last.vms.find((v) => v.name === 'x')).toMatchObject({ host: 'a', state: 'running' });
    // y's disk goes home: the next window (40 min from the next run, 42 min, i.e. at 82 min) puts a in standby
    e.submit({ action: 'relocate', target: 'y', to: 'b' });
    const s2 = run(e, 85 * 60_000, 60_000);
    expect(dpm(s2)).toEqual([[4920, 'dpm', 'a', ENTER], [4920.45, 'host-standby', 'a', 'in standby (DPM)']]);
  });

  it('keeps a on while a copy from its datastore is in flight', () => {
    // 2 TiB at 500 MiB/s: about 70 minutes, still copying at 41 min
    const e = idle(2 * 1024 * 1024);
    run(e, 2000, 1000);
    e.submit({ action: 'relocate', target: 'x', to: 'b' });
    const s = run(e, 50 * 60_000, 60_000);
    expect(dpm(s)).toEqual([[2460, 'dpm', 'a', 'stays on: its datastore holds x\'s disk']]);
    const last = s.at(-1)!;
    expect(last.hosts.map((h) => h.state)).toEqual(['up', 'up']);
    expect(last.cluster!.relocations).toEqual([expect.objectContaining({ vm: 'x', from: 'a', to: 'b' })]);
    expect(events(s, 'svmotion-end')).toEqual([]);
  });
});
