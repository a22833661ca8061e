// Host memory states: minFree on vSphere 5+'s sliding scale, and the state free memory puts the
// host in (vSphere 6+: high, clear, soft, hard, low), with a small hysteresis band so that the
// state does not flap at a boundary. docs/model/memory.md settles the table and its sources.

import type { MemState } from '../snapshot.js';
import { EPS } from '../../eps.js';

/** minFree in MiB: 6% of the first 4 GiB, 4% of the next 8, 2% of the next 16, 1% of the rest. */
export function minFreeMiB(hostMiB: number): number {
  const bands: [number, number][] = [[4096, 0.06], [8192, 0.04], [16384, 0.02], [Infinity, 0.01]];
  let left = hostMiB;
  let total = 0;
  for (const [size, pct] of bands) {
    const part = Math.min(left, size);
    total += part * pct;
    left -= part;
    if (left <= 0) break;
  }
  return total;
}

/** Best state first. */
export const MEM_STATES: readonly MemState[] = ['high', 'clear', 'soft', 'hard', 'low'];

/**
 * Lower bound of each state, free memory as a multiple of minFree (vSphere 6+): high from 400%,
 * clear from 100% (a real host reads clear at 143%), soft from 64%, hard from 32%, low below.
 */
export const STATE_FLOOR: Readonly<Record<MemState, number>> = { high: 4, clear: 1, soft: 0.64, hard: 0.32, low: 0 };

/** Upper bound of each state without hysteresis: the floor of the next better one. */
export const STATE_CEILING: Readonly<Record<MemState, number>> = { high: Infinity, clear: 4, soft: 1, hard: 0.64, low: 0.32 };

/**
 * [assumption] A host climbs to a better state only once free memory clears that state's floor by
 * this much (a multiple of minFree); it falls to a worse one at the boundary itself.
 */
export const HYSTERESIS = 0.05;

/** The state for `freeMiB` ignoring where the host was. */
function band(x: number): MemState {
  for (const st of MEM_STATES) if (x >= STATE_FLOOR[st]) return st;
  return 'low';
}

/** The state for `freeMiB`, given the previous state (for hysteresis). */
export function memState(freeMiB: number, minFree: number, prev: MemState = 'high'): MemState {
  const x = freeMiB / minFree;
  const s = band(x);
  if (!worse(prev, s)) return s; // the same or worse: at the boundary itself
  // Better: the best state whose floor free memory clears by the margin, never worse than before.
  for (const st of MEM_STATES) {
    if (st === prev) return prev;
    if (x >= STATE_FLOOR[st] + HYSTERESIS) return st;
  }
  return prev;
}

/** True when `a` is a worse (more reclaiming) state than `b`. */
export function worse(a: MemState, b: MemState): boolean {
  return MEM_STATES.indexOf(a) > MEM_STATES.indexOf(b);
}

/** Whether `state` may be shown with free memory `freeMiB`: within its band plus the hysteresis. */
export function inBand(state: MemState, freeMiB: number, minFree: number): boolean {
  const x = freeMiB / minFree;
  return x >= STATE_FLOOR[state] - EPS && x < STATE_CEILING[state] + HYSTERESIS + EPS;
}
