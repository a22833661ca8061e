// cpu.max bandwidth control and its cpu.stat counters (docs/model/containers.md, "cpu.max",
// TV-4a/4b): a quota of CPU time per period; a cgroup that has used it is throttled until the
// period ends.
//
// Counters keep the kernel's meanings: nr_periods counts periods in which the cgroup wanted CPU,
// nr_throttled those in which the quota ran out, throttled time is summed over every thread that
// was held back (so it can exceed wall time, as the per-CPU run queues' sum does).

import { AS_DOUBLE } from '../shapes.js';
import { CFS_PERIOD_MS } from './constants.js';
import { EPS } from '../../eps.js';

export class Bandwidth {
  nrPeriods = 0;
  nrThrottled = 0;
  // perf: double field
  throttledMs = AS_DOUBLE;
  private period = 0;
  private used = AS_DOUBLE;
  private active = false;
  private throttled = false;

  /** `quotaMs` per period; null = "max": no bandwidth control and no bandwidth counters */
  constructor(readonly quotaMs: number | null, readonly periodMs = CFS_PERIOD_MS) {
    this.throttledMs = this.used = 0;
  }

  /** Quota left in the current period, ms. */
  left(): number {
    return this.quotaMs === null ? Infinity : Math.max(0, this.quotaMs - this.used);
  }

  /**
   * One quantum: the cgroup had `wanted` ms of runnable work, the quota let `allowed` of it
   * compete, and it ran `got`; the rest of `wanted` was throttled. True when this is the period's
   * first throttling.
   */
  charge(wanted: number, allowed: number, got: number): boolean {
    if (this.quotaMs === null) return false;
    this.used += got;
    if (wanted > 0) this.active = true;
    const held = wanted - allowed;
    if (held <= EPS) return false;
    this.throttledMs += held;
    const first = !this.throttled;
    this.throttled = true;
    return first;
  }

  /** The period timer, at the end of a quantum: close each period that ended and refill the quota. */
  roll(tMs: number): void {
    const p = Math.floor((tMs + EPS) / this.periodMs);
    if (p === this.period) return;
    if (this.active) this.nrPeriods++;
    if (this.throttled) this.nrThrottled++;
    this.period = p;
    this.used = 0;
    this.active = false;
    this.throttled = false;
  }
}
