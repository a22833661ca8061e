// The JSON lines' JVM keys: on a jvm workload's VM only, after every other key, from its sample.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { jsonlLine } from '../../src/output/jsonl.js';
import { host, profile, vm } from '../helpers/profile.js';

describe('jsonl: a JVM in the guest', () => {
  const p = profile([host('h', { pcpus: 4, memoryMiB: 16384 })], [
    vm('java', 'h', { vcpus: 2, memoryMiB: 4096, workload: { type: 'jvm', heapMiB: 1024, cpu: 0.3, threads: 2, periodMs: 10_000, jitWarmupMs: 30_000 } }),
    vm('plain', 'h', { vcpus: 2, memoryMiB: 4096 }),
  ]);

  it('HEAP, HEAPUSED, GC, GCPAUSE and %JIT last on the JVM\'s VM, none on the other', () => {
    const e = new Engine(p);
    e.advance(10_000);
    const snap = e.sample();
    const vms = JSON.parse(jsonlLine(snap)).vms as Record<string, unknown>[];
    const java = vms.find((v) => v.name === 'java')!;
    expect(Object.keys(java).slice(-6)).toEqual(['AUNITS', 'HEAP', 'HEAPUSED', 'GC', 'GCPAUSE', '%JIT']);
    // one collection in (0, 10 s]: from 9.4 s, 600 ms; the heap back to 40 % at 10 s; e^(-1/3) of the JIT's 200 % left
    expect([java.HEAP, java.HEAPUSED, java.GC, java.GCPAUSE]).toEqual([1024, 409.6, 1, 600]);
    expect(java['%JIT']).toBeCloseTo(200 * Math.exp(-1 / 3), 2);
    expect(Object.keys(vms.find((v) => v.name === 'plain')!)).not.toContain('HEAP');
  });
});
