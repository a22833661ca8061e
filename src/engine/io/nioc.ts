// Network I/O Control (docs/model/io.md, "Network: NIOC and passthrough NICs"): on a saturated link
// each claimant gets bandwidth in proportion to its shares, never more than it asks for, and what a
// satisfied claimant leaves goes to the others. That is the same water-filling as CPU entitlements,
// without reservations.

import { waterFill } from '../cpu/entitlement.js';

/**
 * Split `capacity` (Mbit/s) among `n` claimants: `got[i]` receives what claimant i may send and
 * the return value is the total dropped (demand above the link's capacity).
 */
export function shareBandwidth(
  n: number,
  want: Float64Array,
  shares: Float64Array,
  capacity: number,
  got: Float64Array,
  noReservation: Float64Array,
): number {
  waterFill(n, want, noReservation, shares, capacity, got);
  let dropped = 0;
  for (let i = 0; i < n; i++) dropped += want[i] - got[i];
  return dropped > 0 ? dropped : 0;
}
