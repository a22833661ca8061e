// Pressure stall information (docs/model/containers.md, "PSI: some and full"): share of time some
// task of the cgroup was stalled, averaged the way kernel/sched/psi.c does it — every 2 s, in
// 11-bit fixed point with the loadavg rounding (calc_load), so the figures match what
// /sys/fs/cgroup/*/cpu.pressure shows.

import { AS_DOUBLE } from '../shapes.js';
import { PSI_PERIOD_MS } from './constants.js';
import { EPS } from '../../eps.js';

const FIXED_1 = 2048;
/** e^(-2/10), e^(-2/60), e^(-2/300) in 11-bit fixed point */
export const EXP_10S = 1677;
export const EXP_60S = 1981;
export const EXP_300S = 2034;

/** kernel/sched/loadavg.c calc_load: round up while rising so a steady 100 % reaches 100. */
export function calcLoad(load: number, exp: number, active: number): number {
  let next = load * exp + active * (FIXED_1 - exp);
  if (active >= load) next += FIXED_1 - 1;
  return Math.floor(next / FIXED_1);
}

/** LOAD_INT.LOAD_FRAC: the percentage with two decimals, truncated, as the file prints it. */
function printed(avg: number): number {
  return Math.floor(avg / FIXED_1) + Math.floor(((avg % FIXED_1) * 100) / FIXED_1) / 100;
}

export class Psi {
  /** fixed-point averages: percent × 2048 */
  private readonly avg = [0, 0, 0];
  // perf: double field
  /** cumulative stall time, µs (the `total=` field) */
  totalUs = AS_DOUBLE;
  private windowStallMs = AS_DOUBLE;
  private windowMs = AS_DOUBLE;

  constructor() {
    this.totalUs = this.windowStallMs = this.windowMs = 0;
  }

  /** `stallMs` of the last `ms` had some task stalled. */
  add(stallMs: number, ms: number): void {
    // perf: no allocation
    const s = Math.min(Math.max(stallMs, 0), ms);
    this.totalUs += s * 1000;
    this.windowStallMs += s;
    this.windowMs += ms;
    if (this.windowMs >= PSI_PERIOD_MS - EPS) {
      // pct = time * 100 / period in whole percent, then to fixed point (calc_avgs)
      const pct = Math.floor((this.windowStallMs * 100) / this.windowMs + EPS) * FIXED_1;
      this.avg[0] = calcLoad(this.avg[0], EXP_10S, pct);
      this.avg[1] = calcLoad(this.avg[1], EXP_60S, pct);
      this.avg[2] = calcLoad(this.avg[2], EXP_300S, pct);
      this.windowStallMs = 0;
      this.windowMs = 0;
    }
  }

  get avg10(): number {
    return printed(this.avg[0]);
  }

  get avg60(): number {
    return printed(this.avg[1]);
  }

  get avg300(): number {
    return printed(this.avg[2]);
  }
}
