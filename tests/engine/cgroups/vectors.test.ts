// The reference model's cgroup test vectors (§1.5, §4.7): the kernel's own numbers.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import { highPenaltyMs, highSleepMs } from '../../../src/engine/cgroups/memory-high.js';
import { Psi } from '../../../src/engine/cgroups/psi.js';
import { weightToShares } from '../../../src/engine/cgroups/weights.js';
import { ctr, lab, linux } from './helpers.js';

describe('TV-1.5b: cpu.weight to CFS shares', () => {
  it.each([[1, 10], [100, 1024], [300, 3072], [10000, 102400]])('weight %i -> %i shares', (w, shares) => {
    expect(weightToShares(w)).toBe(shares);
  });
});

describe('TV-4a/4b: cpu.max "50000 100000"', () => {
  it('one always-busy thread for 10 s: 100 periods, all throttled, 5 s used, 5 s throttled', () => {
    const e = new Engine(lab([linux('h', 1)], [], [ctr('c', 'h', { cpuMax: 0.5 })]));
    e.advance(10_000);
    const c = e.sample().containers[0];
    expect(c.nr_periods).toBe(100);
    expect(c.nr_throttled).toBe(100);
    expect(c.usage_usec).toBeCloseTo(5_000_000, -4);
    expect(c.throttled_usec).toBeCloseTo(5_000_000, -4);
  });

  it('two busy threads on two CPUs: 50 ms used and ~150 ms throttled per period (summed over threads)', () => {
    const e = new Engine(lab([linux('h', 2)], [], [ctr('c', 'h', { cpuMax: 0.5, workload: { threads: 2 } })]));
    e.advance(10_000);
    const c = e.sample().containers[0];
    expect(c.usage_usec / 100).toBeCloseTo(50_000, -2);
    expect(c.throttled_usec / 100).toBeCloseTo(150_000, -3);
  });
});

describe('TV-4d: memory.high = 100 MB', () => {
  it('the kernel delay table: 101 -> 6, 102 -> 25, 105 -> 159, 110 -> 639, 115 -> 1439 ms per batch', () => {
    expect([101, 102, 105, 110, 115].map((u) => highPenaltyMs(u, 100))).toEqual([6, 25, 159, 639, 1439]);
  });

  it('sleeps nothing up to 10 ms, at most 2 s (118 MB and above)', () => {
    expect(highSleepMs(101, 100)).toBe(0);
    expect(highSleepMs(110, 100)).toBe(639);
    expect(highSleepMs(118, 100)).toBe(2000);
    expect(highSleepMs(300, 100)).toBe(2000);
    expect(highSleepMs(100, 100)).toBe(0);
  });

  it('usage held at 110 MB: each charge batch sleeps 0.639 s, memory.events high counts them, never killed', () => {
    const e = new Engine(lab([linux('h', 1)], [], [ctr('c', 'h', { memoryHighMiB: 100, workload: { activeMiB: 110, cpu: 0.5 } })]));
    e.advance(30_000);
    const before = e.sample().containers[0];
    e.advance(20_000);
    const c = e.sample().containers[0];
    expect(c['memory.current']).toBeCloseTo(110, 6);
    const batchesPerS = (c['memory.events.high'] - before['memory.events.high']) / 20;
    expect(batchesPerS).toBeGreaterThan(1);
    // the share of time asleep is the batches' sleeps: memory.pressure = batches/s x 0.639 s
    expect(c['memory.pressure.avg10'] / 100).toBeCloseTo(batchesPerS * 0.639, 1);
    expect(c.oom_kill).toBe(0);
    expect(c.state).toBe('running');
  });
});

describe('TV-4.5: PSI averages', () => {
  it('0 -> 100 % stall: avg10 18.1 after 2 s; avg10 63.2, avg60 15.4, avg300 3.3 after 10 s', () => {
    const p = new Psi();
    for (let t = 0; t < 2000; t += 10) p.add(10, 10);
    expect(p.avg10).toBeCloseTo(18.1, 1);
    for (let t = 2000; t < 10_000; t += 10) p.add(10, 10);
    expect(p.avg10).toBeCloseTo(63.2, 1);
    // the vector rounds 1 - e^(-t/60) = 15.35; the kernel's 11-bit fixed point prints 15.32
    expect(Math.abs(p.avg60 - 15.4)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(p.avg300 - 3.3)).toBeLessThanOrEqual(0.1);
    expect(p.totalUs).toBe(10_000_000);
  });

  it('no stall keeps every average at 0; a steady 100 % converges to 100', () => {
    const p = new Psi();
    for (let t = 0; t < 10_000; t += 10) p.add(0, 10);
    expect([p.avg10, p.avg60, p.avg300]).toEqual([0, 0, 0]);
    for (let t = 0; t < 600_000; t += 100) p.add(100, 100);
    expect(p.avg10).toBe(100);
  });
});
