// What a guest asks of its vCPUs over time: the profile's workload (level, busy threads,
// pattern) plus any `load` commands in force, plus the guest kernel's own housekeeping.

import type { WorkloadSpec } from '../../profile/types.js';
import { AS_DOUBLE } from '../shapes.js';
import type { Rng } from '../rng.js';
import { GUEST_HOUSEKEEPING } from '../../profile/housekeeping.js';

/** the default a VM's `workload.housekeeping` takes (profile/housekeeping.ts) */
export { GUEST_HOUSEKEEPING };

/** A bursty workload between bursts runs at this fraction of its level [assumption]. */
const BURSTY_BACKGROUND = 0.05;

/** A `load` command in force. A class, so every load has one shape whatever its numbers. */
export class ActiveLoad {
  // AS_DOUBLE: a fraction, or a whole 100 %, stored the same way by V8 (see ../shapes.ts)
  readonly cpu: number = AS_DOUBLE;
  readonly activeMiB: number = AS_DOUBLE;

  constructor(
    cpu: number,
    readonly threads: number,
    /** extra working set, MiB */
    activeMiB: number,
    readonly untilMs: number,
  ) {
    this.cpu = cpu;
    this.activeMiB = activeMiB;
  }
}

/**
 * A load that adds nothing (no CPU, no threads, no memory) and never ends, first in every
 * workload's `loads`. The loops over the loads so run from the first quantum, and a real `load`
 * command then runs no code V8 has not already seen: the first one would otherwise throw away
 * the engine's optimised step (V8 compiles code it has never seen run as a deoptimisation).
 */
const IDLE_LOAD = new ActiveLoad(0, 0, 0, Infinity);

export class WorkloadState {
  private burstOn = false;
  /** declared AS_DOUBLE so that V8 stores it as a double from the start (set in the constructor) */
  private burstUntilMs = AS_DOUBLE;
  /** the `load` commands in force, after IDLE_LOAD */
  readonly loads: ActiveLoad[] = [IDLE_LOAD];
  /**
   * When the first of the loads ends (Infinity without loads): the engine checks this number
   * every quantum rather than the list, so nothing new runs in its hot loop when a load starts.
   * Declared AS_DOUBLE and set in the constructor: a field written a second time there is not
   * taken by V8 for a constant, which the first `load` would otherwise have to undo.
   */
  nextEndMs = AS_DOUBLE;
  /** the pattern's multiplier in the last quantum filled; the I/O model follows it (AS_DOUBLE: as above) */
  level = AS_DOUBLE;
  /** setFactor's result (AS_DOUBLE: as above) */
  private factorAt = AS_DOUBLE;
  /**
   * A JVM warming up: its CPU for the profile's work over what compiled code needs (1 otherwise),
   * set by the engine at each memory step from the JVM model (AS_DOUBLE: as above).
   */
  jit = AS_DOUBLE;
  /** stunned for a migration's stop-and-copy: the guest runs nothing, its vCPUs wait */
  stunned = false;
  /**
   * rebooting after a reset: no work until the boot is over. Its own flag, not `stunned`: a
   * migration that ends during the boot lifts its stun and must not end the boot with it.
   */
  booting = false;

  constructor(
    readonly spec: WorkloadSpec,
    readonly vcpus: number,
    private readonly rng: Rng,
    private readonly housekeeping = GUEST_HOUSEKEEPING,
  ) {
    this.burstUntilMs = 0;
    this.level = 1;
    this.factorAt = 1;
    this.jit = 1;
    this.nextEndMs = Infinity;
  }

  /** The guest runs nothing now: stunned by a migration or booting after a reset. */
  get halted(): boolean {
    return this.stunned || this.booting;
  }

  /** The pattern's multiplier of `cpu` at time t. */
  factor(tMs: number): number {
    this.setFactor(tMs);
    return this.factorAt;
  }

  /**
   * The pattern's multiplier at t, into `factorAt`: stored, not returned, because a fraction
   * returned from a call V8 does not inline is allocated afresh, for every group every quantum.
   */
  private setFactor(tMs: number): void {
    const spec = this.spec;
    switch (spec.pattern) {
      case 'steady': this.factorAt = 1; return;
      case 'idle': this.factorAt = 0; return;
      case 'sine': this.factorAt = 0.5 * (1 + Math.sin((2 * Math.PI * tMs) / spec.periodMs)); return;
      case 'bursty': this.factorAt = this.burstOnAt(tMs) ? 1 : BURSTY_BACKGROUND; return;
    }
  }

