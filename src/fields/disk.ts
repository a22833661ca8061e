// The disk field table: esxtop's disk panel (`d`) fields of a VM's virtual disk, in the JSONL's
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

/** Shown in the panel and the CSV, not in the JSONL (its keys are fixed: docs/cli.md). */
export const DISK_EXTRA_FIELDS: readonly FieldDef<DiskFieldKey>[] = [
  { key: 'READS/s', csv: 'Reads/sec', unit: 'IOPS', importance: 5, width: 8, meaning: 'read commands per second' },
  { key: 'WRITES/s', csv: 'Writes/sec', unit: 'IOPS', importance: 5, width: 8, meaning: 'write commands per second' },
];

export type DiskQueueKey = keyof Pick<VmIo, 'WQLEN' | 'ACTV_CMDS' | 'QUED_CMDS'>;

/**
 * esxtop's per-world queue view of a device: the panel and the JSONL show them (the JSONL under
 * these keys: ACTV is the memory panel's already). Averages over the interval.
 */
export const DISK_QUEUE_FIELDS: readonly (FieldDef<DiskQueueKey> & { label: string })[] = [
  { key: 'WQLEN', label: 'WQLEN', csv: 'Queue Depth', unit: 'cmds', importance: 2, width: 5,
    meaning: 'WQLEN: most commands the VM (its world) may have outstanding on the device; beyond them its guest waits' },
  { key: 'ACTV_CMDS', label: 'ACTV', csv: 'Active Commands', unit: 'cmds', importance: 3, width: 6,
    meaning: 'ACTV: the VM\'s commands in the device (issued, not completed) on average: its commands/s x DAVG (Little\'s law), ' +
      'its part of the device\'s DQLEN when that is full' },
  { key: 'QUED_CMDS', label: 'QUED', csv: 'Queued Commands', unit: 'cmds', importance: 4, width: 6, alarm: 1,
    meaning: 'QUED: the VM\'s commands waiting in the kernel for the device on average (KAVG\'s cause; >1 means the device is the bottleneck)' },
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

export type HostDiskQueueKey = keyof Pick<HostIoFields, 'diskDQLEN' | 'diskACTV' | 'diskQUED'>;

/** The device's queue (esxtop's device view), with the JSONL keys of the host row. */
export const HOST_DISK_QUEUE_FIELDS: readonly { key: HostDiskQueueKey; json: string; meaning: string }[] = [
  { key: 'diskDQLEN', json: 'DQLEN', meaning: 'DQLEN: the device\'s queue depth, commands it takes in flight at once' },
  { key: 'diskACTV', json: 'DISK_ACTV', meaning: 'ACTV: commands in the device on average (at most DQLEN)' },
  { key: 'diskQUED', json: 'DISK_QUED', meaning: 'QUED: commands waiting in the kernel for a place in the device on average' },
];
