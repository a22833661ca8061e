// The network and disk fields of the samples (esxtop's `n` and `d` panels; their JSONL keys:
// docs/cli.md). Rates cover the interval; latencies are command-weighted averages over it, in ms.

/** A VM's network port and virtual disk; on a driver partition, the guests' I/O it served. */
export interface VmIo {
  /** megabits per second sent and received */
  'MbTX/s': number;
  'MbRX/s': number;
  /** % of packets dropped: transmit at the uplink, receive at the uplink or for want of guest CPU */
  '%DRPTX': number;
  '%DRPRX': number;
  'PKTTX/s': number;
  'PKTRX/s': number;
  /** disk commands per second, and the part of them reads and writes */
  'CMDS/s': number;
  'READS/s': number;
  'WRITES/s': number;
  /** MiB per second */
  'MBREAD/s': number;
  'MBWRTN/s': number;
  /** device latency per command */
  DAVG: number;
  /** time in the kernel (queueing) per command */
  KAVG: number;
  /** what the guest sees: DAVG + KAVG */
  GAVG: number;
  /** esxtop WQLEN: most commands the VM (world) may have outstanding on the device */
  WQLEN: number;
  /** esxtop ACTV: its commands in the device, on average over the interval */
  ACTV_CMDS: number;
  /** esxtop QUED: its commands waiting in the kernel, on average over the interval */
  QUED_CMDS: number;
}

/** The host's uplink (vmnic0) and datastore: `HostSample.io`. */
export interface HostIoFields {
  /** Mbit/s through the host NIC, both directions */
  NIC_Mbps: number;
  /** commands per second on the datastore */
  DISK_IOPS: number;
  /** link speed, Mbit/s per direction */
  nicSpeedMbit: number;
  nicTxMbps: number;
  nicRxMbps: number;
  /** % of packets dropped: transmit at the uplink; receive at the uplink or in the guests */
  nicDropTxPct: number;
  nicDropRxPct: number;
  /** commands per second the datastore can serve */
  diskMaxIops: number;
  diskReadMBs: number;
  diskWriteMBs: number;
  diskDAVG: number;
  diskKAVG: number;
  diskGAVG: number;
  /** Storage I/O Control is dividing the datastore by disk shares */
  siocActive: boolean;
  /** esxtop DQLEN: the device's queue depth; ACTV, QUED: commands in it and waiting in the kernel */
  diskDQLEN: number;
  diskACTV: number;
  diskQUED: number;
}
