// One host's memory manager, stepped every 100 ms of simulated time (docs/model/memory.md,
// "One step"): guests touch memory, page sharing collapses identical pages, and free memory against
// minFree sets the host state that decides the reclamation: none (high), sharing (clear), the
// balloon (soft), compression and host swap (hard), and blocked allocations (low). Pages the host
// took that a guest touches again make it wait; the CPU scheduler charges that as %SWPWT.

import { waterFill } from '../cpu/entitlement.js';
import { AS_DOUBLE } from '../shapes.js';
import type { MemState } from '../snapshot.js';
import {
  ACTIVE_RETOUCH_S, BALLOON_RATE, COMPRESSIBLE_DEFAULT, GUEST_PAGE_IN_MS, GUEST_PAGE_OUT_RATE, HOST_SWAP_RATE,
  SWAP_IN_MS, TARGET_FREE, TOUCH_RATE, UNZIP_MS, WARMUP_S, ZIP_CACHE_FRACTION, ZIP_RATIO,
} from './constants.js';
import { taxedShares } from './idle-tax.js';
import { memState, minFreeMiB } from './minfree.js';
import { DEFAULT_SHARING, scanPages, ShareTotals, type ShareOptions } from './sharing.js';
import type { VmMemory } from './vm-memory.js';

const PAGES_PER_MIB = 256;
/** stall is capped so that a thrashing VM still crawls forward */
const MAX_STALL = 0.95;
/** [assumption] a state held this long is named in the event log */
const STATE_SETTLE_MS = 1000;

export interface MemoryTransition {
  from: MemState;
  to: MemState;
}

/** The windows of esxtop's MEM overcommit averages, seconds. */
const OVERCOMMIT_WINDOW_S = [60, 300, 900];

export class HostMemory {
  readonly minFree: number;
  state: MemState = 'high';
  // fractional MiB (perf: double field)
  free = AS_DOUBLE;
  readonly share = new ShareTotals();
  /** the state the last step reported (a change between steps is reported by the next one) */
  private reported: MemState = 'high';
  private candidate: MemState = 'high';
  private candidateSinceMs = 0;
  private on: boolean[] = [];
  private want = new Float64Array(0);
  private res = new Float64Array(0);
  private weight = new Float64Array(0);
  private target = new Float64Array(0);
  vms: VmMemory[] = [];
  /**
   * Memory held for the cluster's operations: pages of VMs migrating in (allocated as they
   * arrive) and the memory of fault-tolerance secondaries kept in lockstep here, MiB.
   */
  clusterMiB = AS_DOUBLE;
  /**
   * Memory of processes on the host's own kernel (its containers), set by the cgroup model. A
   * Linux host has no balloon or host swap for them: they simply take free memory.
   */
  processMiB = AS_DOUBLE;
  /**
   * esxtop's MEM overcommit avg: the excess of powered-on VMs' configured memory over the memory
   * available to VMs (0.25 = 25% more), averaged over 1, 5 and 15 minutes like the load average.
   */
  readonly overcommitAvg = new Float64Array(3);

  constructor(
    readonly totalMiB: number,
    readonly reservedMiB: number,
    readonly hostGHz: number,
    vms: VmMemory[],
    readonly sharing: ShareOptions = DEFAULT_SHARING,
  ) {
    this.minFree = minFreeMiB(totalMiB);
    this.clusterMiB = this.processMiB = 0;
    this.setVms(vms);
  }

  /** The VMs on the host change (migration, restart, deploy); each keeps its own state. */
  setVms(vms: VmMemory[]): void {
    this.vms = vms;
    const n = vms.length;
    this.on = vms.map((v) => v.powered);
    this.want = new Float64Array(n);
    this.res = new Float64Array(n);
    this.weight = new Float64Array(n);
    this.target = new Float64Array(n);
    this.free = this.computeFree();
  }

  /** Free memory now, without touching the state (a query between steps must change nothing). */
  freeNow(): number {
    return this.computeFree();
  }

  /**
   * Free memory now, as the next step would see it; kept as the host's `free`, with the state it
   * puts the host in (a migration or a restart between steps moves both).
   */
  refresh(): number {
    this.free = this.computeFree();
    this.state = memState(this.free, this.minFree, this.state);
    return this.free;
  }

  /** Memory the VMs may use: what the hypervisor reserved and the VMs' overheads are not. */
  available(): number {
    return this.totalMiB - this.reservedMiB - this.vms.reduce((a, v) => a + v.overhead, 0);
  }

