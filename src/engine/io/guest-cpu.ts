// What the CPU gave a host's I/O in the step that ended: each guest's share of the work its vCPUs
// wanted to run (a starved guest sends less and drops what it cannot receive), the share of the
// hypervisor time planned for its I/O it got (%SYS), and the driver partition's back-end
// throughput, whose CPU caps every routed guest's I/O once it saturates.

import type { HostCpu } from '../cpu/host-cpu.js';
import { EPS } from '../../eps.js';
import { AS_DOUBLE } from '../shapes.js';
import { PARTITION_BASE_LOAD } from './constants.js';

const GUEST_SMOOTHING = 0.25;

export class GuestCpu {
  /** per VM doing I/O: the share of its work its vCPUs got, smoothed over steps */
  readonly factor: Float64Array;
  // CPU counters at the last measure, to measure what the step got
  readonly prevRan: Float64Array;
  readonly prevWanted: Float64Array;
  readonly prevSys: Float64Array;
  // perf: double field
  prevPartitionRun = AS_DOUBLE;

  constructor(
    private readonly cpu: HostCpu,
    /** VM groups doing I/O, as host group indices */
    private readonly vm: Int32Array,
    /** index of the driver partition among the host's groups, or -1 */
    private readonly partition: number,
  ) {
    this.prevPartitionRun = 0;
    const n = vm.length;
    this.factor = new Float64Array(n).fill(1);
    this.prevRan = new Float64Array(n);
    this.prevWanted = new Float64Array(n);
    this.prevSys = new Float64Array(n);
  }

  /**
   * Share of its work each guest's vCPUs got in the step (ran / wanted to run) into `factor`, and
   * the share of `backendPlan` (the routed guests' I/O work planned for the partition) the
   * partition got through; resets the base.
   */
  measure(dtMs: number, backendPlan: number): number {
    const cpu = this.cpu;
    for (let k = 0; k < this.vm.length; k++) {
      const g = this.vm[k];
      let ran = 0;
      let wanted = 0;
      const end = cpu.gStart[g] + cpu.gCount[g];
      for (let v = cpu.gStart[g]; v < end; v++) {
        const r = cpu.cRun[v];
        ran += r;
        wanted += r + cpu.cRdy[v] + cpu.cCstp[v] + cpu.cBlocked[v] + cpu.cSwpwt[v];
      }
      const dw = wanted - this.prevWanted[k];
      const got = dw > EPS ? Math.min(1, (ran - this.prevRan[k]) / dw) : 1;
      // smoothed: a guest's I/O follows its CPU over a few steps, not a 100 ms tug of war with it
      this.factor[k] += GUEST_SMOOTHING * (got - this.factor[k]);
      this.prevRan[k] = ran;
      this.prevWanted[k] = wanted;
    }
    // The partition's back-end throughput: the pCPU time it got beyond its own load.
    if (this.partition < 0) return 1;
    const p = this.partition;
    let run = 0;
    const end = cpu.gStart[p] + cpu.gCount[p];
    for (let v = cpu.gStart[p]; v < end; v++) run += cpu.cRun[v];
    const got = dtMs > 0 ? (run - this.prevPartitionRun) / dtMs : 0;
    this.prevPartitionRun = run;
    if (backendPlan <= EPS || dtMs <= 0) return 1;
    const processed = got - PARTITION_BASE_LOAD * cpu.gCount[p];
    return processed <= 0 ? 0 : Math.min(1, processed / backendPlan);
  }

  /** Share of the hypervisor time `wantMs` planned for VM k's I/O that its group `g` got; resets the base. */
  sysShare(k: number, g: number, wantMs: number): number {
    const sysGot = this.cpu.cSysG[g] - this.prevSys[k];
    this.prevSys[k] = this.cpu.cSysG[g];
    return wantMs > EPS ? Math.min(1, sysGot / wantMs) : 1;
  }

  /** VM `to` carries on from VM `from` of `old` (the host's groups changed). */
  adopt(old: GuestCpu, from: number, to: number): void {
    this.factor[to] = old.factor[from];
    this.prevRan[to] = old.prevRan[from];
    this.prevWanted[to] = old.prevWanted[from];
    this.prevSys[to] = old.prevSys[from];
  }
}
