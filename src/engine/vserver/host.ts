// The VServer guests of one `vserver` host and how their token buckets drive the host's CPU
// scheduler. Each guest is a group of independent threads in the host's HostCpu, at nice 0, so
// guests that are not held share the CPUs by the kernel's fair scheduler (docs/model/vserver.md,
// "The algorithm").
//
// The scheduler works in quanta, the buckets in kernel ticks (W = hz per second; a quantum holds
// q*W/1000 of them, the fraction falling to the next quantum). Per quantum:
//   before: a preview steps the ticks ahead on a copy of the bucket, as if the guest ran flat
//           out, to find what it may use: nothing if it stays held the whole quantum (gBlocked),
//           only the CPU-ticks before its bucket empties if it runs dry (gCapMs), else no limit.
//   after:  the CPU it really got is charged tick by tick, one token per CPU-tick, in the same
//           order the preview assumed, so the guest can never be charged past a hold the preview
//           did not foresee: a held guest runs no tick and the bucket never goes below zero.

import type { VServerSpec } from '../../profile/types.js';
import type { HostCpu } from '../cpu/host-cpu.js';
import type { CpuGroupConfig } from '../cpu/cpu-state.js';
import { WorkloadState } from '../cpu/workload.js';
import type { Rng } from '../rng.js';
import { niceWeight, TokenBucket, vavavoom } from './bucket.js';
import { EPS } from '../../eps.js';

/** Every guest runs at nice 0: the fair scheduler's weight 1024. */
export const NICE0_SHARES = 1024;

export type Emit = (tMs: number, kind: string, target: string, detail: string) => void;

export interface VServerGuest {
  spec: VServerSpec;
  /** the guest's group index in the host's HostCpu */
  g: number;
  bucket: TokenBucket;
  /** a copy the preview steps ahead on */
  scratch: TokenBucket;
  workload: WorkloadState;
  /** CPUs it may run on at once this quantum: the most tokens one tick can cost */
  P: number;
  /** CPU-ticks used but not charged yet (a fraction of a tick carried to the next) */
  pending: number;
  /** CPU ms used since start */
  usedMs: number;
  /** soft scheduling's current priority bonus (0 when hard) */
  prio: number;
  /** the last quantum, for tests and the panel: its ticks, those held, the CPU ms it got */
  quantum: { ticks: number; held: number; usedMs: number };
  /** the guest threads' cumulative run counters at the end of the previous quantum, ms */
  lastRunMs: number;
  /** usedMs and held ticks at the previous sample, and the bucket level at recent samples */
  base: { usedMs: number; heldTicks: number };
  history: number[];
}

export class VServerHost {
  readonly guests: VServerGuest[];
  private first = 0;
  private end = 0;

  constructor(
    specs: readonly VServerSpec[],
    /** index of the first guest's group in the host's HostCpu */
    readonly offset: number,
    /** kernel ticks per second (W) */
    readonly hz: number,
    private readonly pcpus: number,
    private readonly quantumMs: number,
    rng: Rng,
  ) {
    this.guests = specs.map((spec, i) => {
      const params = {
        R: spec.fillRate, T: spec.interval, S: spec.tokensMax, M: spec.tokensMin, hard: spec.sched === 'hard',
      };
      const bucket = new TokenBucket(params, spec.tokens);
      const threads = Math.max(1, spec.workload.threads);
      return {
        spec, g: offset + i, bucket, scratch: new TokenBucket(params, spec.tokens),
        // Processes in a context, not a guest kernel: no housekeeping load of their own.
        workload: new WorkloadState(spec.workload, threads, rng, 0),
        P: 1, pending: 0, usedMs: 0, prio: 0, quantum: { ticks: 0, held: 0, usedMs: 0 }, lastRunMs: 0,
        base: { usedMs: 0, heldTicks: 0 }, history: [],
      };
    });
  }

  /** The guests' groups for the host's HostCpu, in order from `offset`. */
  configs(): CpuGroupConfig[] {
    return this.guests.map((x) => ({
      vcpus: x.workload.vcpus, shares: NICE0_SHARES, reservationMHz: 0, limitMHz: null, overhead: 0, gang: false,
    }));
  }

