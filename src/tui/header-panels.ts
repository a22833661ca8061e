// The esxtop-like header lines of the network, disk, containers and VServer panels: two lines
// each, for the selected host, with the figures that crossed a threshold coloured. A narrower
// terminal gets shorter wording before anything is cut.

import type { HostSample, Snapshot } from '../engine/snapshot.js';
import { levelOf, type Level } from '../fields/cpu.js';
import { memoryLevel } from '../fields/cgroup.js';
import { DISK_FIELDS } from '../fields/disk.js';
import { NET_FIELDS } from '../fields/network.js';
import { fit, type Segment } from './columns.js';
import { field } from './columns-table.js';
import type { TablePanelId } from './panels.js';

/** A line as parts; a part may be coloured. */
type Parts = readonly (string | Segment)[];

const seg = (p: string | Segment): Segment => (typeof p === 'string' ? { text: p } : p);
const length = (parts: Parts) => parts.reduce((n, p) => n + seg(p).text.length, 0);

/** The first variant that fits, padded to the width; else the last one cut. */
function line(variants: readonly Parts[], width: number): Segment[] {
  const found = variants.find((v) => length(v) <= width);
  if (!found) return [{ text: fit(variants.at(-1)!.map((p) => seg(p).text).join(''), width) }];
  return [...found.map(seg), { text: ' '.repeat(width - length(found)) }];
}

const two = (n: number) => n.toFixed(2);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const pct = (part: number, whole: number) => (whole > 0 ? ((part * 100) / whole).toFixed(1) : '0.0');
const blank = (width: number): Segment[] => [{ text: ' '.repeat(width) }];
const coloured = (text: string, level: Level): Segment => ({ text, level });
const count = (n: number, level: Level = 'warn'): Segment => coloured(String(n), n > 0 ? level : 'ok');

const DRPTX = field(NET_FIELDS, '%DRPTX');
const DRPRX = field(NET_FIELDS, '%DRPRX');

/** Which row carries the guests' I/O on this host, in a word. */
const BACK_ENDS: Partial<Record<HostSample['hypervisor'], string>> = {
  xen: 'Domain-0 runs the back ends',
  hyperv: 'Parent-Partition runs the VSPs',
  vbox: 'the host OS carries the I/O',
};

function netLines(snap: Snapshot, host: HostSample, width: number): Segment[][] {
  const io = host.io;
  const tx = coloured(two(io.nicDropTxPct), levelOf(DRPTX, io.nicDropTxPct));
  const rx = coloured(two(io.nicDropRxPct), levelOf(DRPRX, io.nicDropRxPct));
  const speed = io.nicSpeedMbit;
  const nic = line([
    [`NIC   /Mbit: vmnic0 ${speed} full duplex, TX ${two(io.nicTxMbps)} (${pct(io.nicTxMbps, speed)}%), ` +
      `RX ${two(io.nicRxMbps)} (${pct(io.nicRxMbps, speed)}%)   %DRPTX `, tx, '  %DRPRX ', rx],
    [`NIC/Mbit: ${speed}, TX ${two(io.nicTxMbps)}, RX ${two(io.nicRxMbps)}  %DRPTX `, tx, ' %DRPRX ', rx],
    [`NIC ${speed}: TX ${two(io.nicTxMbps)} RX ${two(io.nicRxMbps)} DRP `, tx, '/', rx],
  ], width);
  const vms = snap.vms.filter((v) => v.host === host.name);
  const active = vms.filter((v) => v['MbTX/s'] + v['MbRX/s'] > 0).length;
  const dropping = vms.filter((v) => levelOf(DRPTX, v['%DRPTX']) !== 'ok' || levelOf(DRPRX, v['%DRPRX']) !== 'ok')
    .map((v) => v.name);
  const drops = dropping.length ? coloured(dropping.join(', '), 'alarm') : 'none';
  const system = BACK_ENDS[host.hypervisor];
  const ports = line([
    [`PORTS: ${plural(vms.length, 'port')}, ${active} with traffic${system ? ` (${system})` : ''}; dropping > 1%: `, drops],
    [`PORTS: ${vms.length}, ${active} with traffic; dropping: `, drops],
    ['DROPPING: ', drops],
  ], width);
  return [nic, ports];
}

const DAVG = field(DISK_FIELDS, 'DAVG');
const KAVG = field(DISK_FIELDS, 'KAVG');
const GAVG = field(DISK_FIELDS, 'GAVG');

