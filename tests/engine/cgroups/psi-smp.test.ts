// PSI as kernel/sched/psi.c defines it on SMP (docs/model/containers.md, TV-4.5b..d), and
// memory.events max counting every breach of memory.max (TV-4c').
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import { psiStates } from '../../../src/engine/cgroups/container.js';
import { ctr, lab, linux } from './helpers.js';

describe('psi.c SMP states', () => {
  it('TV-4.5b: 2 busy threads sharing 1 CPU: some 100 %, full 0', () => {
    expect(psiStates(2, 1, 1)).toEqual({ some: 1, full: 0 });
  });

  it('TV-4.5c: 5 busy tasks on 4 CPUs: some 25 %; 257 on 256: some 1/256', () => {
    expect(psiStates(5, 4, 4).some).toBeCloseTo(0.25, 12);
    expect(psiStates(257, 256, 256).some).toBeCloseTo(1 / 256, 12);
    expect(psiStates(257, 256, 256).full).toBe(0);
  });

  it('TV-4.5d: 2 runnable tasks on 4 CPUs, one running on average (cpu.max): some 50 %, full 50 %; nothing runnable: 0', () => {
    expect(psiStates(2, 1, 4)).toEqual({ some: 0.5, full: 0.5 });
    expect(psiStates(0, 0, 4)).toEqual({ some: 0, full: 0 });
    expect(psiStates(1, 1, 4)).toEqual({ some: 0, full: 0 });
  });

  it('in the engine: two always-busy threads in a container on a 1-CPU host read cpu.pressure some ~100 (not 83)', () => {
    const e = new Engine(lab([linux('h', 1)], [], [ctr('c', 'h', { workload: { threads: 2 } })]));
    e.advance(60_000);
    const c = e.sample().containers[0];
    expect(c['cpu.pressure.avg10']).toBeGreaterThan(98);
    expect(c['cpu.pressure.full.avg10']).toBeLessThan(1);
  });

  it('in the engine: 5 busy threads on 4 CPUs read some ~25', () => {
    const e = new Engine(lab([linux('h', 4)], [], [ctr('c', 'h', { workload: { threads: 5 } })]));
    e.advance(60_000);
    expect(e.sample().containers[0]['cpu.pressure.avg10']).toBeCloseTo(25, 0);
  });
});

describe('TV-4c\': memory.events max counts every breach of memory.max', () => {
  it('a working set just under memory.max: its charges keep meeting the limit (max grows), never an OOM', () => {
    const e = new Engine(lab([linux('h', 1)], [], [ctr('c', 'h', { memoryMaxMiB: 100, workload: { activeMiB: 99.95, cpu: 0.5 } })]));
    e.advance(60_000);
    const c = e.sample().containers[0];
    expect(c['memory.events.max']).toBeGreaterThan(10);
    expect(c['memory.events.oom']).toBe(0);
    expect(c.oom_kill).toBe(0);
  });

  it('TV-4c: a process touching 150 MB under memory.max 100 MB: max >= 1, oom 1, oom_kill 1', () => {
    const e = new Engine(lab([linux('h', 1)], [], [ctr('c', 'h', { memoryMaxMiB: 100, workload: { activeMiB: 150, cpu: 0.5 } })]));
    e.advance(20_000);
    const c = e.sample().containers[0];
    expect(c['memory.events.max']).toBeGreaterThanOrEqual(c['memory.events.oom']);
    expect(c['memory.events.oom']).toBeGreaterThanOrEqual(1);
    expect(c.oom_kill).toBeGreaterThanOrEqual(1);
  });
});
