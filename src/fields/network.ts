// The network field table: esxtop's network panel (`n`) fields of a VM's port, in the JSONL's
// batch order, then the extras the panel and the CSV show. Panels, help and writers read it.

import type { HostIoFields, VmIo } from '../engine/snapshot.js';
import type { FieldDef } from './cpu.js';

export type NetFieldKey = keyof Pick<VmIo, 'MbTX/s' | 'MbRX/s' | '%DRPTX' | '%DRPRX' | 'PKTTX/s' | 'PKTRX/s'>;

/** Thresholds compare the VM's own value (not per vCPU): call levelOf without vcpus. */
export const NET_FIELDS: readonly FieldDef<NetFieldKey>[] = [
  { key: 'MbTX/s', csv: 'MBits Transmitted/sec', unit: 'Mbit/s', importance: 10, width: 8,
    meaning: 'megabits per second transmitted by the VM\'s vNIC' },
  { key: 'MbRX/s', csv: 'MBits Received/sec', unit: 'Mbit/s', importance: 10, width: 8,
    meaning: 'megabits per second received by the VM\'s vNIC' },
  { key: '%DRPTX', csv: '% Outbound Packets Dropped', unit: '%', importance: 9, width: 7, alarm: 1,
    meaning: 'transmitted packets dropped: the uplink cannot carry what the VMs send (>1 is bad)' },
  { key: '%DRPRX', csv: '% Received Packets Dropped', unit: '%', importance: 9, width: 7, alarm: 1,
    meaning: 'received packets dropped: a saturated uplink, or a guest (or Dom0) short of CPU to take them (>1 is bad)' },
];

/** Shown in the panel and the CSV, not in the JSONL (its keys are fixed: docs/cli.md). */
export const NET_EXTRA_FIELDS: readonly FieldDef<NetFieldKey>[] = [
  { key: 'PKTTX/s', csv: 'Packets Transmitted/sec', unit: 'pkt/s', importance: 6, width: 8,
    meaning: 'packets per second transmitted (1500-byte average frames)' },
  { key: 'PKTRX/s', csv: 'Packets Received/sec', unit: 'pkt/s', importance: 6, width: 8,
    meaning: 'packets per second received (1500-byte average frames)' },
];

export type HostNetKey = keyof Pick<HostIoFields, 'NIC_Mbps' | 'nicSpeedMbit' | 'nicTxMbps' | 'nicRxMbps' | 'nicDropTxPct' | 'nicDropRxPct'>;

/** The host's uplink (vmnic0), for the panel header and the overview: keys of `HostSample.io`. */
export const HOST_NET_FIELDS: readonly { key: HostNetKey; meaning: string }[] = [
  { key: 'NIC_Mbps', meaning: 'megabits per second through the host NIC, both directions' },
  { key: 'nicSpeedMbit', meaning: 'link speed per direction (full duplex)' },
  { key: 'nicTxMbps', meaning: 'megabits per second sent' },
  { key: 'nicRxMbps', meaning: 'megabits per second received' },
  { key: 'nicDropTxPct', meaning: '% of the VMs\' transmit demand dropped at the uplink' },
  { key: 'nicDropRxPct', meaning: '% of the traffic for the VMs dropped (uplink, or guests short of CPU)' },
];
