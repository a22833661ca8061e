// One sample of a capture -> the monitor's Snapshot. A counter the capture lacks reads NaN, which
// the panels draw as `-`: an absent number is never shown as a 0 the host did not report.

import type { CpuStateTimes, HostSample, MemState, Snapshot, VcpuSample, VmSample } from '../engine/snapshot.js';
import { KERNEL_STATE_CODE } from '../output/esxtop/counters.js';
import type { CaptureLayout, GroupLayout, PortLayout, Slots, WorldLayout } from './layout.js';
import type { MappedCounter } from './counters.js';

/** Where the sample on screen sits in its capture (the monitor's position indicator). */
export interface CapturePosition {
  file: string;
  /** 1-based */
  index: number;
  /** samples in the file, once known (a background count of its lines) */
  count: number | null;
  /** the time column as written */
  label: string;
}

export interface CaptureWorld extends VcpuSample {
  /** the world's own name, as esxtop shows it when a group is expanded */
  world: string;
}

export interface CaptureSnapshot extends Snapshot {
  capture: CapturePosition;
}

const STATE_BY_CODE = Object.fromEntries(Object.entries(KERNEL_STATE_CODE).map(([k, v]) => [v, k])) as Record<number, MemState>;

type Read = (slot: number | undefined) => number;

export function reader(values: Float32Array): Read {
  return (slot) => (slot === undefined || slot < 0 ? NaN : values[slot]);
}

function get<O extends string>(read: Read, slots: Slots<O>, counter: MappedCounter<O>): number {
  return read(slots[counter]);
}

/**
 * A world in one literal: spread from cpuStates, each of a 20,000-column capture's 560 worlds
 * cost a second object per sample, and the snapshots' garbage was the monitor's RSS.
 */
function worldOf(read: Read, w: WorldLayout, i: number): CaptureWorld {
  const r = (c: MappedCounter<'Vcpu'>) => read(w.cpu[c]);
  return {
    '%USED': r('% Used'), '%RUN': r('% Run'), '%SYS': r('% System'), '%WAIT': r('% Wait'), '%VMWAIT': r('% VmWait'),
    '%RDY': r('% Ready'), '%IDLE': r('% Idle'), '%OVRLP': r('% Overlap'), '%CSTP': r('% CoStop'), '%MLMTD': r('% Max Limited'),
    '%SWPWT': r('% Swap Wait'), index: w.vcpu ?? i, wid: w.wid, world: w.name,
  };
}

function cpuStates(read: Read, s: Slots<'Vcpu'> | Slots<'Group Cpu'>): CpuStateTimes {
  const r = (c: MappedCounter<'Vcpu'>) => read((s as Slots<'Vcpu'>)[c]);
  return {
    '%USED': r('% Used'), '%RUN': r('% Run'), '%SYS': r('% System'), '%WAIT': r('% Wait'), '%VMWAIT': r('% VmWait'),
    '%RDY': r('% Ready'), '%IDLE': r('% Idle'), '%OVRLP': r('% Overlap'), '%CSTP': r('% CoStop'), '%MLMTD': r('% Max Limited'),
    '%SWPWT': r('% Swap Wait'),
  };
}

/** NaN-aware sum: NaN only when every term is absent */
function sum(xs: number[]): number {
  const present = xs.filter((x) => !Number.isNaN(x));
  return present.length ? present.reduce((a, b) => a + b, 0) : NaN;
}

/** an average weighted by commands, NaN when nothing reports it */
function weighted(pairs: [number, number][]): number {
  const present = pairs.filter(([w, x]) => !Number.isNaN(w) && !Number.isNaN(x));
  if (!present.length) return NaN;
  const w = present.reduce((a, [k]) => a + k, 0);
  return w > 0 ? present.reduce((a, [k, x]) => a + k * x, 0) / w : 0;
}

