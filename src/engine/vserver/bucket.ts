// One Linux-VServer context's token bucket, stepped one kernel tick at a time the way
// kernel/vserver/sched.c does it (docs/model/vserver.md, "The algorithm"): every T ticks R tokens
// arrive, the level is clipped at S, an empty bucket puts a hard-scheduled context on hold until it
// holds M again, and every tick a context runs on a CPU costs one token (never below zero).
//
// Tokens stay integers, as in the kernel, so the textbook figures come out exactly.

export interface BucketParams {
  /** fill_rate: tokens added per interval */
  R: number;
  /** interval, ticks */
  T: number;
  /** tokens_max */
  S: number;
  /** tokens_min: the level a held context must reach again */
  M: number;
  /** hard scheduling holds an empty context; soft only lowers its priority */
  hard: boolean;
}

export type BucketChange = 'hold' | 'unhold' | null;

export class TokenBucket {
  tokens: number;
  held = false;
  /** the tick the last fill was due at (the kernel's norm_time) */
  private norm = 0;
  /** cumulative: times put on hold, ticks spent held */
  holds = 0;
  heldTicks = 0;
  /** the tick the current hold began */
  onHold = 0;
  /** what the last `tick` changed, and the level it saw before charging, for the engine's events */
  change: BucketChange = null;
  level = 0;

  constructor(readonly p: BucketParams, initial: number) {
    this.tokens = Math.max(0, Math.min(p.S, initial));
  }

  copyFrom(o: TokenBucket): void {
    this.tokens = o.tokens;
    this.held = o.held;
    this.norm = o.norm;
    this.holds = o.holds;
    this.heldTicks = o.heldTicks;
    this.onHold = o.onHold;
  }

  /**
   * Tick `k` (ticks counted from the start of the simulation): the kernel's recalculation, then
   * up to `run` CPU-ticks charged. Returns the tokens charged, or -1 when the context is held and
   * so runs on no CPU this tick.
   */
  tick(k: number, run: number): number {
    const { R, T, S, M, hard } = this.p;
    let tokens = this.tokens;
    const due = k - this.norm;
    if (due >= T) {
      // Stepped every tick, so the kernel's dropped remainder (norm_time += delta) is always 0.
      const n = Math.floor(due / T);
      tokens += n * R;
      this.norm += n * T;
    }
    if (tokens > S) tokens = S;
    this.level = tokens;
    // Decided in locals, every field written on every tick; perf: same path every time
    const refilled = tokens >= M;
    const empty = tokens <= 0;
    let held = this.held;
    let change: BucketChange = null;
    if (hard) {
      if (held) {
        if (refilled) {
          held = false;
          change = 'unhold';
        }
      } else if (empty) {
        held = true;
        change = 'hold';
      }
    }
    const holdStarts = change === 'hold';
    this.held = held;
    this.change = change;
    this.holds += holdStarts ? 1 : 0;
    this.onHold = holdStarts ? k : this.onHold;
    this.heldTicks += held ? 1 : 0;
    const pay = held ? 0 : run < tokens ? run : tokens;
    this.tokens = tokens - pay;
    return held ? -1 : pay;
  }
}

/**
 * Soft scheduling's priority bonus ("vavavoom", docs/model/vserver.md): +15 for an empty bucket
 * (penalised) down to -5 for a full one (favoured), 0 at half. The kernel truncates its integer
 * division, which would make a full bucket -4; rounding keeps the documented ends (TV-5c).
 */
export function vavavoom(tokens: number, S: number): number {
  if (S <= 0) return 0;
  const d = S - tokens;
  return Math.round((20 * (d * d - (S * S) / 4)) / (S * S));
}

/** The kernel's sched_prio_to_weight, nice -20..19: each step is about 1.25x. */
const NICE_WEIGHT = [
  88761, 71755, 56483, 46273, 36291, 29154, 23254, 18705, 14949, 11916,
  9548, 7620, 6100, 4904, 3906, 3121, 2501, 1991, 1586, 1277,
  1024, 820, 655, 526, 423, 335, 272, 215, 172, 137,
  110, 87, 70, 56, 45, 36, 29, 23, 18, 15,
];

/** Fair-scheduler weight of a context at nice `prio` (0 -> 1024), clamped to -20..19. */
export function niceWeight(prio: number): number {
  const p = prio < -20 ? -20 : prio > 19 ? 19 : Math.round(prio);
  return NICE_WEIGHT[p + 20];
}
