// Host memory states (reference model §2.7): minFree on vSphere 5+'s sliding scale, and the state
// free memory puts the host in, with hysteresis so that it does not flap at a boundary.

import type { MemState } from '../snapshot.js';

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

/** Lower bound of each state, as a multiple of minFree (vSphere 6.x). */
const LOWER: Record<MemState, number> = { high: 1, clear: 0.64, soft: 0.32, hard: 0.16, low: 0 };
const ORDER: MemState[] = ['high', 'clear', 'soft', 'hard', 'low'];
/** A host climbs back to a better state only when free memory clears the boundary by this much. */
const HYSTERESIS = 0.15;

/** The state for `freeMiB`, given the previous state (for hysteresis). */
export function memState(freeMiB: number, minFree: number, prev: MemState = 'high'): MemState {
  const x = freeMiB / minFree;
  let s: MemState = 'low';
  for (const st of ORDER) {
    if (x >= LOWER[st]) { s = st; break; }
  }
  // Improving needs the extra margin; worsening happens at the boundary itself.
  if (ORDER.indexOf(s) < ORDER.indexOf(prev) && x < LOWER[s] + HYSTERESIS) {
    return ORDER[ORDER.indexOf(s) + 1];
  }
  return s;
}

/** True when `a` is a worse (more reclaiming) state than `b`. */
export function worse(a: MemState, b: MemState): boolean {
  return ORDER.indexOf(a) > ORDER.indexOf(b);
}
