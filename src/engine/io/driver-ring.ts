// A routed guest's disk commands while its driver partition is down: those no back end took wait
// in blkfront's ring, at most the virtual disk's queue depth (beyond, the guest blocks and issues
// none), with the time they have waited so far, command-ms. When the partition is back the ring is
// posted to the datastore at once, and that wait is counted into KAVG with it.

import { IO_STEP_MS, VDISK_QUEUE_DEPTH } from './constants.js';

export class DriverRing {
  /** per VM doing I/O: commands in its ring */
  readonly held: Float64Array;
  /** the time they have waited so far, command-ms */
  readonly ageMs: Float64Array;

  constructor(n: number) {
    this.held = new Float64Array(n);
    this.ageMs = new Float64Array(n);
  }

  /** The partition is down this step: VM k's `offered` commands/s join its ring. How full it is, 0..1. */
  hold(k: number, offered: number): number {
    this.ageMs[k] += this.held[k] * IO_STEP_MS;
    this.held[k] = Math.min(VDISK_QUEUE_DEPTH, this.held[k] + (offered * IO_STEP_MS) / 1000);
    return this.held[k] / VDISK_QUEUE_DEPTH;
  }

  /** The partition is back: VM k's ring as commands/s posted this step (read `ageMs[k]` first). */
  release(k: number): number {
    const rate = (this.held[k] * 1000) / IO_STEP_MS;
    this.held[k] = 0;
    this.ageMs[k] = 0;
    return rate;
  }

  /** VM `to` carries on from VM `from` of `old` (the host's groups changed). */
  adopt(old: DriverRing, from: number, to: number): void {
    this.held[to] = old.held[from];
    this.ageMs[to] = old.ageMs[from];
  }
}
