// memory.high throttling (docs/model/containers.md, "Memory"; mm/memcontrol.c): a cgroup above its
// high boundary sleeps on each return to user space, longer the further above it is —
// quadratically, so a small overage is nearly free and a large one stalls the cgroup without
// killing it.

import { MAX_HIGH_DELAY_MS, MIN_HIGH_DELAY_MS } from './constants.js';

/** HZ of the kernel whose jiffies the delay is computed in; 1000 makes a jiffy a millisecond. */
const HZ = 1000;
const PRECISION_SHIFT = 2 ** 20; // MEMCG_DELAY_PRECISION_SHIFT
const SCALING_SHIFT = 2 ** 14; // MEMCG_DELAY_SCALING_SHIFT

/** calculate_overage: (usage - high) / high in 20-bit fixed point. Above 2x the delay is clamped anyway. */
function overage(usage: number, high: number): number {
  if (usage <= high) return 0;
  const h = Math.max(high, 1 / 256); // at least a page, as the kernel guards division by zero
  return Math.floor(Math.min((usage - h) / h, 2) * PRECISION_SHIFT);
}

/** calculate_high_delay for one nominal charge batch, ms, before the clamp and the skip. */
export function highPenaltyMs(usageMiB: number, highMiB: number): number {
  const o = overage(usageMiB, highMiB);
  return Math.floor((o * o * HZ) / PRECISION_SHIFT / SCALING_SHIFT);
}

/** What a charge batch really sleeps: nothing up to 10 ms, at most 2 s. */
export function highSleepMs(usageMiB: number, highMiB: number): number {
  const p = highPenaltyMs(usageMiB, highMiB);
  return p <= MIN_HIGH_DELAY_MS ? 0 : Math.min(p, MAX_HIGH_DELAY_MS);
}

/**
 * Share of its time a cgroup charging `chargeMiBs` sleeps when each batch of `batchMiB` costs
 * `sleepMs`: charges happen only while awake, so the stall s solves s = k (1 - s), k = rate·sleep/batch.
 */
export function highStall(chargeMiBs: number, batchMiB: number, sleepMs: number): number {
  if (sleepMs <= 0 || chargeMiBs <= 0) return 0;
  const k = (chargeMiBs * sleepMs) / 1000 / batchMiB;
  return k / (1 + k);
}
