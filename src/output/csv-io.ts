// CSV columns of the network and disk model, named as `esxtop -b` names them: a VM's
// `Network Port(vSwitch0:<id>:<vm>)` and `Virtual Disk(<vm>)`, the host's uplink port and its
// datastore's `Physical Disk SCSI Device`. The id is the VM's group id, as in `Group Cpu`.

import type { HostSample, VmSample } from '../engine/snapshot.js';
import { DISK_EXTRA_FIELDS, DISK_FIELDS, HOST_DISK_FIELDS } from '../fields/disk.js';
import { NET_EXTRA_FIELDS, NET_FIELDS } from '../fields/network.js';

interface Col<S> {
  path: string;
  value: (s: S) => number | undefined;
}

/** The uplink's port id on vSwitch0, fixed like the ones esxtop shows for vmnic0. */
const UPLINK_PORT = 33554434;
const DATASTORE = 'datastore1';

export function hostIoColumns<S>(h: HostSample, get: (s: S) => HostSample | undefined): Col<S>[] {
  const port = `\\\\${h.name}\\Network Port(vSwitch0:${UPLINK_PORT}:vmnic0)`;
  const cols: Col<S>[] = [
    { path: `${port}\\MBits Transmitted/sec`, value: (s) => get(s)?.io.nicTxMbps },
    { path: `${port}\\MBits Received/sec`, value: (s) => get(s)?.io.nicRxMbps },
    { path: `${port}\\% Outbound Packets Dropped`, value: (s) => get(s)?.io.nicDropTxPct },
    { path: `${port}\\% Received Packets Dropped`, value: (s) => get(s)?.io.nicDropRxPct },
  ];
  const dev = `\\\\${h.name}\\Physical Disk SCSI Device(${DATASTORE})`;
  for (const f of HOST_DISK_FIELDS) {
    if (f.csv) cols.push({ path: `${dev}\\${f.csv}`, value: (s) => get(s)?.io[f.key] });
  }
  return cols;
}

export function vmIoColumns<S>(v: VmSample, get: (s: S) => VmSample | undefined): Col<S>[] {
  const port = `\\\\${v.host}\\Network Port(vSwitch0:${v.gid}:${v.name})`;
  const disk = `\\\\${v.host}\\Virtual Disk(${v.name})`;
  return [
    ...[...NET_FIELDS, ...NET_EXTRA_FIELDS].map((f) => ({ path: `${port}\\${f.csv}`, value: (s: S) => get(s)?.[f.key] })),
    ...[...DISK_FIELDS, ...DISK_EXTRA_FIELDS].map((f) => ({ path: `${disk}\\${f.csv}`, value: (s: S) => get(s)?.[f.key] })),
  ];
}