function portSums(read: Read, ports: PortLayout[]) {
  const each = (c: MappedCounter<'Network Port'>) => ports.map((p) => read(p.counters[c]));
  const max = (xs: number[]) => (xs.every(Number.isNaN) ? NaN : Math.max(...xs.filter((x) => !Number.isNaN(x))));
  return {
    'MbTX/s': sum(each('MBits Transmitted/sec')), 'MbRX/s': sum(each('MBits Received/sec')),
    'PKTTX/s': sum(each('Packets Transmitted/sec')), 'PKTRX/s': sum(each('Packets Received/sec')),
    '%DRPTX': max(each('% Outbound Packets Dropped')), '%DRPRX': max(each('% Received Packets Dropped')),
  };
}

function vmOf(read: Read, g: GroupLayout, host: string): VmSample {
  const c = <K extends MappedCounter<'Group Cpu'>>(k: K) => get(read, g.cpu, k);
  const m = <K extends MappedCounter<'Group Memory'>>(k: K) => get(read, g.mem, k);
  const vcpuWorlds = g.worlds.filter((w) => w.vcpu !== null);
  const worlds: CaptureWorld[] = g.worlds.map((w, i) => worldOf(read, w, i));
  const d = g.vdisk ?? {};
  const v = <K extends MappedCounter<'Virtual Disk'>>(k: K) => read(d[k]);
  const reads = v('Reads/sec');
  const writes = v('Writes/sec');
  const dw = <K extends MappedCounter<'Physical Disk Per-Device-Per-World'>>(k: K) =>
    g.deviceWorlds.map((s) => [read(s['Commands/sec']), read(s[k])] as [number, number]);
  const memsz = m('Memory Size MBytes');
  const limit = c('Alloc Max');
  const io = g.kind === 'vm' ? portSums(read, g.ports) : portSums(read, []);
  return {
    ...cpuStates(read, g.cpu),
    gid: g.gid, name: g.name, host, state: 'running', kind: g.kind,
    NWLD: c('Members'), vcpus: g.kind === 'vm' ? vcpuWorlds.length : Math.max(1, g.worlds.length),
    shares: c('Alloc Shares'), reservationMHz: c('Alloc Min'), limitMHz: limit === -1 ? null : limit,
    '%DMD': c('% Demand'), workMHz: NaN,
    // a VM's vCPUs first, in esxtop's order, then its vmx, mks and svga worlds
    vcpu: g.kind === 'vm' ? [...worlds.filter((_, i) => g.worlds[i].vcpu !== null), ...worlds.filter((_, i) => g.worlds[i].vcpu === null)] : worlds,
    MEMSZ: memsz, GRANT: m('Memory Granted Size MBytes'), CNSM: m('Memory Consumed Size MBytes'), SZTGT: m('Target Size MBytes'),
    TCHD: m('Touched MBytes'), ACTV: (m('% Active Estimate') * memsz) / 100,
    MCTLSZ: m('Memctl MBytes'), MCTLTGT: m('Memctl Target MBytes'), MCTLMAX: m('Memctl Max MBytes'),
    SWCUR: m('Swapped MBytes'), SWTGT: m('Swap Target MBytes'), 'SWR/s': m('Swap Read MBytes/sec'), 'SWW/s': m('Swap Written MBytes/sec'),
    ZIP: m('Compressed Memory MBytes'), SHRD: m('Shared MBytes'), ZERO: m('Zero MBytes'), SHRDSVD: m('Shared Saved MBytes'),
    COWH: m('Copy On Write Hint MBytes'), OVHD: m('Overhead MBytes'), GSWAP: NaN,
    ...io,
    'CMDS/s': v('Commands/sec'), 'READS/s': reads, 'WRITES/s': writes, 'MBREAD/s': v('MBytes Read/sec'), 'MBWRTN/s': v('MBytes Written/sec'),
    DAVG: weighted(dw('Average Driver MilliSec/Command')), KAVG: weighted(dw('Average Kernel MilliSec/Command')),
    // queue depths: the counter table names no capture counter for them yet, so absent
    WQLEN: NaN, ACTV_CMDS: NaN, QUED_CMDS: NaN,
    GAVG: weighted([[reads, v('Average MilliSec/Read')], [writes, v('Average MilliSec/Write')]]),
  };
}

