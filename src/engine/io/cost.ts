// What a VM's I/O costs the host's CPU, by device model and hypervisor (docs/model/io.md,
// "Device paths" and "NIC offloads and I/OAT"): the cycles a device path adds over native, and
// which part of them a driver partition does; a host's NIC offloads and I/OAT lower the network
// part per direction.

import { traits } from '../../profile/hypervisors.js';
import type { HostSpec, IoModel } from '../../profile/types.js';
import {
  DISK_COST, IO_SIZE_KIB, IOAT_RX, MIGRATION_CYCLES_PER_KB, MIGRATION_IOAT_COST, NATIVE_CYCLES_PER_KB, NET_COST, OFFLOAD_RX, OFFLOAD_TX,
  PARTITION_SHARE, XEN_SPLIT_DISK_COST, XEN_SPLIT_NET_COST,
} from './constants.js';

export interface IoCost {
  /** pCPUs of hypervisor work per Mbit/s sent */
  perMbitTx: number;
  /** pCPUs of hypervisor work per Mbit/s received */
  perMbitRx: number;
  /** pCPUs of hypervisor work per disk command per second */
  perCmd: number;
  /** the part of that work a driver partition (Domain-0, Parent-Partition) does */
  partitionShare: number;
}

/** KB moved per Mbit/s: 10^6 bits / 8 / 1000 bytes. */
const KB_PER_MBIT = 125;
const KB_PER_CMD = (IO_SIZE_KIB * 1024) / 1000;

type HostNic = Pick<HostSpec, 'hypervisor' | 'mhz' | 'nicOffload' | 'ioat'>;

/** What the host's offloads leave of its network CPU per KB, transmit and receive. */
export function offloadFactors(host: Pick<HostSpec, 'nicOffload' | 'ioat'>): { tx: number; rx: number } {
  let tx = 1;
  let rx = host.ioat ? IOAT_RX : 1;
  for (const o of host.nicOffload ?? []) {
    tx *= OFFLOAD_TX[o];
    rx *= OFFLOAD_RX[o];
  }
  return { tx, rx };
}

export function ioCost(host: HostNic, model: IoModel): IoCost {
  const xenSplit = host.hypervisor === 'xen' && model === 'paravirtual';
  const net = xenSplit ? XEN_SPLIT_NET_COST : NET_COST[model];
  const disk = xenSplit ? XEN_SPLIT_DISK_COST : DISK_COST[model];
  const cyclesPerS = host.mhz * 1e6;
  const perMbit = (KB_PER_MBIT * NATIVE_CYCLES_PER_KB * (net - 1)) / cyclesPerS;
  const off = offloadFactors(host);
  return {
    perMbitTx: perMbit * off.tx,
    perMbitRx: perMbit * off.rx,
    perCmd: (KB_PER_CMD * NATIVE_CYCLES_PER_KB * (disk - 1)) / cyclesPerS,
    partitionShare: traits(host.hypervisor).ioPartition ? PARTITION_SHARE[model] : 0,
  };
}

/** Mbit/s one live migration's receiver can copy into guest memory on one core (I/OAT: more). */
export function migrationCopyMbit(host: Pick<HostSpec, 'mhz' | 'ioat'>): number {
  const cyclesPerKb = MIGRATION_CYCLES_PER_KB * (host.ioat ? MIGRATION_IOAT_COST : 1);
  return ((host.mhz * 1e6) / cyclesPerKb) / KB_PER_MBIT;
}
