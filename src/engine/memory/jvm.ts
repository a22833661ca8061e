// The JVM as a process virtual machine inside a guest: its own heap, collected by a stop-the-world
// garbage collector, and its own instruction set, interpreted at first and compiled just in time.
// Everything here is a function of the workload and the JVM's age (simulated ms since it started),
// so the heap's saw-tooth, the collections and the warm-up are the same in every run
// (docs/model/jvm.md).

import type { WorkloadSpec } from '../../profile/types.js';
import type { JvmSample } from '../snapshot.js';
import type { VmMemory } from './vm-memory.js';

/** Old generation that survives a collection, as a fraction of the heap [assumption]. */
export const JVM_LIVE_FRACTION = 0.4;
/** Share of a collection cycle spent collecting with every thread busy [assumption]. */
export const JVM_GC_FRACTION = 0.06;
/**
 * CPU for the same work at start, against compiled code: interpreted bytecode and the compiler
 * threads' own work, three times the compiled cost [assumption]; it decays as hot methods are
 * compiled.
 */
export const JIT_START_COST = 3;

/** How far the JVM is into its collection cycle, 0..1 (the cycle starts when the JVM does). */
function phase(w: WorkloadSpec, ageMs: number): number {
  return (ageMs % w.periodMs) / w.periodMs;
}

/** Heap in use as a share of the heap: it fills linearly, then a collection takes it to the live set. */
export function heapUse(w: WorkloadSpec, ageMs: number): number {
  return JVM_LIVE_FRACTION + (1 - JVM_LIVE_FRACTION) * Math.min(1, phase(w, ageMs) / (1 - JVM_GC_FRACTION));
}

/** A collection is under way: the last JVM_GC_FRACTION of every cycle. */
export function collecting(w: WorkloadSpec, ageMs: number): boolean {
  return w.type === 'jvm' && phase(w, ageMs) >= 1 - JVM_GC_FRACTION;
}

/**
 * The application's CPU over what compiled code needs for the same work: JIT_START_COST at start,
 * decaying with the warm-up time constant (`jit_warmup`); 1 for a generic workload or none.
 */
export function jitCost(w: WorkloadSpec, ageMs: number): number {
  const tau = w.jitWarmupMs ?? 0;
  if (w.type !== 'jvm' || !(tau > 0)) return 1;
  return 1 + (JIT_START_COST - 1) * Math.exp(-ageMs / tau);
}

/** Collections that began in the JVM's age interval (a0, a1]. */
export function collectionsIn(w: WorkloadSpec, a0: number, a1: number): number {
  if (w.type !== 'jvm' || !(a1 > a0)) return 0;
  const p = w.periodMs;
  const start = (1 - JVM_GC_FRACTION) * p;
  // collection k begins at k·p + start
  const upTo = (a: number) => (a < start ? 0 : Math.floor((a - start) / p) + 1);
  return upTo(a1) - upTo(Math.max(0, a0));
}

/** Time spent collecting (the application stopped) within the JVM's age interval [a0, a1), ms. */
export function pauseMsIn(w: WorkloadSpec, a0: number, a1: number): number {
  if (w.type !== 'jvm' || !(a1 > a0)) return 0;
  const p = w.periodMs;
  const gc = JVM_GC_FRACTION * p;
  // collecting time in [0, a): whole cycles, and the part of the last one past its start
  const before = (a: number) => {
    if (a <= 0) return 0;
    const k = Math.floor(a / p);
    return k * gc + Math.max(0, (a - k * p) - (p - gc));
  };
  return before(a1) - before(Math.max(0, a0));
}

/** The JVM's own view of the interval (t0, t1], from its age at both ends; undefined if no JVM runs in the guest. */
export function jvmSample(m: VmMemory | null, t0Ms: number, t1Ms: number): JvmSample | undefined {
  const w = m?.workload;
  if (!m || !w || w.type !== 'jvm') return undefined;
  const running = !Number.isNaN(m.jvmEpochMs);
  const a1 = running ? m.jvmAge(t1Ms) : 0;
  const a0 = running ? m.jvmAge(t0Ms) : 0;
  return {
    HEAP: w.heapMiB,
    HEAPUSED: running ? w.heapMiB * heapUse(w, a1) : 0,
    GC: collectionsIn(w, a0, a1),
    GCPAUSE: pauseMsIn(w, a0, a1),
    '%JIT': running ? (jitCost(w, a1) - 1) * 100 : 0,
    UPTIME: a1 / 1000,
  };
}
