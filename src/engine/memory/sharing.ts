// Transparent page sharing (docs/model/memory.md, "Page sharing"): a scanner walks each VM's
// resident pages at Mem.ShareScanGHz; a scanned page that is a zero page, a duplicate inside its
// VM, or an OS page another VM of the same guest also holds, is mapped onto one copy-on-write
// machine page. Writes break sharing and the page waits for the next scan. Savings so build up over
// minutes.

import {
  DUP_FRACTION, GUEST_COMMON_FRACTION, SHARE_SCAN_MIB_PER_GHZ, ZERO_FRACTION,
} from './constants.js';
import { AS_DOUBLE } from '../shapes.js';
import type { TpsMode } from '../../profile/types.js';
import type { VmMemory } from './vm-memory.js';

export interface ShareOptions {
  /** `shared`: pages match across VMs; `per-vm`: salted, only within a VM */
  tps: TpsMode;
  /** Mem.ShareScanTime, s */
  scanTimeS: number;
}

/** Mem.ShareScanTime's default: every VM scanned once an hour at most. */
export const SHARE_SCAN_TIME_S = 3600;
export const DEFAULT_SHARING: ShareOptions = { tps: 'shared', scanTimeS: SHARE_SCAN_TIME_S };

export class ShareTotals {
  /** guest pages shared, MiB (esxtop PSHARE shared) */
  shared = AS_DOUBLE;
  /** machine pages backing them (PSHARE common) */
  common = AS_DOUBLE;

  constructor() {
    this.shared = this.common = 0;
  }
}

/**
 * One scan step over a host's VMs, written into `out`. Runs every memory step, so it allocates
 * nothing: VMs of the same guest OS are found by comparing names (a host runs a few dozen VMs).
 */
export function scanPages(
  vms: readonly VmMemory[], hostGHz: number, dtS: number, on: readonly boolean[], out: ShareTotals, opts: ShareOptions = DEFAULT_SHARING,
): void {
  const n = vms.length;
  // The system-wide scan rate is split evenly between the VMs that have pages, and no VM is
  // scanned faster than once per ShareScanTime.
  let live = 0;
  for (let i = 0; i < n; i++) if (on[i] && vms[i].R > 0 && !vms[i].pinned) live++;
  const perVmHost = live ? (SHARE_SCAN_MIB_PER_GHZ * hostGHz * dtS) / live : 0;
  const crossVm = opts.tps === 'shared';

  // Writes to shared pages break them (copy on write): they leave the scanned set.
  for (let i = 0; i < n; i++) {
    const v = vms[i];
    // a passthrough VM's pages are pinned for its device's DMA: never mapped copy-on-write
    if (!on[i] || v.R <= 0 || v.pinned) continue;
    const sharedFrac = v.R > 0 ? v.shared / v.R : 0;
    const broken = Math.min(v.scanned, v.workload.dirtyMiBs * sharedFrac * dtS);
    const perVm = Math.min(perVmHost, (v.memoryMiB / opts.scanTimeS) * dtS);
    v.scanned = Math.min(v.R, v.scanned - broken + perVm);
  }

  let shared = 0;
  let common = 0;
  for (let i = 0; i < n; i++) {
    const v = vms[i];
    if (!on[i] || v.R <= 0 || v.pinned) { v.shared = v.zero = v.saved = v.scanned = 0; continue; }
    const s = v.scanned;
    const zero = s * ZERO_FRACTION;
    const dup = s * DUP_FRACTION;
    // The live VMs of this guest OS, and the machine copy of their common pages: as large as the
    // largest scanned set among them.
    let group = 0;
    let commonCopy = 0;
    for (let j = 0; j < n; j++) {
      const w = vms[j];
      if (!on[j] || w.R <= 0 || w.pinned || w.guest !== v.guest) continue;
      group++;
      commonCopy = Math.max(commonCopy, w.scanned * GUEST_COMMON_FRACTION);
    }
    // salted per VM (ESXi 6.0's default): identical pages of two VMs are never matched
    const osPages = crossVm && group >= 2 ? s * GUEST_COMMON_FRACTION : 0;
    v.zero = zero;
    v.shared = zero + dup + osPages;
    // What this VM's sharing costs in machine pages: half its duplicates, and its part of the
    // guest's common copy (split between the VMs of that guest).
    const osCost = crossVm && group >= 2 ? commonCopy / group : 0;
    const cost = dup / 2 + osCost;
    v.saved = Math.max(0, v.shared - cost);
    shared += v.shared;
    common += cost;
  }
  out.shared = shared;
  out.common = common;
}
