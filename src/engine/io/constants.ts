// The I/O model's fixed assumptions (docs/model/io.md). Every value here is a vmtop choice
// [assumption] unless its comment cites the reference; tests and docs read them from here.

import type { IoModel } from '../../profile/types.js';

/** The network and disk models settle what moved and plan the next step on this period. */
export const IO_STEP_MS = 100;

/** Average frame on the wire, bytes: bulk traffic at a 1500-byte MTU (esxtop PSZTX/PSZRX). */
export const PACKET_BYTES = 1500;
/** Average guest disk command, KiB, and the share of commands that are reads. */
export const IO_SIZE_KIB = 32;
export const READ_FRACTION = 0.7;
/**
 * [assumption] A guest's own paging command, KiB, reads and writes alike: Linux reads swap in
 * clusters of 2^page-cluster pages, 8 pages (32 KiB) by default (the kernel's sysctl/vm
 * documentation, `page-cluster`), and its swap writeout is merged into runs of about as many
 * (docs/model/io.md, "Paging in the guest").
 */
export const PAGING_IO_KIB = 32;

/**
 * Native cost of moving one KB (1000 bytes) through a guest's I/O stack, in CPU cycles: about
 * 0.25 pCPU at 2 GHz per Gbit/s. The hypervisor's cost is what a device model adds on top.
 */
export const NATIVE_CYCLES_PER_KB = 4000;

/**
 * CPU per KB moved relative to native (docs/model/io.md, "Device paths"): emulated NIC 5.0, Xen
 * split drivers 2.0, paravirtual 1.3, SR-IOV 1.05; disk emulated IDE 3.0, virtio-blk/pvscsi 1.2,
 * passthrough 1.0. Xen's blkfront/blkback: 1.5 [assumption].
 */
export const NET_COST: Record<IoModel, number> = { emulated: 5.0, paravirtual: 1.3, passthrough: 1.05 };
export const DISK_COST: Record<IoModel, number> = { emulated: 3.0, paravirtual: 1.2, passthrough: 1.0 };
export const XEN_SPLIT_NET_COST = 2.0;
export const XEN_SPLIT_DISK_COST = 1.5;

/**
 * [assumption] What a NIC offload leaves of the host's CPU per KB moved, by direction: TSO hands
 * the NIC 64 KB segments instead of 1500-byte frames (transmit), LRO merges received frames
 * before the stack sees them (receive), a TOE runs TCP itself (both, on top). I/OAT's DMA engine
 * does the receive copy, about a quarter of receive processing. Orders of magnitude from Menon et
 * al. (USENIX ATC 2006: TSO in Xen's virtual NIC), Menon & Zwaenepoel (USENIX ATC 2008: receive
 * aggregation) and Grover & Leech (Linux Symposium 2005: I/OAT); docs/model/io.md.
 */
export const OFFLOAD_TX: Record<'tso' | 'lro' | 'toe', number> = { tso: 0.5, lro: 1, toe: 0.7 };
export const OFFLOAD_RX: Record<'tso' | 'lro' | 'toe', number> = { tso: 1, lro: 0.6, toe: 0.7 };
export const IOAT_RX = 0.75;
/**
 * [assumption] A live migration stream is received on one core, which copies every page out of
 * the socket into the guest's memory: this many cycles per KB cap one stream at
 * MHz x 10^6 / 1000 KB/s, 16 Gbit/s at 2 GHz (VMware gives ~15 Gbit/s for one vMotion stream,
 * which is why vSphere 7 U1 added streams). I/OAT does the copy, half of that cost.
 */
export const MIGRATION_CYCLES_PER_KB = 1000;
export const MIGRATION_IOAT_COST = 0.5;

/**
 * An emulated device (e1000, IDE) moves at most this much per direction (docs/model/io.md,
 * "Device paths").
 */
export const EMULATED_CAP_MBIT = 1000;

/**
 * Share of the hypervisor's I/O work done by a driver partition instead of the hypervisor proper:
 * Xen netback/blkback in Domain-0 take 60 % (docs/model/io.md, "Device paths"); a device model
 * (qemu-dm, Hyper-V's worker process) runs entirely there but for the traps [assumption];
 * passthrough bypasses it.
 */
export const PARTITION_SHARE: Record<IoModel, number> = { emulated: 0.9, paravirtual: 0.6, passthrough: 0 };

/** Hypervisors whose guests' I/O goes through a driver partition, and that partition's name. */
export { PARTITION_NAME } from '../../profile/partitions.js';
/** A driver partition's vCPUs: min(this, pCPUs). */
export const PARTITION_MAX_VCPUS = 4;
/** Its own work when no guest does I/O (xenstored, toolstack, management), per vCPU. */
export const PARTITION_BASE_LOAD = 0.05;
/**
 * [assumption] How long a driver partition takes to come back after a `restart` (a patch
 * reboot of Domain-0's Linux or the parent partition's Windows): its kernel, then the back-end
 * drivers and the toolstack; a profile's `boot:` overrides it.
 */
export const PARTITION_BOOT_MS = 30_000;
/**
 * [assumption] Share of its vCPU time a guest spends blocked (%VMWAIT) while all its
 * outstanding I/O is stuck in a driver partition that is down: the threads that wait on disk and
 * sockets block; a tenth (timers, in-memory work) goes on.
 */
export const IO_BLOCKED_WAIT = 0.9;
/** CPU shares per partition vCPU: administrators weight Dom0 above guests so I/O keeps flowing. */
export const PARTITION_SHARES_PER_VCPU = 2000;

/** vNIC shares (NIOC v3 VM shares low/normal/high) and virtual disk shares (SIOC). */
export { DISK_SHARES, NET_SHARES } from '../../profile/io-shares.js';

/** SIOC's congestion threshold (ESX 4.1's default; docs/model/io.md). */
export const SIOC_THRESHOLD_MS = 30;
/** Commands a guest keeps outstanding on its virtual disk (pvscsi's default queue depth). */
export const VDISK_QUEUE_DEPTH = 64;
/**
 * [assumption] The device's queue depth (esxtop DQLEN): commands the VMkernel keeps in flight at
 * the LUN at once; what is beyond waits in the kernel (QUED). A common HBA LUN queue depth.
 */
export const DEVICE_QUEUE_DEPTH = 64;
/** Device utilization where the M/M/1 latency curve stops (bounds DAVG at 20x the base latency). */
export const MAX_DEVICE_UTILIZATION = 0.95;
/** VMkernel time per command with nothing queued, ms (esxtop's typical idle KAVG). */
export const KAVG_BASE_MS = 0.01;
