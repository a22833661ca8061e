// Memory model parameters. Published ESXi defaults carry their source (docs/model/memory.md);
// the rest are vmtop's assumptions, chosen so that a demo unfolds in minutes, not hours.

/** Mem.CtlMaxPercent: the balloon takes at most 65% of a VM's memory. */
export const BALLOON_MAX_FRACTION = 0.65;
/** Compression cache limit: 10% of the VM's memory. */
export const ZIP_CACHE_FRACTION = 0.1;
/** A page kept compressed (it compressed to 2 KB or less) holds at most half a page [assumption: half]. */
export const ZIP_RATIO = 0.5;
/** [assumption] share of a workload's pages that compress to 2 KB or less, unless the profile says */
export const COMPRESSIBLE_DEFAULT = 0.5;
/** Mem.ShareScanGHz: pages scanned for sharing per second, MiB per GHz of host CPU. */
export const SHARE_SCAN_MIB_PER_GHZ = 4;

/** [assumption] rates, MiB/s */
/** a guest warming up touches new memory at this rate, or its size over WARMUP_S if faster */
export const TOUCH_RATE = 8;
export const WARMUP_S = 128;
/** a guest paging out what it uses, when its balloon asks for more than it has idle */
export const GUEST_PAGE_OUT_RATE = 3;
/**
 * [assumption] memory targets leave this much free, as a multiple of minFree: just inside clear
 * (its floor 1.0 plus twice the hysteresis), so reclamation that meets them ends soft and stops.
 */
export const TARGET_FREE = 1.1;
export const BALLOON_RATE = 64; // balloon inflate / deflate, per VM
export const HOST_SWAP_RATE = 160; // host swap-out and compression, per host
/** [assumption] an active page is touched again about every this many seconds */
export const ACTIVE_RETOUCH_S = 30;
/** [assumption] stall per 4 KiB page brought back: host swap, decompression, guest paging */
export const SWAP_IN_MS = 1; // swap on an SSD datastore
export const UNZIP_MS = 0.05;
export const GUEST_PAGE_IN_MS = 8;

/** [assumption] page classes of a guest's resident memory (docs/model/memory.md, "Page sharing") */
export const ZERO_FRACTION = 0.05; // zero pages
export const DUP_FRACTION = 0.03; // duplicates inside one VM
export const GUEST_COMMON_FRACTION = 0.2; // OS and library pages identical across VMs of one guest

/** Per-VM overhead (VMX, page tables, frame buffer) [assumption, close to VMware's tables]. */
export function overheadMiB(vcpus: number, memoryMiB: number): number {
  return 12 + 6 * vcpus + 0.008 * memoryMiB;
}