  private computeFree(): number {
    let used = this.reservedMiB + this.processMiB + this.clusterMiB;
    for (const v of this.vms) used += v.consumed(ZIP_RATIO) + v.overhead;
    return this.totalMiB - used;
  }

  /** Advance dtS seconds; returns the state change since the last step, if any. */
  step(tMs: number, dtS: number): MemoryTransition | null {
    let configured = 0;
    for (let i = 0; i < this.vms.length; i++) {
      this.on[i] = this.vms[i].powered;
      configured += this.on[i] ? this.vms[i].memoryMiB : 0;
    }
    const forVms = this.totalMiB - this.reservedMiB;
    const over = forVms > 0 ? Math.max(0, configured / forVms - 1) : 0;
    for (let k = 0; k < 3; k++) {
      const decay = Math.exp(-dtS / OVERCOMMIT_WINDOW_S[k]);
      this.overcommitAvg[k] = this.overcommitAvg[k] * decay + over * (1 - decay);
    }
    this.touch(tMs, dtS);
    scanPages(this.vms, this.hostGHz, dtS, this.on, this.share, this.sharing);
    this.free = this.computeFree();
    // The state follows free memory at every step (with its hysteresis), before and after the
    // reclamation it chooses, so that a sample's state agrees with its free memory.
    this.state = memState(this.free, this.minFree, this.state);
    this.retarget(tMs);
    if (this.state === 'soft') this.balloon(dtS, false);
    else if (this.state === 'hard' || this.state === 'low') this.swapOut(dtS);
    else this.deflate(dtS);
    this.enforceLimits(dtS);
    this.free = this.computeFree();
    this.state = memState(this.free, this.minFree, this.state);
    return this.settle(tMs);
  }

  /**
   * The event log names a state once the host has held it for STATE_SETTLE_MS: under sustained
   * pressure the state flickers between neighbours every few hundred ms as each reclamation step
   * lifts free memory over a boundary and the guests' touches pull it back (the sample always shows
   * the state of the moment; only the log is spared the flicker).
   */
  private settle(tMs: number): MemoryTransition | null {
    if (this.state === this.reported) {
      this.candidate = this.state;
      return null;
    }
    if (this.state !== this.candidate) {
      this.candidate = this.state;
      this.candidateSinceMs = tMs;
    }
    if (tMs - this.candidateSinceMs < STATE_SETTLE_MS) return null;
    const from = this.reported;
    this.reported = this.state;
    return { from, to: this.state };
  }

  /** Guests touch what they use; pages the host took come back when touched, at a cost in time. */
  private touch(tMs: number, dtS: number): void {
    let free = this.computeFree();
    const blocked = this.state === 'low';
    for (const v of this.vms) {
      const used = v.guestUsed();
      // A guest with idle memory again (its load ended) pages its own swapped pages back into it
      // (reads); what it no longer uses leaves its swap without any I/O.
      const idle = v.guestIdle();
      v.guestPagedIn += Math.min(v.guestSwapped, idle);
      v.guestSwapped = Math.max(0, Math.min(v.guestSwapped - idle, used));
      const resident = v.pinned && v.powered ? v.memoryMiB : used - v.guestSwapped;
      const rate = v.pinned ? Infinity : Math.max(TOUCH_RATE, v.memoryMiB / WARMUP_S);
      const grow = Math.min(Math.max(0, resident - v.touched()), rate * dtS, v.U, blocked ? 0 : Math.max(0, free));
      v.U -= grow;
      v.R += grow;
      free -= grow;
      trackActive(v, Math.min(v.active(tMs), v.touched()), grow);

      // Each page of the working set is touched about every ACTIVE_RETOUCH_S: of the working set
      // the host swapped or compressed, that share comes back now. Idle pages stay out.
      const due = Math.min(1, dtS / ACTIVE_RETOUCH_S);
      const wantS = v.Sa * due;
      const wantZ = v.Za * due;
      // Bringing a page back needs a free machine page; without one the guest keeps waiting.
      const room = Math.max(0, free);
      const swapIn = Math.min(wantS, room);
      const unzip = Math.min(wantZ, Math.max(0, room - swapIn));
      v.S -= swapIn;
      v.Sa -= swapIn;
      v.Z -= unzip;
      v.Za -= unzip;
      v.R += swapIn + unzip;
      v.swappedIn += swapIn;
      free -= swapIn + unzip * (1 - ZIP_RATIO);
      const waitS = (wantS * SWAP_IN_MS + wantZ * UNZIP_MS) * PAGES_PER_MIB / 1000;
      v.hostStall = Math.min(MAX_STALL, waitS / dtS / v.vcpus);
      // A guest whose balloon pushed part of what it uses to its own disk pages it back and out.
      const retouch = (v.active(tMs) / ACTIVE_RETOUCH_S) * dtS;
      const guestIn = used > 0 ? (v.guestSwapped / used) * retouch : 0;
      // each page read back displaces one the guest uses, written out in its place: what the
      // balloon holds stays out [assumption]
      v.guestPagedIn += guestIn;
      v.guestPagedOut += guestIn;
      v.guestStall = Math.min(MAX_STALL - v.hostStall, (guestIn * GUEST_PAGE_IN_MS * PAGES_PER_MIB) / 1000 / dtS / v.vcpus);
    }
  }