  /** Work arrives and each guest's bucket decides what it may run this quantum. */
  before(tMs: number, cpu: HostCpu): void {
    const W = this.hz;
    this.first = Math.ceil((tMs * W) / 1000);
    this.end = Math.ceil(((tMs + this.quantumMs) * W) / 1000);
    for (const x of this.guests) {
      const start = cpu.gStart[x.g];
      const count = cpu.gCount[x.g];
      x.workload.fill(tMs, cpu.demand, cpu.useful, start);
      // Every thread may run (queued work outlives its demand), but never on more CPUs than exist.
      x.P = Math.min(count, this.pcpus);
      cpu.gBlocked[x.g] = 0;
      cpu.gCapMs[x.g] = Infinity;
      if (x.bucket.p.hard) this.preview(x, cpu);
      else {
        x.prio = vavavoom(x.bucket.tokens, x.bucket.p.S);
        cpu.setShares(x.g, niceWeight(x.prio));
      }
    }
  }

  private preview(x: VServerGuest, cpu: HostCpu): void {
    const b = x.scratch;
    b.copyFrom(x.bucket);
    let binding = b.held;
    let ran = false;
    let placeable = 0;
    for (let k = this.first; k < this.end; k++) {
      const r = b.tick(k, x.P);
      if (r >= 0) {
        ran = true;
        placeable += r;
      } else {
        binding = true;
        // Only the first stretch it runs counts: were it to run again after an unhold inside
        // this quantum, the charge could no longer follow the order the preview assumed.
        if (ran) break;
      }
    }
    // Stored whatever the outcome (`before` set 0 and Infinity), the cap computed even when it
    // is not used; perf: same path every time
    const capMs = (Math.max(0, placeable - x.pending) * 1000) / this.hz;
    cpu.gBlocked[x.g] = !ran && binding ? 1 : 0;
    cpu.gCapMs[x.g] = ran && binding ? capMs : Infinity;
  }

  /** Charge what each guest ran, tick by tick; holds and unholds become events. */
  after(cpu: HostCpu, emit: Emit): void {
    const W = this.hz;
    for (const x of this.guests) {
      const start = cpu.gStart[x.g];
      let run = 0;
      for (let v = start; v < start + cpu.gCount[x.g]; v++) run += cpu.cRun[v];
      const used = run - x.lastRunMs;
      x.lastRunMs = run;
      x.usedMs += used;
      x.pending += (used * W) / 1000;
      let held = 0;
      const b = x.bucket;
      for (let k = this.first; k < this.end; k++) {
        const pending = x.pending;
        const want = Math.min(x.P, Math.floor(pending + EPS));
        const isHeld = b.tick(k, want) < 0;
        // Held or not, the same code runs (perf: same path every time): a held tick charges
        // nothing. What it ran before the hold and was not charged
        // yet cannot be: the bucket is empty. (Time used after an unhold in this quantum stays
        // pending for the ticks that follow it.)
        const charged = Math.max(0, pending - want);
        held += isHeld ? 1 : 0;
        x.pending = b.change === 'hold' ? 0 : isHeld ? pending : charged;
        if (b.change) emit((k * 1000) / W, b.change, x.spec.name, this.describe(x, k));
      }
      // updated in place: a new object per guest per quantum only kept the collector busy
      const last = x.quantum;
      last.ticks = this.end - this.first;
      last.held = held;
      last.usedMs = used;
    }
  }

  private describe(x: VServerGuest, k: number): string {
    const { R, T, M } = x.bucket.p;
    const W = this.hz;
    if (x.bucket.change === 'hold') {
      // The kernel's own wake-up estimate: interval * (tokens_min - tokens) / fill_rate ticks.
      const wait = (T * (M - x.bucket.level)) / R / W;
      return `token bucket empty: held until ${M} tokens (${R} every ${T} ticks), about ${fmt(wait)} s`;
    }
    return `${x.bucket.level} tokens again after ${fmt((k - x.bucket.onHold) / W)} s on hold`;
  }
}

function fmt(s: number): string {
  return String(Number(s.toFixed(3)));
}
