// What a guest asks of its vCPUs over time: the profile's workload (level, busy threads,
// pattern) plus any `load` commands in force, plus the guest kernel's own housekeeping.

import type { Pattern, WorkloadSpec } from '../../profile/types.js';
import type { Rng } from '../rng.js';

/** Timer interrupts and kernel threads keep every guest vCPU a little busy [assumption]. */
export const GUEST_HOUSEKEEPING = 0.01;
/** A bursty workload between bursts runs at this fraction of its level [assumption]. */
const BURSTY_BACKGROUND = 0.05;

export interface ActiveLoad {
  cpu: number;
  threads: number;
  /** extra working set, MiB */
  activeMiB: number;
  untilMs: number;
}

export class WorkloadState {
  private burstOn = false;
  private burstUntilMs = 0;
  readonly loads: ActiveLoad[] = [];
  /** the pattern's multiplier in the last quantum filled; the I/O model follows it */
  level = 1;
  /** stunned for a migration's stop-and-copy: the guest runs nothing, its vCPUs wait */
  stunned = false;

  constructor(
    readonly spec: WorkloadSpec,
    readonly vcpus: number,
    private readonly rng: Rng,
    private readonly housekeeping = GUEST_HOUSEKEEPING,
  ) {}

  /** The pattern's multiplier of `cpu` at time t. */
  factor(tMs: number): number {
    return patternFactor(this.spec.pattern, tMs, this.spec.periodMs, this);
  }

  /** Bursts are an on/off process with exponential durations drawn from the seeded source. */
  burstFactor(tMs: number): number {
    if (tMs >= this.burstUntilMs) {
      this.burstOn = !this.burstOn;
      const mean = this.spec.periodMs * (this.burstOn ? 0.25 : 0.75);
      this.burstUntilMs = tMs + Math.max(1, this.rng.exponential(mean));
    }
    return this.burstOn ? 1 : BURSTY_BACKGROUND;
  }

  /**
   * Write each vCPU's demand (fraction of one pCPU) into `out` from `offset`, and into `useful`
   * the part of it that is application work rather than guest housekeeping.
   */
  fill(tMs: number, out: Float64Array, useful: Float64Array, offset: number): void {
    this.level = this.factor(tMs);
    // a stunned guest asks for nothing (a multiplication, not a branch: this runs every quantum)
    const on = this.stunned ? 0 : 1;
    const base = this.spec.cpu * this.level;
    const threads = this.spec.threads;
    const hk = this.housekeeping;
    const loads = this.loads;
    const nl = loads.length;
    const n = this.vcpus;
    for (let i = 0; i < n; i++) {
      let app = i < threads ? base : 0;
      for (let k = 0; k < nl; k++) if (i < loads[k].threads) app += loads[k].cpu;
      const d = (hk + app) * on;
      out[offset + i] = d > 1 ? 1 : d;
      useful[offset + i] = d > 0 ? app / d : 0;
    }
  }

  /** Working set the injected loads add, MiB. */
  extraActiveMiB(): number {
    let x = 0;
    for (const l of this.loads) x += l.activeMiB;
    return x;
  }

  /** Drop loads whose time is up; returns them so the engine can log their end. */
  expire(tMs: number): ActiveLoad[] {
    const ended: ActiveLoad[] = [];
    for (let i = this.loads.length - 1; i >= 0; i--) {
      if (this.loads[i].untilMs <= tMs) ended.push(...this.loads.splice(i, 1));
    }
    return ended;
  }
}

function patternFactor(pattern: Pattern, tMs: number, periodMs: number, state: WorkloadState): number {
  switch (pattern) {
    case 'steady': return 1;
    case 'idle': return 0;
    case 'sine': return 0.5 * (1 + Math.sin((2 * Math.PI * tMs) / periodMs));
    case 'bursty': return state.burstFactor(tMs);
  }
}
