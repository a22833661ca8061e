// A host's datastore: a device that serves a fixed number of commands per second, behind the
// kernel's queue (docs/model/io.md, "Disk: SIOC and queues").
//
// Device latency (DAVG) follows an M/M/1 curve in the device's utilization: the base latency at
// idle, rising steeply as the device nears its IOPS limit. Demand the device cannot take waits
// in the kernel, per virtual disk, up to the guest's queue depth (beyond that the guest blocks
// and issues no more); by Little's law the wait is queued / served, which is KAVG. The guest
// sees GAVG = DAVG + KAVG. Served commands are split first come first served, in proportion to
// what each disk asks; once the datastore's latency passes SIOC's threshold, by disk shares.

import type { DiskSpec } from '../../profile/types.js';
import { AS_DOUBLE } from '../shapes.js';
import { waterFill } from '../cpu/entitlement.js';
import { DEVICE_QUEUE_DEPTH, IO_SIZE_KIB, IO_STEP_MS, KAVG_BASE_MS, MAX_DEVICE_UTILIZATION, SIOC_THRESHOLD_MS, VDISK_QUEUE_DEPTH } from './constants.js';
import { EPS } from '../../eps.js';

/**
 * A claimant of the device besides the host's own VMs' disks: the disk of a VM that runs on
 * another host (moved here by Storage vMotion), or a Storage vMotion's copy stream (the data
 * mover reading the source, writing the target plus the mirrored guest writes). Whoever posts it
 * sets `offered`, `shares` and `postedMs` every I/O step; the datastore's step fills in the rest.
 */
export interface ForeignDisk {
  /** commands per second offered now (a copy stream: command equivalents, see Storage vMotion) */
  offered: number;
  shares: number;
  /** a stream issues no more than it is given (nothing queues); a disk queues like the host's own */
  stream: boolean;
  /** simulated ms it was last posted: one silent for more than an I/O step is dropped */
  postedMs: number;
  /** commands per second the device served it in the last step, its backlog, and its KAVG, ms */
  served: number;
  queued: number;
  kavg: number;
}

export function foreignDisk(stream: boolean, shares: number): ForeignDisk {
  return { offered: 0, shares, stream, postedMs: 0, served: 0, queued: 0, kavg: KAVG_BASE_MS };
}

const NO_FOREIGN: readonly ForeignDisk[] = [];

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
  /**
   * The latency the hosts saw on the datastore over the last step, command-weighted DAVG + KAVG
   * (what SIOC watches, and what Storage DRS samples), ms; the device's own latency when idle.
   */
  observedMs: number;
  /** commands per second it served in the last step, every claimant together */
  servedIops: number;
  /**
   * Commands in the device over the last step (esxtop ACTV): by Little's law served x DAVG, at
   * most its queue depth; `activeShare` scales a disk's served x DAVG to its part of it.
   */
  // perf: double field
  active = AS_DOUBLE;
  activeShare = AS_DOUBLE;
  /**
   * Claimants from elsewhere, by key. Shared with the next Datastore of this host when its groups
   * change (HostIo.adopt), so what other hosts and the cluster posted survives a relayout.
   */
  foreign = new Map<string, ForeignDisk>();
  /** step's scratch, one slot per claimant (own disks, then foreign ones) */
  private want: Float64Array;
  private zero: Float64Array;
  private sh: Float64Array;
  private got: Float64Array;

  constructor(readonly spec: DiskSpec, readonly n: number) {
    this.capacity = Math.min(spec.iops, (spec.bandwidthMiBs * 1024) / IO_SIZE_KIB);
    this.queued = new Float64Array(n);
    this.kavg = new Float64Array(n).fill(KAVG_BASE_MS);
    this.want = new Float64Array(n);
    this.zero = new Float64Array(n);
    this.sh = new Float64Array(n);
    this.got = new Float64Array(n);
    // perf: double field
    this.davg = AS_DOUBLE;
    this.davg = spec.latencyMs;
    this.active = 0;
    this.activeShare = 1;
    // perf: double field
    this.observedMs = AS_DOUBLE;
    this.observedMs = spec.latencyMs;
    // perf: double field
    this.servedIops = AS_DOUBLE;
    this.servedIops = 0;
  }

  /**
   * Advance `dtMs`: `offered[i]` new commands per second from disk i; `served[i]` receives the
   * commands per second the device completes for it. Latencies are updated for the step.
   */
  step(offered: Float64Array, shares: Float64Array, dtMs: number, served: Float64Array, nowMs = 0): void {
    const dtS = dtMs / 1000;
    // a claimant nobody posted for more than a step is gone (its VM or copy moved on)
    for (const [key, f] of this.foreign) if (nowMs - f.postedMs > IO_STEP_MS + EPS) this.foreign.delete(key);
    const { n, queued } = this;
    const other = this.foreign.size > 0 ? [...this.foreign.values()] : NO_FOREIGN;
    // the device's claimants: the host's own disks 0..n-1, then those from elsewhere
    const m = n + other.length;
    if (this.want.length < m) {
      this.want = new Float64Array(m);
      this.zero = new Float64Array(m);
      this.sh = new Float64Array(m);
      this.got = new Float64Array(m);
    }
    const { want, sh, got } = this;
    let total = 0;
    for (let i = 0; i < m; i++) {
      const f = i < n ? undefined : other[i - n];
      want[i] = f ? f.offered + (f.stream ? 0 : f.queued / dtS) : offered[i] + queued[i] / dtS;
      sh[i] = f ? f.shares : shares[i];
      total += want[i];
    }
    const cap = this.capacity;
    if (this.sioc && total > cap) waterFill(m, want, this.zero, sh, cap, got);
    else {
      const k = total > cap ? cap / total : 1;
      for (let i = 0; i < m; i++) got[i] = want[i] * k;
    }
    let done = 0;
    for (let i = 0; i < m; i++) {
      const f = i < n ? undefined : other[i - n];
      // a stream issues no more than it is given: nothing of it queues
      const q0 = (f ? (f.stream ? 0 : f.queued) : queued[i]) + ((f ? f.offered : offered[i]) - got[i]) * dtS;
      const q = f?.stream || q0 < EPS ? 0 : q0 > VDISK_QUEUE_DEPTH ? VDISK_QUEUE_DEPTH : q0;
      if (f) {
        f.queued = q;
        f.served = got[i];
      } else {
        queued[i] = q;
        served[i] = got[i];
      }
      done += got[i];
    }
    const rho = Math.min(done / cap, MAX_DEVICE_UTILIZATION);
    this.davg = this.spec.latencyMs / (1 - rho);
    const inDevice = (done * this.davg) / 1000;
    this.active = Math.min(DEVICE_QUEUE_DEPTH, inDevice);
    this.activeShare = inDevice > DEVICE_QUEUE_DEPTH ? DEVICE_QUEUE_DEPTH / inDevice : 1;
    let weighted = 0;
    for (let i = 0; i < m; i++) {
      const f = i < n ? undefined : other[i - n];
      const kavg = KAVG_BASE_MS + (got[i] > 0 ? ((f ? f.queued : queued[i]) / got[i]) * 1000 : 0);
      if (f) f.kavg = kavg;
      else this.kavg[i] = kavg;
      weighted += got[i] * (this.davg + kavg);
    }
    // SIOC watches the latency the hosts see on the datastore, weighted by commands.
    this.observedMs = done > 0 ? weighted / done : this.davg;
    this.servedIops = done;
    this.sioc = done > 0 && this.observedMs > SIOC_THRESHOLD_MS;
  }
}
