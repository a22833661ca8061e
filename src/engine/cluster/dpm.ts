// DPM (docs/model/cluster.md, "DPM"): keep each host's utilisation within 63 % ± 18 %, i.e.
// 45–81 %. When every host's CPU and memory demand stays below 45 % (over 40 minutes), hosts are
// evacuated and put in standby, one at a time while the hosts left would still be below 45 %; when
// CPU or memory is above 81 % on every host (over 5 minutes), a standby host is powered on again.

export const DPM_TARGET = 0.63;
export const DPM_TOLERANCE = 0.18;
export const DPM_LOW = DPM_TARGET - DPM_TOLERANCE;
export const DPM_HIGH = DPM_TARGET + DPM_TOLERANCE;
/** history DPM looks at before powering a host off, and on */
export const DPM_OFF_WINDOW_MS = 40 * 60_000;
export const DPM_ON_WINDOW_MS = 5 * 60_000;

export interface HostDemand {
  /** CPU and memory demand, fractions of the host's capacity */
  cpu: number;
  mem: number;
}

/**
 * How many hosts can go to standby: one after the other while every host is below the low mark
 * in both CPU and memory, the load of the hosts left spread evenly over them (TV-7.4).
 */
export function hostsToPowerOff(hosts: readonly HostDemand[]): number {
  let n = hosts.length;
  const cpu = hosts.reduce((a, h) => a + h.cpu, 0);
  const mem = hosts.reduce((a, h) => a + h.mem, 0);
  let off = 0;
  let below = hosts.every((h) => h.cpu < DPM_LOW && h.mem < DPM_LOW);
  while (below && n > 1) {
    off++;
    n--;
    below = cpu / n < DPM_LOW && mem / n < DPM_LOW;
  }
  return off;
}

/** Power a host on when CPU or memory is above the high mark on every host that is up. */
export function needsPowerOn(hosts: readonly HostDemand[]): boolean {
  return hosts.length > 0 && hosts.every((h) => h.cpu > DPM_HIGH || h.mem > DPM_HIGH);
}
