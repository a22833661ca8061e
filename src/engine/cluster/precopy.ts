// Iterative pre-copy (docs/model/cluster.md, "Pre-copy rounds"). Round 0 sends all of the VM's
// memory; each later round resends what the guest dirtied while the previous one was on the wire.
// The rounds stop when what is left fits the downtime goal (converged), when they stop shrinking
// (the dirty set grew), after a number of rounds, or once the traffic passes a multiple of the
// memory (Xen's DEF_MAX_ITERS and DEF_MAX_FACTOR); then the VM is paused and the rest is sent
// (stop-and-copy).
//
// Units are the caller's: memory in one unit (MB or MiB), rates in that unit per second.

/** Xen's limits (tools/libxc/xc_domain_save.c): at most 30 rounds, never more than 3x the memory. */
export const MAX_ROUNDS = 30;
export const MAX_FACTOR = 3;

export interface PrecopyParams {
  /** the VM's memory */
  memory: number;
  /** allowed downtime, s: switch over once what is left can be sent in this */
  downtimeS: number;
  maxRounds?: number;
  maxFactor?: number;
  /** CPU and device state sent with the last pages */
  stateSize?: number;
  /** time to resume the VM on the target after the last byte, s */
  resumeS?: number;
  /**
   * ESXi's Stun During Page Send: from round 1 on, the guest's vCPUs sleep in short slices so
   * that it dirties at most `sdps` x the transmit rate; the pre-copy then always converges and
   * none of Xen's limits apply. Absent: Xen's rules.
   */
  sdps?: number;
}

export type StopReason = 'converged' | 'diverging' | 'max-rounds' | 'max-factor';

/** Why the pre-copy stops after a round that leaves `next` to send (null: go on). */
export function stopReason(p: PrecopyParams, rate: number, round: number, prev: number, next: number, sent: number): StopReason | null {
  if (next <= rate * p.downtimeS) return 'converged';
  if (p.sdps !== undefined) return null; // SDPS slows the guest until it converges
  if (next > prev) return 'diverging';
  if (round + 1 >= (p.maxRounds ?? MAX_ROUNDS)) return 'max-rounds';
  if (sent > (p.maxFactor ?? MAX_FACTOR) * p.memory) return 'max-factor';
  return null;
}

/** One pre-copy in progress, advanced in steps of time with the rate and dirty rate of the moment. */
export class PrecopyRun {
  phase: 'copy' | 'stop' | 'done' = 'copy';
  /** pre-copy round in progress (0 = the full copy); the stop-and-copy is counted as one more */
  round = 0;
  /** size of this round and what of it is still to send */
  size: number;
  left: number;
  /** dirtied since this round began */
  dirtied = 0;
  sent = 0;
  elapsedS = 0;
  downtimeS = 0;
  reason: StopReason | null = null;
  /** share of the time the guest's vCPUs sleep now (SDPS), 0..1 */
  sleep = 0;
  /** seconds of the guest's time slept so far (SDPS) */
  sleptS = 0;
  /** the volume of every round sent or in progress, the stop-and-copy last */
  readonly rounds: number[];

  constructor(readonly p: PrecopyParams) {
    this.size = this.left = p.memory;
    this.rounds = [p.memory];
  }

  /** Share of the work done, 0..1, counting the memory once (what a progress bar shows). */
  get progress(): number {
    if (this.phase === 'done') return 1;
    if (this.round === 0 && this.phase === 'copy') return 0.9 * (1 - this.left / this.size);
    return this.phase === 'stop' ? 0.95 + 0.05 * (1 - this.left / Math.max(this.size, 1e-9)) : 0.9;
  }

  /** Advance `dtS` seconds at `rate` with the guest dirtying `dirty` per second (while it runs). */
  advance(dtS: number, rate: number, dirty: number): void {
    const M = this.p.memory;
    let dt = dtS;
    while (dt > 0 && this.phase !== 'done') {
      const need = rate > 0 ? this.left / rate : Infinity;
      const t = Math.min(dt, need);
      this.elapsedS += t;
      this.sent += rate * t;
      this.left -= rate * t;
      dt -= t;
      if (this.phase === 'stop') {
        this.downtimeS += t;
        if (t < need) break;
        this.left = 0;
        this.downtimeS += this.p.resumeS ?? 0;
        this.elapsedS += this.p.resumeS ?? 0;
        this.phase = 'done';
        break;
      }
      // SDPS: past the full copy, a guest that dirties faster than the pre-copy can shrink sleeps
      const sdps = this.p.sdps;
      const f = sdps !== undefined && this.round > 0 && dirty > sdps * rate ? (sdps * rate) / dirty : 1;
      this.sleep = 1 - f;
      this.sleptS += (1 - f) * t;
      this.dirtied = Math.min(M, this.dirtied + dirty * f * t);
      if (t < need) break;
      // the round is on the target: what was dirtied meanwhile is the next one
      this.left = 0;
      const next = this.dirtied;
      this.reason = stopReason(this.p, rate, this.round, this.size, next, this.sent);
      this.round++;
      this.dirtied = 0;
      if (this.reason === null) {
        this.size = this.left = next;
      } else {
        this.phase = 'stop';
        this.sleep = 0;
        this.size = this.left = next + (this.p.stateSize ?? 0);
      }
      this.rounds.push(this.size);
    }
  }
}

export interface PrecopyPlan {
  /** volumes of the pre-copy rounds, then the stop-and-copy */
  rounds: number[];
  /** rounds before the stop-and-copy */
  precopyRounds: number;
  total: number;
  timeS: number;
  downtimeS: number;
  reason: StopReason;
}

/** The whole migration at a constant rate and dirty rate: the closed form, step by step. */
export function planPrecopy(p: PrecopyParams, rate: number, dirty: number): PrecopyPlan {
  const run = new PrecopyRun(p);
  if (rate <= 0) throw new Error('planPrecopy: rate must be above 0');
  run.advance(Infinity, rate, dirty);
  return {
    rounds: run.rounds, precopyRounds: run.rounds.length - 1, total: run.sent,
    timeS: run.elapsedS, downtimeS: run.downtimeS, reason: run.reason ?? 'converged',
  };
}