  /** Bursts are an on/off process with exponential durations drawn from the seeded source. */
  private burstOnAt(tMs: number): boolean {
    if (tMs >= this.burstUntilMs) {
      this.burstOn = !this.burstOn;
      const mean = this.spec.periodMs * (this.burstOn ? 0.25 : 0.75);
      this.burstUntilMs = tMs + Math.max(1, this.rng.exponential(mean));
    }
    return this.burstOn;
  }

  /**
   * Write each vCPU's demand (fraction of one pCPU) into `out` from `offset`, and into `useful`
   * the part of it that is application work rather than guest housekeeping.
   */
  fill(tMs: number, out: Float64Array, useful: Float64Array, offset: number, collecting = false): void {
    this.setFactor(tMs);
    this.level = this.factorAt;
    // a stunned or booting guest asks for nothing (a multiplication, not a branch: this runs every quantum)
    const on = this.halted ? 0 : 1;
    const base = this.spec.cpu * this.level;
    // interpreted bytecode and the JIT compiler's own work, over the same application work
    const warming = base * (this.jit - 1);
    const threads = this.spec.threads;
    const hk = this.housekeeping;
    const loads = this.loads;
    const nl = loads.length;
    const n = this.vcpus;
    for (let i = 0; i < n; i++) {
      let app = i < threads ? base : 0;
      const jvm = i < threads ? warming : 0;
      // adds 0 for a load on fewer threads, rather than skip it: the same code runs for IDLE_LOAD
      for (let k = 0; k < nl; k++) {
        const l = loads[k];
        const cpu = l.cpu;
        app += i < l.threads ? cpu : 0;
      }
      // the JIT's share is the guest's CPU but not the application's progress (useful)
      const d = (hk + app + jvm) * on;
      // a JVM collecting garbage keeps every vCPU busy, stunned or not
      out[offset + i] = collecting ? 1 : d > 1 ? 1 : d;
      useful[offset + i] = d > 0 ? app / d : 0;
    }
  }

  /**
   * A load that stays: what a security appliance spends on the VMs it watches. It takes the place
   * of IDLE_LOAD, first in `loads`, so the loops run exactly as before and `expire` never ends it.
   */
  setStanding(cpu: number, threads: number, activeMiB: number): void {
    this.loads[0] = new ActiveLoad(cpu, threads, activeMiB, Infinity);
  }

  /** Working set the injected loads add, MiB. */
  extraActiveMiB(): number {
    let x = 0;
    for (const l of this.loads) x += l.activeMiB;
    return x;
  }

  /** Add a `load` command's work, from now until `untilMs`. */
  addLoad(cpu: number, threads: number, activeMiB: number, untilMs: number): void {
    this.loads.push(new ActiveLoad(cpu, threads, activeMiB, untilMs));
    this.nextEndMs = Math.min(this.nextEndMs, untilMs);
  }

  /** Drop loads whose time is up; returns how many, so the engine can log their end. */
  expire(tMs: number): number {
    if (tMs < this.nextEndMs) return 0;
    const loads = this.loads;
    let ended = 0;
    let next = Infinity;
    for (let i = loads.length - 1; i >= 0; i--) {
      if (loads[i].untilMs <= tMs) {
        loads.splice(i, 1);
        ended++;
      } else next = Math.min(next, loads[i].untilMs);
    }
    this.nextEndMs = next;
    return ended;
  }
}

/**
 * The steady load of a host's own system group (a driver partition, a type-2 host's OS). Its keys
 * are a parsed profile workload's, in the same order: V8 then gives it the same hidden class, so
 * `fill` never meets a second kind of workload (which deoptimised it once the first I/O arrived).
 */
export function systemWorkload(cpu: number, threads: number): WorkloadSpec {
  return {
    type: 'generic', heapMiB: 0, jitWarmupMs: 0, cpu, threads, pattern: 'steady', periodMs: 60_000, activeMiB: 0, dirtyMiBs: 0,
    netMbit: 0, netRxMbit: 0, iops: 0, housekeeping: 0,
  };
}
