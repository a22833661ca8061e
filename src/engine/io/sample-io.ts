// esxtop's network and disk fields from the I/O model's cumulative counters: every rate is the
// change since the previous sample over the simulated time the counters advanced.

import { DEVICE_QUEUE_DEPTH, IO_SIZE_KIB, PACKET_BYTES, PAGING_IO_KIB, READ_FRACTION, VDISK_QUEUE_DEPTH } from './constants.js';
import type { HostIo } from './host-io.js';
import { IO_COUNTERS, type IoCounter } from './counters.js';
import type { HostIoFields, VmIo } from './types.js';

export const NO_IO: Readonly<VmIo> = Object.freeze({
  'MbTX/s': 0, 'MbRX/s': 0, '%DRPTX': 0, '%DRPRX': 0, 'PKTTX/s': 0, 'PKTRX/s': 0,
  'CMDS/s': 0, 'READS/s': 0, 'WRITES/s': 0, 'MBREAD/s': 0, 'MBWRTN/s': 0, DAVG: 0, KAVG: 0, GAVG: 0,
  WQLEN: 0, ACTV_CMDS: 0, QUED_CMDS: 0,
});

const NET_COUNTERS: ReadonlySet<IoCounter> = new Set<IoCounter>(['tx', 'txWant', 'txDrop', 'rx', 'rxWant', 'rxDrop']);
const PKT_PER_MBIT = 1e6 / 8 / PACKET_BYTES;
const MIB_PER_CMD = IO_SIZE_KIB / 1024;
const MIB_PER_PAGING_CMD = PAGING_IO_KIB / 1024;

type Deltas = Record<IoCounter, number>;

/** Latencies carry esxtop's 0.01 ms, so GAVG = DAVG + KAVG holds in every printed sample too. */
function ms2(x: number): number {
  return Math.round(x * 100) / 100;
}

function fields(d: Deltas, perS: number): VmIo {
  const davg = d.cmds > 0 ? ms2(d.davgW / d.cmds) : 0;
  const kavg = d.cmds > 0 ? ms2(d.kavgW / d.cmds) : 0;
  const cmds = d.cmds * perS;
  // the guest's paging is reads and writes as they were; the rest follows the workload's mix
  const workload = Math.max(0, d.cmds - d.pageReads - d.pageWrites) * perS;
  const pageReads = d.pageReads * perS;
  const pageWrites = d.pageWrites * perS;
  return {
    'MbTX/s': d.tx * perS,
    'MbRX/s': d.rx * perS,
    '%DRPTX': d.txWant > 0 ? (100 * d.txDrop) / d.txWant : 0,
    '%DRPRX': d.rxWant > 0 ? (100 * d.rxDrop) / d.rxWant : 0,
    'PKTTX/s': d.tx * perS * PKT_PER_MBIT,
    'PKTRX/s': d.rx * perS * PKT_PER_MBIT,
    'CMDS/s': cmds,
    'READS/s': workload * READ_FRACTION + pageReads,
    'WRITES/s': workload * (1 - READ_FRACTION) + pageWrites,
    'MBREAD/s': workload * READ_FRACTION * MIB_PER_CMD + pageReads * MIB_PER_PAGING_CMD,
    'MBWRTN/s': workload * (1 - READ_FRACTION) * MIB_PER_CMD + pageWrites * MIB_PER_PAGING_CMD,
    DAVG: davg,
    KAVG: kavg,
    GAVG: ms2(davg + kavg),
    WQLEN: VDISK_QUEUE_DEPTH,
    ACTV_CMDS: d.actvT * perS,
    QUED_CMDS: d.quedT * perS,
  };
}

function hostFields(io: HostIo, t: VmIo): HostIoFields {
  return {
    NIC_Mbps: t['MbTX/s'] + t['MbRX/s'],
    DISK_IOPS: t['CMDS/s'],
    nicSpeedMbit: io.spec.nicMbit,
    nicTxMbps: t['MbTX/s'],
    nicRxMbps: t['MbRX/s'],
    nicDropTxPct: t['%DRPTX'],
    nicDropRxPct: t['%DRPRX'],
    diskMaxIops: io.datastore.capacity,
    diskReadMBs: t['MBREAD/s'],
    diskWriteMBs: t['MBWRTN/s'],
    diskDAVG: t.DAVG,
    diskKAVG: t.KAVG,
    diskGAVG: t.GAVG,
    siocActive: io.datastore.sioc,
    diskDQLEN: DEVICE_QUEUE_DEPTH,
    diskACTV: t.ACTV_CMDS,
    diskQUED: t.QUED_CMDS,
  };
}

/**
 * Per group its network and disk fields (spread into the VM's sample, never handed out
 * themselves), and the host's uplink and datastore; the current counters become the base of
 * the next sample. A host without I/O costs nothing here: samples are taken often.
 */
export function sampleIo(io: HostIo): { vms: readonly Readonly<VmIo>[]; host: HostIoFields } {
  const ng = io.groups.length;
  if (!io.active) return { vms: Array<Readonly<VmIo>>(ng).fill(NO_IO), host: hostFields(io, NO_IO) };
  const spanMs = io.settledMs - (io.sampledMs ?? io.startedMs);
  const perS = spanMs > 0 ? 1000 / spanMs : 0;
  const vms: VmIo[] = [];
  const total = {} as Deltas;
  for (const k of IO_COUNTERS) total[k] = 0;
  for (let g = 0; g < ng; g++) {
    const d = {} as Deltas;
    // a passthrough NIC is a physical port of the VM's own, not the host's uplink
    const ownNic = io.groups[g].passthrough === true;
    for (const k of IO_COUNTERS) {
      d[k] = io.counters[k][g] - io.sampled[k][g];
      // the partition's row repeats what it served; the host counts each VM's I/O once
      if (g !== io.partition && !(ownNic && NET_COUNTERS.has(k))) total[k] += d[k];
    }
    vms.push(fields(d, perS));
  }
  for (const k of IO_COUNTERS) io.sampled[k].set(io.counters[k]);
  io.sampledMs = io.settledMs;
  return { vms, host: hostFields(io, fields(total, perS)) };
}
