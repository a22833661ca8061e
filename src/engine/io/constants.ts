// The I/O model's fixed assumptions (reference model §6). Every value here is a vmtop choice
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
 * Native cost of moving one KB (1000 bytes) through a guest's I/O stack, in CPU cycles: about
 * 0.25 pCPU at 2 GHz per Gbit/s. The hypervisor's cost is what a device model adds on top.
 */
export const NATIVE_CYCLES_PER_KB = 4000;

/**
 * CPU per KB moved relative to native (reference §6.1 ENGINE defaults): emulated NIC 5.0, Xen
 * split drivers 2.0, paravirtual 1.3, SR-IOV 1.05; disk emulated IDE 3.0, virtio-blk/pvscsi 1.2,
 * passthrough 1.0. Xen's blkfront/blkback is not given there: 1.5 [assumption].
 */
export const NET_COST: Record<IoModel, number> = { emulated: 5.0, paravirtual: 1.3, passthrough: 1.05 };
export const DISK_COST: Record<IoModel, number> = { emulated: 3.0, paravirtual: 1.2, passthrough: 1.0 };
export const XEN_SPLIT_NET_COST = 2.0;
export const XEN_SPLIT_DISK_COST = 1.5;

/** An emulated device (e1000, IDE) moves at most this much per direction (reference §6.1). */
export const EMULATED_CAP_MBIT = 1000;

/**
 * Share of the hypervisor's I/O work done by a driver partition instead of the hypervisor proper:
 * Xen netback/blkback in Domain-0 take 60 % (reference §6.1); a device model (qemu-dm, Hyper-V's
 * worker process) runs entirely there but for the traps [assumption]; passthrough bypasses it.
 */
export const PARTITION_SHARE: Record<IoModel, number> = { emulated: 0.9, paravirtual: 0.6, passthrough: 0 };

/** A driver partition's vCPUs: min(this, pCPUs). */
export const PARTITION_MAX_VCPUS = 4;
/** Its own work when no guest does I/O (xenstored, toolstack, management), per vCPU. */
export const PARTITION_BASE_LOAD = 0.05;
/** CPU shares per partition vCPU: administrators weight Dom0 above guests so I/O keeps flowing. */
export const PARTITION_SHARES_PER_VCPU = 2000;

/** vNIC shares (NIOC v3 VM shares low/normal/high) and virtual disk shares (SIOC, reference §6.2). */
export { DISK_SHARES, NET_SHARES } from '../../profile/io-shares.js';

/** SIOC's congestion threshold (reference §6.2, the textbook default). */
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
