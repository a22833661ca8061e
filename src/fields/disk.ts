// The disk field table: esxtop's disk panel (`d`) fields of a VM's virtual disk, in the SPEC's
// batch order, then the extras the panel and the CSV show. Panels, help and writers read it.

import type { HostIoFields, VmIo } from '../engine/snapshot.js';
import type { FieldDef } from './cpu.js';

export type DiskFieldKey = keyof Pick<VmIo, 'CMDS/s' | 'MBREAD/s' | 'MBWRTN/s' | 'DAVG' | 'KAVG' | 'GAVG' | 'READS/s' | 'WRITES/s'>;

/** Thresholds compare the VM's own value (not per vCPU): call levelOf without vcpus. */
export const DISK_FIELDS: readonly FieldDef<DiskFieldKey>[] = [
  { key: 'CMDS/s', csv: 'Commands/sec', unit: 'IOPS', importance: 10, width: 8,
    meaning: 'disk commands per second (IOPS)' },
  { key: 'MBREAD/s', csv: 'MBytes Read/sec', unit: 'MiB/s', importance: 8, width: 8,
    meaning: 'MiB per second read (32 KiB commands, 70 % reads)' },
  { key: 'MBWRTN/s', csv: 'MBytes Written/sec', unit: 'MiB/s', importance: 8, width: 8,
    meaning: 'MiB per second written' },
  { key: 'DAVG', csv: 'Average Driver MilliSec/Command', unit: 'ms', importance: 9, width: 7, alarm: 25,
    meaning: 'device latency per command: the array; rises as the datastore nears its IOPS limit (>25 ms is bad)' },
  { key: 'KAVG', csv: 'Average Kernel MilliSec/Command', unit: 'ms', importance: 9, width: 7, alarm: 2,
    meaning: 'time per command in the hypervisor kernel, mostly queueing for the device (>2 ms is bad)' },
  { key: 'GAVG', csv: 'Average Guest MilliSec/Command', unit: 'ms', importance: 10, width: 7, alarm: 25,
    meaning: 'latency the guest sees per command: DAVG + KAVG (>25 ms is bad)' },
];

/** Shown in the panel and the CSV, not in the JSONL (the SPEC fixes its keys). */
export const DISK_EXTRA_FIELDS: readonly FieldDef<DiskFieldKey>[] = [
  { key: 'READS/s', csv: 'Reads/sec', unit: 'IOPS', importance: 5, width: 8, meaning: 'read commands per second' },
  { key: 'WRITES/s', csv: 'Writes/sec', unit: 'IOPS', importance: 5, width: 8, meaning: 'write commands per second' },
];

export type HostDiskKey = keyof Pick<HostIoFields, 'DISK_IOPS' | 'diskMaxIops' | 'diskReadMBs' | 'diskWriteMBs' | 'diskDAVG' | 'diskKAVG' | 'diskGAVG'>;

/** The host's datastore (keys of `HostSample.io`), its CSV counter (if esxtop has one) and meaning. */
export const HOST_DISK_FIELDS: readonly { key: HostDiskKey; csv?: string; meaning: string }[] = [
  { key: 'DISK_IOPS', csv: 'Commands/sec', meaning: 'commands per second on the host\'s datastore' },
  { key: 'diskMaxIops', meaning: 'commands per second the datastore can serve (IOPS or bandwidth)' },
  { key: 'diskReadMBs', csv: 'MBytes Read/sec', meaning: 'MiB per second read' },
  { key: 'diskWriteMBs', csv: 'MBytes Written/sec', meaning: 'MiB per second written' },
  { key: 'diskDAVG', csv: 'Average Driver MilliSec/Command', meaning: 'device latency per command' },
  { key: 'diskKAVG', csv: 'Average Kernel MilliSec/Command', meaning: 'kernel (queueing) time per command' },
  { key: 'diskGAVG', csv: 'Average Guest MilliSec/Command', meaning: 'DAVG + KAVG' },
];
