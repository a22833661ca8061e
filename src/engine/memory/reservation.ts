// A VM's memory reservation as the host enforces it.

import type { VmSpec } from '../../profile/types.js';

/**
 * A passthrough (DirectPath I/O) VM reserves all its memory: the device may DMA into any guest
 * page, so vSphere locks every page and refuses to power the VM on without a full reservation.
 */
export function memReservation(spec: Pick<VmSpec, 'io' | 'memoryMiB' | 'memReservationMiB'>): number {
  return spec.io === 'passthrough' ? spec.memoryMiB : spec.memReservationMiB;
}
