// One VM's memory as the hypervisor sees it. Every page of the configured size is in exactly one
// place: never touched (U), resident in machine memory (R), compressed (Z), swapped by the host
// (S) or pinned by the balloon (B); so MEMSZ = GRANT + MCTLSZ + SWCUR + untouched holds by
// construction, with GRANT = R + Z.

import type { WorkloadSpec } from '../../profile/types.js';
import { AS_DOUBLE } from '../shapes.js';
import { BALLOON_MAX_FRACTION, overheadMiB } from './constants.js';
import { collecting, heapUse, jitCost } from './jvm.js';

export class VmMemory {
  // Every amount below holds fractions of a MiB (perf: double field).
  U = AS_DOUBLE;
  R = AS_DOUBLE;
  Z = AS_DOUBLE;
  S = AS_DOUBLE;
  B = AS_DOUBLE;
  /** part of the guest's own used memory it paged to its virtual disk (balloon pressure) */
  guestSwapped = AS_DOUBLE;
  /**
   * The guest's working set in the host's swap and compression cache: pages it will touch again
   * soon. Only these come back; the rest of S and Z stays where it is until the guest needs it.
   */
  Sa = AS_DOUBLE;
  Za = AS_DOUBLE;
  /** the working set (ACTV) at the previous step, to see pages enter and leave it */
  activeSeen = AS_DOUBLE;
  /** MiB of R scanned by page sharing (the rest is unscanned) */
  scanned = AS_DOUBLE;
  /** SHRD split, recomputed each step */
  shared = AS_DOUBLE;
  zero = AS_DOUBLE;
  saved = AS_DOUBLE;
  sztgt = AS_DOUBLE;
  balloonTarget = AS_DOUBLE;
  swapTarget = AS_DOUBLE;
  readonly balloonMax: number;
  /** the VMM's own memory for this VM while it is powered on, MiB */
  readonly overheadMiB: number;
  /**
   * A passthrough (DirectPath I/O) device DMAs into guest memory at any time, so every page is
   * pinned: fully reserved, never ballooned, compressed, swapped or shared.
   */
  readonly pinned: boolean;
  /** off, suspended or down: the VM holds no memory and touches none */
  powered = true;
  // cumulative, MiB
  swappedIn = AS_DOUBLE;
  swappedOut = AS_DOUBLE;
  /**
   * What the guest read back from and wrote to its own virtual disk paging under the balloon,
   * cumulative MiB: the I/O model turns the change over each of its steps into disk commands.
   */
  guestPagedIn = AS_DOUBLE;
  guestPagedOut = AS_DOUBLE;
  /** this step's stall, seconds per second per vCPU: host swap-in / decompression, guest paging */
  hostStall = AS_DOUBLE;
  guestStall = AS_DOUBLE;
  /** working set added by `load` commands in force */
  private extraActive = AS_DOUBLE;
  /** memory.current of the containers the guest runs, set by the cgroup model */
  cgroupMiB = AS_DOUBLE;
  /**
   * When a JVM in the guest started, simulated ms; NaN until it does (a JVM starts with its guest:
   * at power-on, after a reset's boot, on an HA restart; release() sets it back to NaN).
   */
  jvmEpochMs = AS_DOUBLE;

  constructor(
    readonly memoryMiB: number,
    readonly vcpus: number,
    readonly guest: string,
    readonly shares: number,
    readonly reservationMiB: number,
    readonly limitMiB: number | null,
    readonly workload: WorkloadSpec,
    pinned = false,
  ) {
    this.pinned = pinned;
    this.balloonMax = pinned ? 0 : BALLOON_MAX_FRACTION * memoryMiB;
    this.overheadMiB = overheadMiB(vcpus, memoryMiB);
    this.release();
    this.swappedIn = this.swappedOut = 0;
    this.guestPagedIn = this.guestPagedOut = 0;
    this.extraActive = 0;
    this.cgroupMiB = 0;
  }

  get overhead(): number {
    return this.powered ? this.overheadMiB : 0;
  }

  /** Give every page back (power off, suspend, a host failure): the guest starts from nothing. */
  release(): void {
    this.U = this.memoryMiB;
    this.R = this.Z = this.S = this.B = 0;
    this.Sa = this.Za = this.activeSeen = 0;
    this.guestSwapped = this.scanned = this.shared = this.zero = this.saved = 0;
    this.balloonTarget = this.swapTarget = 0;
    this.sztgt = this.memoryMiB;
    this.hostStall = this.guestStall = 0;
    this.jvmEpochMs = NaN;
  }

  /** The guest runs (powered, not booting or stunned) at a memory step: a JVM not yet started starts now. */
  jvmTick(tMs: number, guestRuns: boolean): void {
    if (this.powered && guestRuns && Number.isNaN(this.jvmEpochMs)) this.jvmEpochMs = tMs;
  }

  /** The JVM's age at t, ms: 0 before it starts. */
  jvmAge(tMs: number): number {
    const e = this.jvmEpochMs;
    return Number.isNaN(e) ? 0 : Math.max(0, tMs - e);
  }

  /** The JVM's CPU for its work over compiled code's (1 once warm, or for a generic guest). */
  jitCost(tMs: number): number {
    return Number.isNaN(this.jvmEpochMs) ? 1 : jitCost(this.workload, this.jvmAge(tMs));
  }

  /**
   * Arrived on another host by migration: the same pages, but each a private copy there until
   * that host's page sharing scans it again.
   */
  unshare(): void {
    this.scanned = this.shared = this.zero = this.saved = 0;
  }

  /** Machine memory the VM needs on a host it moves to: its resident and compressed pages, unshared. */
  footprint(zipRatio: number): number {
    return this.R + this.Z * zipRatio + this.overheadMiB;
  }

  setExtraActive(mib: number): void {
    this.extraActive = mib;
  }

  /** What the guest itself has in use: its working set, and for a JVM the whole committed heap. */
  guestUsed(): number {
    if (!this.powered) return 0;
    return Math.min(this.memoryMiB, this.ownUsed() + this.cgroupMiB);
  }

  /** The guest's own processes' part of it (its containers aside). */
  ownUsed(): number {
    return this.workload.activeMiB + this.extraActive + this.workload.heapMiB;
  }

  /** Pages touched recently (esxtop ACTV): a JVM's heap use saw-tooths between collections. */
  active(tMs: number): number {
    if (!this.powered) return 0;
    const w = this.workload;
    if (w.type !== 'jvm') return Math.min(this.memoryMiB, w.activeMiB + this.extraActive + this.cgroupMiB);
    return Math.min(this.memoryMiB, w.activeMiB + this.extraActive + w.heapMiB * heapUse(w, this.jvmAge(tMs)) + this.cgroupMiB);
  }

  /** A JVM collecting garbage: every thread busy for the collection's share of the cycle. */
  collecting(tMs: number): boolean {
    return !Number.isNaN(this.jvmEpochMs) && collecting(this.workload, this.jvmAge(tMs));
  }

  /** Pages the guest touched and has not given to the balloon (esxtop TCHD). */
  touched(): number {
    return this.R + this.Z + this.S;
  }

  /** Machine memory this VM holds: resident less what sharing saved, compressed at their size. */
  consumed(zipRatio: number): number {
    return this.R - Math.min(this.saved, this.R) + this.Z * zipRatio;
  }

  /** Memory the guest holds but does not use, the first thing its balloon driver gives up. */
  guestIdle(): number {
    return Math.max(0, this.touched() - (this.guestUsed() - this.guestSwapped));
  }
}
