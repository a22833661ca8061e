// A host's datastore: a device that serves a fixed number of commands per second, behind the
// kernel's queue (reference §6.2, monitors §1.6).
//
// Device latency (DAVG) follows an M/M/1 curve in the device's utilization: the base latency at
// idle, rising steeply as the device nears its IOPS limit. Demand the device cannot take waits
// in the kernel, per virtual disk, up to the guest's queue depth (beyond that the guest blocks
// and issues no more); by Little's law the wait is queued / served, which is KAVG. The guest
// sees GAVG = DAVG + KAVG. Served commands are split first come first served, in proportion to
// what each disk asks; once the datastore's latency passes SIOC's threshold, by disk shares.

import type { DiskSpec } from '../../profile/types.js';
import { waterFill } from '../cpu/entitlement.js';
import { IO_SIZE_KIB, KAVG_BASE_MS, MAX_DEVICE_UTILIZATION, SIOC_THRESHOLD_MS, VDISK_QUEUE_DEPTH } from './constants.js';

export class Datastore {
  /** commands per second the device can serve: its IOPS, or its bandwidth at the I/O size */
  readonly capacity: number;
  /** commands waiting in the kernel, per virtual disk */
  readonly queued: Float64Array;
  /** KAVG of each disk over the last step, ms */
  readonly kavg: Float64Array;
  /** DAVG over the last step, ms */
  davg: number;
  /** Storage I/O Control is dividing the device by shares */
  sioc = false;
  private readonly want: Float64Array;
  private readonly zero: Float64Array;

  constructor(readonly spec: DiskSpec, readonly n: number) {
    this.capacity = Math.min(spec.iops, (spec.bandwidthMiBs * 1024) / IO_SIZE_KIB);
    this.queued = new Float64Array(n);
    this.kavg = new Float64Array(n).fill(KAVG_BASE_MS);
    this.want = new Float64Array(n);
    this.zero = new Float64Array(n);
    this.davg = spec.latencyMs;
  }

  /**
   * Advance `dtMs`: `offered[i]` new commands per second from disk i; `served[i]` receives the
   * commands per second the device completes for it. Latencies are updated for the step.
   */
  step(offered: Float64Array, shares: Float64Array, dtMs: number, served: Float64Array): void {
    const dtS = dtMs / 1000;
    const { n, want, queued } = this;
    let total = 0;
    for (let i = 0; i < n; i++) {
      want[i] = offered[i] + queued[i] / dtS;
      total += want[i];
    }
    const cap = this.capacity;
    if (this.sioc && total > cap) waterFill(n, want, this.zero, shares, cap, served);
    else {
      const k = total > cap ? cap / total : 1;
      for (let i = 0; i < n; i++) served[i] = want[i] * k;
    }
    let done = 0;
    for (let i = 0; i < n; i++) {
      const q = queued[i] + (offered[i] - served[i]) * dtS;
      queued[i] = q < 1e-9 ? 0 : q > VDISK_QUEUE_DEPTH ? VDISK_QUEUE_DEPTH : q;
      done += served[i];
    }
    const rho = Math.min(done / cap, MAX_DEVICE_UTILIZATION);
    this.davg = this.spec.latencyMs / (1 - rho);
    let weighted = 0;
    for (let i = 0; i < n; i++) {
      this.kavg[i] = KAVG_BASE_MS + (served[i] > 0 ? (queued[i] / served[i]) * 1000 : 0);
      weighted += served[i] * (this.davg + this.kavg[i]);
    }
    // SIOC watches the latency the hosts see on the datastore, weighted by commands.
    this.sioc = done > 0 && weighted / done > SIOC_THRESHOLD_MS;
  }
}
