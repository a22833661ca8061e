// cpu.max and cpu.weight as the kernel applies them, on a host's kernel and in a service.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import { ctr, lab, linux, measure, svc } from './helpers.js';

describe('cpu.max', () => {
  it('50% with one busy thread: 50% used (within 2), nr_throttled about 10 per second', () => {
    const e = new Engine(lab([linux('h', 2)], [], [ctr('c', 'h', { cpuMax: 0.5 })]));
    e.advance(50_000);
    const a = e.sample().containers[0];
    e.advance(10_000);
    const b = e.sample().containers[0];
    expect(Math.abs(b['cpu.usage%'] - 50)).toBeLessThanOrEqual(2);
    expect((b.nr_throttled - a.nr_throttled) / 10).toBeCloseTo(10, 0);
    expect(b['throttled%']).toBe(100);
    // waiting half of each period for the quota is CPU pressure
    expect(b['cpu.pressure.avg10']).toBeCloseTo(50, 0);
  });

  it('a quota that does not fall on quantum boundaries is still met on average', () => {
    const c = measure(lab([linux('h', 2)], [], [ctr('c', 'h', { cpuMax: 0.25, workload: { threads: 2 } })]), 1000, 10_000).get('c')!;
    expect(c['cpu.usage%']).toBeCloseTo(25, 0);
  });

  it('a container under its quota is never throttled', () => {
    const c = measure(lab([linux('h', 2)], [], [ctr('c', 'h', { cpuMax: 0.5, workload: { cpu: 0.3 } })]), 1000, 10_000).get('c')!;
    expect(c['cpu.usage%']).toBeCloseTo(30, 0);
    expect(c.nr_throttled).toBe(0);
    expect(c.nr_periods).toBeGreaterThan(100);
  });

  it('no cpu.max: no bandwidth counters, as in the kernel', () => {
    const c = measure(lab([linux('h', 1)], [], [ctr('c', 'h')]), 1000, 2000).get('c')!;
    expect([c.nr_periods, c.nr_throttled, c.throttled_usec, c['cpu.max%']]).toEqual([0, 0, 0, null]);
  });

  it('a service\'s cpu.max bounds its replicas together', () => {
    const cs = measure(lab([linux('h', 4)], [], svc('api', 3, ctr('x', 'h'), { cpuMax: 1.5 })), 2000, 10_000);
    const total = [...cs.values()].reduce((a, c) => a + c['cpu.usage%'], 0);
    expect(total).toBeCloseTo(150, -1);
    // the replicas' own bandwidth counters stay theirs (non-hierarchical): they have no cpu.max
    for (const c of cs.values()) expect(c.nr_throttled).toBe(0);
  });
});

describe('cpu.weight', () => {
  it('100 and 300 on one busy CPU: 25% and 75% (within 3)', () => {
    const cs = measure(lab([linux('h', 1)], [], [ctr('a', 'h'), ctr('b', 'h', { cpuWeight: 300 })]), 2000, 10_000);
    expect(Math.abs(cs.get('a')!['cpu.usage%'] - 25)).toBeLessThanOrEqual(3);
    expect(Math.abs(cs.get('b')!['cpu.usage%'] - 75)).toBeLessThanOrEqual(3);
  });

  it('TV-1.5c: 100 and 300 saturating 4 CPUs get 1 and 3; with A idle, B uses all 4', () => {
    const busy = { workload: { threads: 4 } };
    const cs = measure(lab([linux('h', 4)], [], [ctr('a', 'h', busy), ctr('b', 'h', { ...busy, cpuWeight: 300 })]), 2000, 10_000);
    expect(cs.get('a')!['cpu.usage%']).toBeCloseTo(100, -1);
    expect(cs.get('b')!['cpu.usage%']).toBeCloseTo(300, -1);
    const alone = measure(lab([linux('h', 4)], [], [ctr('a', 'h', { workload: { cpu: 0 } }), ctr('b', 'h', { ...busy, cpuWeight: 300 })]), 2000, 10_000);
    expect(alone.get('b')!['cpu.usage%']).toBeCloseTo(400, -1);
  });

  it('TV-1.5d: one CPU, A (100) with two busy threads, B (200) with one: 33.3% and 66.7%', () => {
    const cs = measure(lab([linux('h', 1)], [], [ctr('a', 'h', { workload: { threads: 2 } }), ctr('b', 'h', { cpuWeight: 200 })]), 2000, 10_000);
    expect(cs.get('a')!['cpu.usage%']).toBeCloseTo(33.3, 0);
    expect(cs.get('b')!['cpu.usage%']).toBeCloseTo(66.7, 0);
  });

  it('a service competes with its siblings as one cgroup; its replicas share what it gets', () => {
    const cs = measure(lab([linux('h', 1)], [], [...svc('web', 3, ctr('x', 'h')), ctr('lone', 'h')]), 2000, 10_000);
    expect(cs.get('lone')!['cpu.usage%']).toBeCloseTo(50, 0);
    for (const n of ['web-1', 'web-2', 'web-3']) expect(cs.get(n)!['cpu.usage%']).toBeCloseTo(50 / 3, 0);
  });

  it('the host\'s CPU time handed to containers never exceeds its pCPUs', () => {
    const e = new Engine(lab([linux('h', 2)], [], [ctr('a', 'h', { workload: { threads: 3 } }), ctr('b', 'h', { workload: { threads: 3 } })]));
    e.advance(5000);
    const s = e.sample();
    const used = s.containers.reduce((a, c) => a + c['cpu.usage%'], 0);
    expect(used).toBeLessThanOrEqual(200 + 1e-6);
    expect(used).toBeCloseTo(200, 0);
    expect(s.hosts[0]['PCPU_USED%']).toBeCloseTo(100, 0);
  });
});
