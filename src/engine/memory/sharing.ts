// Transparent page sharing (reference model §2.2): a scanner walks each VM's resident pages at
// Mem.ShareScanGHz; a scanned page that is a zero page, a duplicate inside its VM, or an OS page
// another VM of the same guest also holds, is mapped onto one copy-on-write machine page. Writes
// break sharing and the page waits for the next scan. Savings so build up over minutes.

import {
  DUP_FRACTION, GUEST_COMMON_FRACTION, SHARE_SCAN_MIB_PER_GHZ, ZERO_FRACTION,
} from './constants.js';
import type { VmMemory } from './vm-memory.js';

export interface ShareTotals {
  /** guest pages shared, MiB (esxtop PSHARE shared) */
  shared: number;
  /** machine pages backing them (PSHARE common) */
  common: number;
}

export function scanPages(vms: readonly VmMemory[], hostGHz: number, dtS: number, on: readonly boolean[]): ShareTotals {
  // The system-wide scan rate is split evenly between the VMs that have pages.
  const live = vms.filter((v, i) => on[i] && v.R > 0);
  const perVm = live.length ? (SHARE_SCAN_MIB_PER_GHZ * hostGHz * dtS) / live.length : 0;
  const guests = new Map<string, number>();
  for (const v of live) guests.set(v.guest, (guests.get(v.guest) ?? 0) + 1);

  // Writes to shared pages break them (copy on write): they leave the scanned set.
  for (const v of live) {
    const sharedFrac = v.R > 0 ? v.shared / v.R : 0;
    const broken = Math.min(v.scanned, v.workload.dirtyMiBs * sharedFrac * dtS);
    v.scanned = Math.min(v.R, v.scanned - broken + perVm);
  }

  // Per guest OS, the machine copy of its common pages is as large as the largest scanned set.
  const commonCopy = new Map<string, number>();
  for (const v of live) {
    if ((guests.get(v.guest) ?? 0) < 2) continue;
    commonCopy.set(v.guest, Math.max(commonCopy.get(v.guest) ?? 0, v.scanned * GUEST_COMMON_FRACTION));
  }
  let shared = 0;
  let common = 0;
  vms.forEach((v, i) => {
    if (!on[i] || v.R <= 0) { v.shared = v.zero = v.saved = 0; return; }
    const s = v.scanned;
    const zero = s * ZERO_FRACTION;
    const dup = s * DUP_FRACTION;
    const group = guests.get(v.guest) ?? 0;
    const osPages = group >= 2 ? s * GUEST_COMMON_FRACTION : 0;
    v.zero = zero;
    v.shared = zero + dup + osPages;
    // What this VM's sharing costs in machine pages: half its duplicates, and its part of the
    // guest's common copy (split between the VMs of that guest).
    const osCost = group >= 2 ? (commonCopy.get(v.guest) ?? 0) / group : 0;
    const cost = dup / 2 + osCost;
    v.saved = Math.max(0, v.shared - cost);
    shared += v.shared;
    common += cost;
  });
  return { shared, common };
}
