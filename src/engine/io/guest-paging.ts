// A guest paging to its own virtual disk under the balloon (docs/model/io.md, "Paging in the
// guest"): the memory model counts what each VM read back and wrote out, MiB; here the change over
// each I/O step becomes read and write commands of PAGING_IO_KIB on that VM's disk, which join its
// other commands on the datastore.

import type { GroupRuntime } from '../runtime.js';
import { AS_DOUBLE } from '../shapes.js';
import { PAGING_IO_KIB } from './constants.js';

const CMDS_PER_MIB = 1024 / PAGING_IO_KIB;

export class GuestPaging {
  /** per VM of the host's I/O model: paging reads and writes per second over the last step */
  readonly reads: Float64Array;
  readonly writes: Float64Array;
  /** the memory model's cumulative MiB paged in and out at the last read, and when, ms (NaN: never) */
  readonly seenIn: Float64Array;
  readonly seenOut: Float64Array;
  // perf: double field
  seenMs = AS_DOUBLE;

  constructor(
    private readonly groups: readonly GroupRuntime[],
    /** VM groups of the host's I/O model, as host group indices */
    private readonly vm: Int32Array,
  ) {
    const n = vm.length;
    this.reads = new Float64Array(n);
    this.writes = new Float64Array(n);
    this.seenIn = new Float64Array(n);
    this.seenOut = new Float64Array(n);
    // perf: not a constant (NaN: never read)
    this.seenMs = 0;
    this.seenMs = NaN;
    // what was paged before this model existed was another's to count
    for (let k = 0; k < n; k++) {
      const m = groups[vm[k]].memory;
      this.seenIn[k] = m ? m.guestPagedIn : 0;
      this.seenOut[k] = m ? m.guestPagedOut : 0;
    }
  }

  /**
   * A host with nothing else to step only watches at `tMs` whether a guest has started paging:
   * true once one has (its reads since the last watch are then the next `read`'s).
   */
  started(tMs: number): boolean {
    for (let k = 0; k < this.vm.length; k++) {
      const m = this.groups[this.vm[k]].memory;
      if (m && (m.guestPagedIn > this.seenIn[k] || m.guestPagedOut > this.seenOut[k])) return true;
    }
    this.seenMs = tMs;
    return false;
  }

  /** Rates of what each guest paged since the last read, into `reads` and `writes`. */
  read(tMs: number): void {
    const dtS = (tMs - this.seenMs) / 1000;
    for (let k = 0; k < this.vm.length; k++) {
      const m = this.groups[this.vm[k]].memory;
      if (!m) continue;
      const dIn = m.guestPagedIn - this.seenIn[k];
      const dOut = m.guestPagedOut - this.seenOut[k];
      this.seenIn[k] = m.guestPagedIn;
      this.seenOut[k] = m.guestPagedOut;
      this.reads[k] = dtS > 0 ? (dIn * CMDS_PER_MIB) / dtS : 0;
      this.writes[k] = dtS > 0 ? (dOut * CMDS_PER_MIB) / dtS : 0;
    }
    this.seenMs = tMs;
  }

  /** VM `to` carries on from VM `from` of `old` (the host's groups changed). */
  adopt(old: GuestPaging, from: number, to: number): void {
    this.seenIn[to] = old.seenIn[from];
    this.seenOut[to] = old.seenOut[from];
    this.reads[to] = old.reads[from];
    this.writes[to] = old.writes[from];
  }
}