  /** Memory targets (SZTGT): water-filling by idle-taxed shares over what each VM would use. */
  private retarget(tMs: number): void {
    const n = this.vms.length;
    // Targets add up to what leaves free memory just inside clear: reclamation meeting them takes
    // the host out of soft, and stops there.
    const capacity = this.available() - TARGET_FREE * this.minFree;
    for (let i = 0; i < n; i++) {
      const v = this.vms[i];
      // a pinned (passthrough) VM holds all its memory whatever it uses
      const demand = v.pinned ? v.memoryMiB : Math.max(0, v.guestUsed() - v.saved);
      this.want[i] = v.powered ? Math.min(demand, v.limitMiB ?? Infinity, v.memoryMiB) : 0;
      this.res[i] = v.powered ? v.reservationMiB : 0;
      const touched = v.touched();
      this.weight[i] = taxedShares(v.shares, touched > 0 ? Math.min(1, v.active(tMs) / touched) : 1);
    }
    waterFill(n, this.want, this.res, this.weight, Math.max(0, capacity), this.target);
    for (let i = 0; i < n; i++) this.vms[i].sztgt = this.target[i];
  }

  /** What the host should take back from `v`: down to its target, never below its reservation. */
  private reclaim(v: VmMemory): number {
    if (v.pinned) return 0;
    const floor = Math.max(v.sztgt, v.reservationMiB);
    return Math.max(0, v.consumed(ZIP_RATIO) - floor);
  }

  /** Soft state: inflate balloons toward what each VM should give back. */
  private balloon(dtS: number, limitOnly: boolean): void {
    for (const v of this.vms) {
      const need = limitOnly ? this.overLimit(v) : this.reclaim(v);
      // A JVM's heap is in use as far as the guest knows: its balloon gets only idle memory.
      const room = v.workload.type === 'jvm' ? v.guestIdle() : v.balloonMax;
      v.balloonTarget = Math.min(v.balloonMax, v.B + need, v.B + room);
      this.inflate(v, Math.min(BALLOON_RATE * dtS, Math.max(0, v.balloonTarget - v.B)), dtS);
    }
  }

  /**
   * The guest gives idle pages first, at the balloon's rate; beyond them it must page out what it
   * uses to its own disk, which is slower — when that cannot keep up the host falls to swapping.
   */
  private inflate(v: VmMemory, amount: number, dtS: number): void {
    const idle = Math.min(amount, v.guestIdle());
    const paged = Math.min(amount - idle, GUEST_PAGE_OUT_RATE * dtS);
    const db = Math.min(idle + paged, v.touched());
    if (db <= 0) return;
    const out = Math.max(0, db - idle);
    v.guestSwapped += out;
    v.guestPagedOut += out;
    take(v, db);
    v.B += db;
  }

  /**
   * Hard and low states: the host picks pages of what each VM should give back without knowing
   * which the guest uses; a page that compresses to 2 KB or less goes to the compression cache
   * while it has room, any other page to the swap file.
   */
  private swapOut(dtS: number): void {
    const budget = HOST_SWAP_RATE * dtS;
    const needs = this.vms.map((v) => this.reclaim(v));
    const total = needs.reduce((a, b) => a + b, 0);
    this.vms.forEach((v, i) => {
      v.balloonTarget = v.B; // the balloon is too slow for this state: it holds
      const c = v.workload.compressible ?? COMPRESSIBLE_DEFAULT;
      // a compressed page still holds ZIP_RATIO of a page: reclaiming `need` takes more pages
      const perPage = 1 - ZIP_RATIO * c;
      v.swapTarget = v.S + needs[i] * (1 - c) / perPage;
      if (total <= 0 || needs[i] <= 0) return;
      const amount = Math.min(v.R, budget * (needs[i] / total), needs[i] / perPage);
      const zipRoom = Math.max(0, ZIP_CACHE_FRACTION * v.memoryMiB - v.Z);
      const zip = Math.min(zipRoom, amount * c);
      const swap = amount - zip;
      // pages taken at random: the working set's share of resident memory goes with them
      const activeShare = v.R > 0 ? Math.min(1, Math.max(0, v.activeSeen - v.Sa - v.Za) / v.R) : 0;
      v.R -= amount;
      v.Z += zip;
      v.Za += zip * activeShare;
      v.S += swap;
      v.Sa += swap * activeShare;
      v.swappedOut += swap;
    });
  }