function diskLines(host: HostSample, width: number): Segment[][] {
  const io = host.io;
  const cmds = two(io.DISK_IOPS);
  const store = line([
    [`DATASTORE: ${cmds} cmds/s of ${Math.round(io.diskMaxIops)} (${pct(io.DISK_IOPS, io.diskMaxIops)}%), ` +
      `MBREAD/s ${two(io.diskReadMBs)}, MBWRTN/s ${two(io.diskWriteMBs)}`],
    [`DISK: ${cmds} of ${Math.round(io.diskMaxIops)} cmds/s, ${two(io.diskReadMBs)} MiB/s rd, ${two(io.diskWriteMBs)} wr`],
  ], width);
  const lat = (f: typeof DAVG, v: number) => coloured(two(v), levelOf(f, v));
  const d = lat(DAVG, io.diskDAVG);
  const k = lat(KAVG, io.diskKAVG);
  const g = lat(GAVG, io.diskGAVG);
  const sioc = io.siocActive ? coloured('SIOC active: disk shares divide the device', 'warn') : 'SIOC idle';
  const latency = line([
    ['LATENCY/ms: DAVG ', d, '  KAVG ', k, '  GAVG ', g, ' (= DAVG + KAVG)   ', sioc],
    ['LATENCY/ms: DAVG ', d, '  KAVG ', k, '  GAVG ', g, '  ', io.siocActive ? coloured('SIOC', 'warn') : ''],
  ], width);
  return [store, latency];
}

function cgroupLines(snap: Snapshot, host: HostSample, width: number): Segment[][] {
  const cts = snap.containers.filter((c) => c.host === host.name);
  if (cts.length === 0) return [line([[`CGROUPS: no containers on ${host.name}`]], width), blank(width)];
  const services = snap.services.filter((s) => s.host === host.name).length;
  const inVms = cts.filter((c) => c.vm !== null).length;
  const frozen = count(cts.filter((c) => c.frozen).length);
  const throttled = count(cts.filter((c) => c['throttled%'] > 0).length);
  const restarting = count(cts.filter((c) => c.state === 'restarting').length, 'alarm');
  const ooms = count(cts.reduce((n, c) => n + c.oom_kill, 0), 'alarm');
  const counts = line([
    [`CGROUPS: ${plural(cts.length, 'container')}, ${plural(services, 'service')}, ${inVms} in VMs; `, frozen, ' frozen, ', throttled,
      ' throttled by cpu.max, ', restarting, ' restarting, ', ooms, ' OOM kills'],
    [`CGROUPS: ${plural(cts.length, 'container')}; `, frozen, ' frozen, ', throttled, ' throttled, ', restarting, ' restarting, ',
      ooms, ' OOM kills'],
    [`CGROUPS: ${cts.length}; `, frozen, ' frozen, ', throttled, ' throttled, ', restarting, ' restarting, ', ooms, ' OOM'],
  ], width);
  const kernels = [...new Set(cts.map((c) => c.vm))].map((vm) => {
    const cpus = vm === null ? host.pcpus : snap.vms.find((v) => v.name === vm)?.vcpus ?? 0;
    const used = cts.filter((c) => c.vm === vm).reduce((n, c) => n + c['cpu.usage%'], 0);
    return `${used.toFixed(1)} of ${cpus * 100} (${vm ?? host.name})`;
  });
  const mem = Math.round(cts.reduce((n, c) => n + c['memory.current'], 0));
  const near = cts.filter((c) => memoryLevel(c) !== 'ok').map((c) => c.name);
  const nearSeg = near.length ? coloured(near.join(', '), 'warn') : 'none';
  const usage = line([
    [`CPU%: ${kernels.join(', ')}   MEM/MiB: ${mem} charged, near memory.max: `, nearSeg],
    [`CPU%: ${kernels.join(', ')}  MEM: ${mem} MiB, near max: `, nearSeg],
    [`MEM: ${mem} MiB, near memory.max: `, nearSeg],
  ], width);
  return [counts, usage];
}

function vserverLines(snap: Snapshot, host: HostSample, width: number): Segment[][] {
  const guests = snap.vservers.filter((v) => v.host === host.name);
  if (guests.length === 0) return [line([[`VSERVER: no guests on ${host.name}`]], width), blank(width)];
  const share = guests.reduce((n, v) => n + v.share, 0);
  const held = guests.filter((v) => v.held).map((v) => v.name);
  const heldSeg = held.length ? coloured(held.join(', '), 'alarm') : 'none';
  const hz = guests[0].hz;
  const summary = line([
    [`VSERVER: ${plural(guests.length, 'guest')}, W = ${hz} ticks/s, R/T summed ${two(share)} of ${plural(host.pcpus, 'CPU')}; held now: `, heldSeg],
    [`VSERVER: ${guests.length} guests, W ${hz}, R/T ${two(share)} of ${host.pcpus}; held: `, heldSeg],
  ], width);
  const holds = guests.reduce((n, v) => n + v.holds, 0);
  const heldS = guests.reduce((n, v) => n + v.held_s, 0);
  const totals = line([
    [`HOLDS: ${holds} since start, ${two(heldS)} s held in all; an empty bucket holds a guest until it refills to M tokens`],
    [`HOLDS: ${holds} since start, ${two(heldS)} s held; held until M tokens`],
    [`HOLDS: ${holds}, ${two(heldS)} s held`],
  ], width);
  return [summary, totals];
}

/** The panel's two header lines for the host (blank lines without one). */
export function panelHeaderLines(panel: TablePanelId, snap: Snapshot, host: HostSample | undefined, width: number): Segment[][] {
  if (!host) return [blank(width), blank(width)];
  if (panel === 'net') return netLines(snap, host, width);
  if (panel === 'disk') return diskLines(host, width);
  if (panel === 'cgroup') return cgroupLines(snap, host, width);
  return vserverLines(snap, host, width);
}