function hostOf(read: Read, l: CaptureLayout, vms: VmSample[]): HostSample {
  const mem = <K extends MappedCounter<'Memory'>>(k: K) => get(read, l.memory, k);
  const uplinks = l.hostPorts.filter((p) => p.kind === 'uplink');
  const nic = portSums(read, uplinks);
  const dev = <K extends MappedCounter<'Physical Disk SCSI Device'>>(k: K) => l.devices.map((d) => read(d.counters[k]));
  const cmds = dev('Commands/sec');
  const lat = (k: MappedCounter<'Physical Disk SCSI Device'>) => weighted(cmds.map((n, i) => [n, dev(k)[i]]));
  const code = mem('Kernel State');
  const nicMbps = nic['MbTX/s'] + nic['MbRX/s'];
  const io = {
    NIC_Mbps: nicMbps, DISK_IOPS: sum(cmds), nicSpeedMbit: NaN, nicTxMbps: nic['MbTX/s'], nicRxMbps: nic['MbRX/s'],
    nicDropTxPct: nic['%DRPTX'], nicDropRxPct: nic['%DRPRX'], diskMaxIops: NaN,
    diskReadMBs: sum(dev('MBytes Read/sec')), diskWriteMBs: sum(dev('MBytes Written/sec')),
    diskDAVG: lat('Average Driver MilliSec/Command'), diskKAVG: lat('Average Kernel MilliSec/Command'), diskGAVG: lat('Average Guest MilliSec/Command'),
    siocActive: false, diskDQLEN: NaN, diskACTV: NaN, diskQUED: NaN,
  };
  return {
    id: 0, name: l.host, hypervisor: 'esxi', state: 'up', pcpus: l.pcpus.length, mhz: read(l.topMHz), coscheduling: 'relaxed',
    pcpuUsed: l.pcpus.map((p) => read(p.used)), pcpuUtil: l.pcpus.map((p) => read(p.util)),
    'PCPU_USED%': read(l.total.used), 'PCPU_UTIL%': read(l.total.util),
    // esxtop writes no %A/MPERF in batch mode; USED/UTIL is not it (UTIL holds time no world is charged)
    clock: NaN,
    loadAvg: [read(l.load[0]), read(l.load[1]), read(l.load[2])], gangIdlePct: NaN,
    vmCount: vms.filter((v) => v.kind === 'vm').length, vcpuCount: vms.reduce((a, v) => a + (v.kind === 'vm' ? v.vcpus : 0), 0),
    MEM_TOTAL: mem('Machine MBytes'), MEM_FREE: mem('Free MBytes'), MEM_STATE: STATE_BY_CODE[code] ?? 'high',
    minFree: mem('Kernel MinFree MBytes'), reserved: mem('Kernel MBytes'), // esxtop writes the excess over 1, averaged: the plain ratio is 1 more than the 1-minute one
    overcommit: 1 + mem('Memory Overcommit (1 Minute Avg)'),
    overcommitAvg: [mem('Memory Overcommit (1 Minute Avg)'), mem('Memory Overcommit (5 Minute Avg)'), mem('Memory Overcommit (15 Minute Avg)')],
    PSHARE_SHARED: mem('PShare Shared MBytes'), PSHARE_COMMON: mem('PShare Common MBytes'), PSHARE_SAVING: mem('PShare Savings MBytes'),
    MEMCTL: mem('Memctl Current MBytes'), MEMCTL_TGT: mem('Memctl Target MBytes'),
    SWAP: mem('Swap Used MBytes'), SWAP_TGT: mem('Swap Target MBytes'), 'SWR/s': mem('Swap MBytes Read/sec'), 'SWW/s': mem('Swap MBytes Write/sec'),
    ZIP: mem('Total Compressed MBytes'),
    NIC_Mbps: nicMbps, DISK_IOPS: io.DISK_IOPS, io,
  };
}

/** One sample as the monitor's snapshot; `t` seconds since the first sample, `interval` since the one before. */
export function captureSnapshot(l: CaptureLayout, values: Float32Array, t: number, interval: number, position: CapturePosition): CaptureSnapshot {
  const read = reader(values);
  const vms = l.groups.map((g) => vmOf(read, g, l.host));
  return {
    t, interval, hosts: [hostOf(read, l, vms)], vms, containers: [], services: [], vservers: [], events: [], capture: position,
  };
}
