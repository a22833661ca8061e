// memory.max, memory.high, pids.max and the kernel's own OOM killer.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import { host, vm } from '../../helpers/profile.js';
import { byName, ctr, lab, linux, measure, svc } from './helpers.js';

describe('memory.max', () => {
  const e = new Engine(lab([linux('h', 1)], [], [ctr('c', 'h', { memoryMaxMiB: 100, workload: { activeMiB: 150, cpu: 0.2 } })]));
  e.advance(30_000);
  const s = e.sample();
  const c = s.containers[0];

  it('TV-4c: a working set above memory.max ends in an OOM kill and a restart', () => {
    expect(c.oom_kill).toBeGreaterThanOrEqual(1);
    expect(c['memory.events.max']).toBeGreaterThanOrEqual(1);
    expect(c['memory.events.oom']).toBe(c.oom_kill);
    expect(c.restarts).toBeGreaterThanOrEqual(1);
    expect(c['memory.peak']).toBeLessThanOrEqual(100);
    const kinds = s.events.map((ev) => ev.kind);
    expect(kinds.slice(0, 2)).toEqual(['oom_kill', 'restart']);
    expect(s.events[0].detail).toMatch(/^memory\.max 100 MiB reached \(working set 150 MiB\): the OOM killer ended its process \(oom_kill 1\); restart in 0\.1s$/);
  });

  it('quick failures back off like Docker: 0.1 s, 0.2 s, 0.4 s …', () => {
    const q = new Engine(lab([linux('h', 1)], [], [ctr('c', 'h', { memoryMaxMiB: 20, workload: { activeMiB: 500 } })]));
    q.advance(10_000);
    const delays = q.sample().events.filter((ev) => ev.kind === 'oom_kill').map((ev) => /restart in ([\d.]+)s/.exec(ev.detail)![1]);
    expect(delays.slice(0, 4)).toEqual(['0.1', '0.2', '0.4', '0.8']);
  });
});

describe('memory.high', () => {
  it('above it: throttled (pressure, slower), not killed; below it: no throttling', () => {
    const cs = measure(lab([linux('h', 2)], [], [
      ctr('over', 'h', { memoryHighMiB: 200, memoryMaxMiB: 1024, workload: { activeMiB: 215 } }),
      ctr('under', 'h', { memoryHighMiB: 200, workload: { activeMiB: 150 } }),
    ]), 40_000, 20_000);
    const over = cs.get('over')!;
    expect(over.oom_kill).toBe(0);
    expect(over['memory.current']).toBeGreaterThan(200);
    expect(over['memory.pressure.avg10']).toBeGreaterThan(30);
    expect(over['cpu.usage%']).toBeLessThan(70); // asleep for memory.high part of the time
    const under = cs.get('under')!;
    expect([under['memory.events.high'], under['memory.pressure.avg10']]).toEqual([0, 0]);
    expect(under['cpu.usage%']).toBeCloseTo(100, 0);
  });
});

describe('the kernel itself', () => {
  it('containers inside a VM are part of its guest memory; the guest\'s OOM killer takes the largest', () => {
    const p = lab([host('esx', { pcpus: 2 })], [vm('v', 'esx', { memoryMiB: 1024, workload: { cpu: 0, activeMiB: 256 } })], [
      ctr('big', 'v', { vm: 'v', host: 'esx', workload: { activeMiB: 600, cpu: 0.1 } }),
      ctr('small', 'v', { vm: 'v', host: 'esx', workload: { activeMiB: 200, cpu: 0.1 } }),
    ]);
    const e = new Engine(p);
    e.advance(60_000);
    const s = e.sample();
    const cs = byName(s);
    expect(cs.get('big')!.oom_kill).toBeGreaterThanOrEqual(1);
    expect(cs.get('small')!.oom_kill).toBe(0);
    expect(s.events.find((ev) => ev.kind === 'oom_kill')?.detail).toMatch(/^VM v out of memory/);
    expect(s.vms[0].TCHD).toBeGreaterThan(256 + 200);
  });

  it('on a Linux host, containers take free memory', () => {
    const e = new Engine(lab([linux('h', 1, { memoryMiB: 4096, reservedMiB: 512 })], [], [ctr('c', 'h', { workload: { activeMiB: 1000, cpu: 0 } })]));
    e.advance(120_000);
    expect(e.sample().hosts[0].MEM_FREE).toBeCloseTo(4096 - 512 - 1000, 0);
  });

  it('a service\'s memory.max bounds its replicas together', () => {
    const s = measure(lab([linux('h', 2)], [], svc('w', 2, ctr('x', 'h', { workload: { activeMiB: 100, cpu: 0.1 } }), { memoryMaxMiB: 150 })), 0, 30_000);
    const kills = [...s.values()].reduce((a, c) => a + c.oom_kill, 0);
    expect(kills).toBeGreaterThanOrEqual(1);
    for (const c of s.values()) expect(c['memory.current']).toBeLessThanOrEqual(150);
  });
});

describe('pids.max', () => {
  it('forks beyond it fail (counted), and only the threads that exist run', () => {
    const p = lab([linux('h', 4)], [], [ctr('c', 'h', { pidsMax: 3, workload: { threads: 4 } })]);
    const e = new Engine(p);
    e.advance(5000);
    const s = e.sample();
    const c = s.containers[0];
    expect(c['pids.current']).toBe(3);
    expect(c['cpu.usage%']).toBeCloseTo(200, 0);
    expect(c['pids.events.max']).toBeGreaterThanOrEqual(2 * 5);
    expect(s.events.filter((ev) => ev.kind === 'fork_failed')).toHaveLength(1);
  });
});
