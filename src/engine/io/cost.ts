// What a VM's I/O costs the host's CPU, by device model and hypervisor (reference §6.1): the
// cycles a device path adds over native, and which part of them a driver partition does.

import { traits } from '../../profile/hypervisors.js';
import type { Hypervisor, IoModel } from '../../profile/types.js';
import {
  DISK_COST, IO_SIZE_KIB, NATIVE_CYCLES_PER_KB, NET_COST, PARTITION_SHARE,
  XEN_SPLIT_DISK_COST, XEN_SPLIT_NET_COST,
} from './constants.js';

export interface IoCost {
  /** pCPUs of hypervisor work per Mbit/s moved, either direction */
  perMbit: number;
  /** pCPUs of hypervisor work per disk command per second */
  perCmd: number;
  /** the part of that work a driver partition (Domain-0, Parent-Partition) does */
  partitionShare: number;
}

/** KB moved per Mbit/s: 10^6 bits / 8 / 1000 bytes. */
const KB_PER_MBIT = 125;
const KB_PER_CMD = (IO_SIZE_KIB * 1024) / 1000;

export function ioCost(hypervisor: Hypervisor, model: IoModel, mhz: number): IoCost {
  const xenSplit = hypervisor === 'xen' && model === 'paravirtual';
  const net = xenSplit ? XEN_SPLIT_NET_COST : NET_COST[model];
  const disk = xenSplit ? XEN_SPLIT_DISK_COST : DISK_COST[model];
  const cyclesPerS = mhz * 1e6;
  return {
    perMbit: (KB_PER_MBIT * NATIVE_CYCLES_PER_KB * (net - 1)) / cyclesPerS,
    perCmd: (KB_PER_CMD * NATIVE_CYCLES_PER_KB * (disk - 1)) / cyclesPerS,
    partitionShare: traits(hypervisor).ioPartition ? PARTITION_SHARE[model] : 0,
  };
}
