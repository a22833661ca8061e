// The JVM as a process VM (docs/model/jvm.md, TV-J1..J5): its heap's saw-tooth, its collections
// and pauses, its JIT warm-up, as functions of its age, and the same through the engine.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import { collecting, collectionsIn, heapUse, jitCost, JIT_START_COST, pauseMsIn } from '../../../src/engine/memory/jvm.js';
import { host, profile, vm, workload } from '../../helpers/profile.js';

// a 20 s collection cycle (period), a 45 s warm-up
const w = workload({ type: 'jvm', heapMiB: 2048, cpu: 0.3, threads: 2, periodMs: 20_000, jitWarmupMs: 45_000 });

describe('the JVM model', () => {
  it('TV-J1: the heap fills from the live 40 % to 100 % over 94 % of the cycle, then a collection of 6 % (1.2 s) empties it', () => {
    expect(heapUse(w, 0)).toBeCloseTo(0.4, 12);
    expect(heapUse(w, 9_400)).toBeCloseTo(0.7, 12);
    expect(heapUse(w, 18_800)).toBeCloseTo(1, 12);
    expect(heapUse(w, 20_000)).toBeCloseTo(0.4, 12);
    expect([collecting(w, 18_790), collecting(w, 18_800), collecting(w, 19_990), collecting(w, 20_000)]).toEqual([false, true, true, false]);
    expect(collecting({ ...w, type: 'generic' }, 19_000)).toBe(false);
  });

  it('TV-J2: collections begun and the pause within an interval of the JVM\'s age', () => {
    expect(collectionsIn(w, 0, 18_799)).toBe(0);
    expect(collectionsIn(w, 0, 18_800)).toBe(1);
    expect(collectionsIn(w, 0, 60_000)).toBe(3);
    expect(collectionsIn(w, 18_800, 40_000)).toBe(1);
    expect(pauseMsIn(w, 0, 20_000)).toBeCloseTo(1_200, 9);
    expect(pauseMsIn(w, 19_000, 21_000)).toBeCloseTo(1_000, 9);
    expect(pauseMsIn(w, 0, 100_000)).toBeCloseTo(6_000, 9);
    expect(pauseMsIn(w, 2_000, 4_000)).toBe(0);
  });

  it('TV-J3: the JIT: three times the compiled CPU at start, 1 + 2/e after one time constant, 1 once warm or without warm-up', () => {
    expect(JIT_START_COST).toBe(3);
    expect(jitCost(w, 0)).toBeCloseTo(3, 12);
    expect(jitCost(w, 45_000)).toBeCloseTo(1 + 2 / Math.E, 12);
    expect(jitCost(w, 600_000)).toBeCloseTo(1, 5);
    expect(jitCost({ ...w, jitWarmupMs: 0 }, 0)).toBe(1);
    expect(jitCost({ ...w, type: 'generic' }, 0)).toBe(1);
  });
});

describe('a JVM in a guest, through the engine', () => {
  const p = profile([host('h', { pcpus: 8, memoryMiB: 32768 })], [
    vm('java', 'h', { vcpus: 2, memoryMiB: 4096, workload: { ...w, activeMiB: 512 } }),
    vm('native', 'h', { vcpus: 2, memoryMiB: 4096, workload: { cpu: 0.3, threads: 2, activeMiB: 512 } }),
  ]);

  it('TV-J4: CPU high at start, lower once compiled; a collection\'s interval keeps both vCPUs busy for its 1.2 s', () => {
    const e = new Engine(p);
    const at = new Map<number, ReturnType<Engine['sample']>>();
    for (let t = 2; t <= 200; t += 2) {
      e.advance(2000);
      at.set(t, e.sample());
    }
    const java = (t: number) => at.get(t)!.vms.find((v) => v.name === 'java')!;
    const native = (t: number) => at.get(t)!.vms.find((v) => v.name === 'native')!;
    // the first 2 s: 30 % × 3 = 90 % per vCPU asked, 1 % housekeeping: 2 × ~90 %
    expect(java(2)['%USED']).toBeGreaterThan(170);
    expect(native(2)['%USED']).toBeCloseTo(62, 0);
    // the JIT's extra CPU at the sample: 200 % × e^(-18/45) at 18 s
    expect(java(18).jvm!['%JIT']).toBeCloseTo(200 * Math.exp(-18 / 45), 6);
    // warm at 200 s (2·e^(-200/45) ≈ 2.35 %): close to native
    expect(java(198)['%USED'] - native(198)['%USED']).toBeLessThan(3);
    // the collection from 18.8 to 20 s: in the interval (18, 20]: 1.2 s of 2 vCPUs at 100 %
    expect([java(20).jvm!.GC, java(20).jvm!.GCPAUSE]).toEqual([1, 1200]);
    // (1.2 s × 200 % + 0.8 s × what the JIT-inflated work asks) / 2 s, against (16, 18]'s level
    expect(java(20)['%USED']).toBeGreaterThan(java(18)['%USED'] + 30);
    expect([java(22).jvm!.GC, java(22).jvm!.GCPAUSE]).toEqual([0, 0]);
    // the heap as the JVM reports it at the sample: the saw-tooth (2048 × (0.4 + 0.6 × (t mod 20)/18.8))
    expect(java(20).jvm!.HEAPUSED).toBeCloseTo(2048 * 0.4, 6);
    expect(java(30).jvm!.HEAPUSED).toBeCloseTo(2048 * (0.4 + (0.6 * 10) / 18.8), 6);
    expect(native(20).jvm).toBeUndefined();
  });

  it('TV-J5: a reset restarts the JVM cold after the guest\'s 5 s boot: uptime from there, the JIT\'s CPU back up', () => {
    const e = new Engine(p, { timeline: [{ atMs: 100_000, command: { action: 'reset', target: 'java' } }] });
    e.advance(100_000);
    expect(e.sample().vms.find((v) => v.name === 'java')!.jvm!.UPTIME).toBeCloseTo(100, 6);
    e.advance(10_000);
    const j = e.sample().vms.find((v) => v.name === 'java')!.jvm!;
    // the JVM started at the first memory step after the boot (105 s)
    expect(j.UPTIME).toBeCloseTo(5, 6);
    expect(j['%JIT']).toBeCloseTo(200 * Math.exp(-5 / 45), 6);
  });
});