  /** High and clear states: give ballooned memory back to guests that are below their target. */
  private deflate(dtS: number): void {
    for (const v of this.vms) {
      v.swapTarget = v.S;
      if (v.B <= 0) { v.balloonTarget = 0; continue; }
      const headroom = v.sztgt - v.consumed(ZIP_RATIO);
      if (headroom <= 0 || this.free < 2 * this.minFree) { v.balloonTarget = v.B; continue; }
      v.balloonTarget = Math.max(0, v.B - headroom);
      const db = Math.min(BALLOON_RATE * dtS, v.B - v.balloonTarget);
      // the guest gets its pages back untouched; it touches them again only as it needs them
      v.B -= db;
      v.U += db;
      // with room again the guest reads back what it had paged out
      v.guestPagedIn += Math.min(v.guestSwapped, db);
      v.guestSwapped = Math.max(0, v.guestSwapped - db);
    }
  }

  private overLimit(v: VmMemory): number {
    return v.limitMiB === null || v.pinned ? 0 : Math.max(0, v.consumed(ZIP_RATIO) - v.limitMiB);
  }

  /** A memory limit is enforced in every state: balloon first, host swap once it is at its max. */
  private enforceLimits(dtS: number): void {
    for (const v of this.vms) {
      const over = this.overLimit(v);
      if (over <= 0) continue;
      if (v.B < v.balloonMax - 1e-6 && v.workload.type !== 'jvm') {
        this.inflate(v, Math.min(BALLOON_RATE * dtS, over, v.balloonMax - v.B), dtS);
        v.balloonTarget = Math.max(v.balloonTarget, v.B);
      } else {
        const amount = Math.min(v.R, HOST_SWAP_RATE * dtS, over);
        const activeShare = v.R > 0 ? Math.min(1, Math.max(0, v.activeSeen - v.Sa - v.Za) / v.R) : 0;
        v.R -= amount;
        v.S += amount;
        v.Sa += amount * activeShare;
        v.swappedOut += amount;
        v.swapTarget = Math.max(v.swapTarget, v.S);
      }
    }
  }
}

/**
 * The balloon pins guest pages: the host frees them wherever they are (resident, zipped, swapped).
 * The guest gives idle pages, so the working set in swap and in the cache stays there.
 */
function take(v: VmMemory, amount: number): void {
  const r = Math.min(v.R, amount);
  v.R -= r;
  v.scanned = Math.min(v.scanned, v.R);
  const z = Math.min(v.Z, amount - r);
  v.Z -= z;
  v.S -= Math.min(v.S, amount - r - z);
  v.Za = Math.min(v.Za, v.Z);
  v.Sa = Math.min(v.Sa, v.S);
}

/**
 * The working set moved from `v.activeSeen` to `active` this step, `grown` MiB of it newly
 * touched. Pages leaving it leave the swapped, compressed and resident parts alike; pages joining
 * it (beyond the new ones) come from the idle pages wherever those are, so some must come back.
 */
function trackActive(v: VmMemory, active: number, grown: number): void {
  const before = v.activeSeen;
  if (active < before) {
    const keep = before > 0 ? active / before : 0;
    v.Sa *= keep;
    v.Za *= keep;
  } else if (active > before) {
    const joined = Math.max(0, active - before - grown);
    const idle = v.touched() - grown - before;
    if (joined > 0 && idle > 0) {
      const f = Math.min(1, joined / idle);
      v.Sa += (v.S - v.Sa) * f;
      v.Za += (v.Z - v.Za) * f;
    }
  }
  v.Sa = Math.min(Math.max(0, v.Sa), v.S);
  v.Za = Math.min(Math.max(0, v.Za), v.Z);
  v.activeSeen = active;
}
