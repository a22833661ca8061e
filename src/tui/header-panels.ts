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

export function netLines(snap: Snapshot, host: HostSample, width: number): Segment[][] {
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

export function diskLines(host: HostSample, width: number): Segment[][] {
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
  const qued = coloured(two(io.diskQUED), io.diskQUED > 1 ? 'alarm' : 'ok');
  const queue = `DQLEN ${io.diskDQLEN} ACTV ${two(io.diskACTV)} QUED `;
  const latency = line([
    ['LATENCY/ms: DAVG ', d, '  KAVG ', k, '  GAVG ', g, ' (= DAVG + KAVG)   ', sioc, `   ${queue}`, qued],
    ['LATENCY/ms: DAVG ', d, '  KAVG ', k, '  GAVG ', g, '  ', io.siocActive ? coloured('SIOC', 'warn') : '', `  ${queue}`, qued],
    ['LATENCY/ms: DAVG ', d, '  KAVG ', k, '  GAVG ', g, '  ', io.siocActive ? coloured('SIOC', 'warn') : ''],
  ], width);
  return [store, latency];
}

export function cgroupLines(snap: Snapshot, host: HostSample, width: number): Segment[][] {
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

export function vserverLines(snap: Snapshot, host: HostSample, width: number): Segment[][] {
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

const pctOf = (x: number) => `${Math.round(x * 100)}%`;

/** The hosts overview's three lines: hosts and consolidation with HA; DRS; recommendations or what is in flight. */
export function clusterLines(snap: Snapshot, width: number): Segment[][] {
  const c = snap.cluster;
  if (!c) return [line([['CLUSTER: none in this profile']], width), blank(width), blank(width)];
  const hosts = snap.hosts.length;
  const ratio = two(c.consolidation);
  const tolerates = c.failoverCapacity;
  const ha = !c.ha
    ? ['HA off']
    : c.admission === 'slots'
    ? ['HA on, slots: tolerates ', coloured(plural(tolerates, 'host failure'), tolerates > 0 ? 'ok' : 'alarm')]
    : c.admission === 'percent'
    ? [`HA on, percent: ${pctOf(c.failoverPercent.cpu)} CPU, ${pctOf(c.failoverPercent.mem)} memory unreserved`]
    : ['HA on, admission off'];
  const haShort = !c.ha ? ['HA off'] : c.admission === 'slots'
    ? ['HA tolerates ', coloured(`${tolerates} failure${tolerates === 1 ? '' : 's'}`, tolerates > 0 ? 'ok' : 'alarm')]
    : c.admission === 'percent' ? [`HA: ${pctOf(c.failoverPercent.cpu)} CPU, ${pctOf(c.failoverPercent.mem)} mem free`] : ['HA on'];
  const head = line([
    [`CLUSTER: ${c.hostsOn} of ${plural(hosts, 'host')} on, ${c.runningVms} VMs running: ${ratio} VMs per host (consolidation); `, ...ha],
    [`CLUSTER: ${c.hostsOn}/${hosts} hosts on, ${c.runningVms} VMs, ${ratio} VMs/host; `, ...ha],
    [`CLUSTER: ${c.hostsOn}/${hosts} hosts on, ${c.runningVms} VMs running, ${ratio} VMs/host; `, ...haShort],
    [`CLUSTER: ${c.hostsOn}/${hosts} hosts on, ${c.runningVms} VMs, ${ratio} VMs/host; `, ...haShort],
    [`CLUSTER: ${c.hostsOn}/${hosts} on, ${c.runningVms} VMs, ${ratio}/host; `, ...haShort],
  ], width);
  if (!c.enabled) {
    return [head, line([['DRS, HA and DPM do not run: the profile has no cluster: section (V still migrates, X fails a host)'],
      ['no cluster: section: DRS, HA and DPM do not run']], width), blank(width)];
  }
  const lim = coloured(c.imbalance.toFixed(3), c.drs !== 'off' && c.imbalance > c.targetImbalance ? 'warn' : 'ok');
  const target = c.targetImbalance.toFixed(3);
  const prio = c.priority >= 6 ? 'none' : String(c.priority);
  const dpm = c.dpm === 'auto' ? 'DPM auto' : 'DPM off';
  const drs = line([
    [`DRS ${c.drs}, threshold ${c.drsThreshold}: imbalance `, lim, ` (CPU ${c.cpuImbalance.toFixed(3)}, mem ${c.memImbalance.toFixed(3)}; target ≤ ${target}), move priority ${prio}` +
      `${c.priority < 6 && c.priority <= c.drsThreshold ? ' (applies)' : ''}; ${dpm}, vMotion ${pctOf(c.vmotionShare)} of a NIC`],
    [`DRS ${c.drs}, threshold ${c.drsThreshold}: imbalance `, lim, ` (target ≤ ${target}), move priority ${prio}` +
      `${c.priority < 6 && c.priority <= c.drsThreshold ? ' (applies)' : ''}; ${dpm}, vMotion ${pctOf(c.vmotionShare)} of a NIC`],
    [`DRS ${c.drs} (${c.drsThreshold}): imbalance `, lim, ` target ≤ ${target}, priority ${prio}; ${dpm}`],
    [`DRS ${c.drs}: imbalance `, lim, `/${target} P${prio}`],
  ], width);
  // DRS keeps its last proposals while migrations run: leave out the VMs already moving
  const moving = new Set(c.migrations.map((m) => m.vm));
  const recs = c.recommendations.filter((r) => !moving.has(r.vm) && (c.drs === 'manual' || r.priority > c.drsThreshold));
  const flight = [
    ...c.migrations.map((m) => `${m.vm} ${m.from} → ${m.to} ${pctOf(m.progress)}`),
    // Storage vMotion: the disk moves between datastores, the VM stays
    ...(c.relocations ?? []).map((r) => `${r.vm} disk ${r.from} → ${r.to} ${pctOf(r.progress)}`),
  ];
  const down = c.down.length;
  let third: Segment[];
  if (c.drs === 'manual' && recs.length > 0 && flight.length === 0) {
    const list = recs.map((r) => `${r.vm} ${r.from} → ${r.to} (P${r.priority})`).join(', ');
    third = line([
      [`DRS RECOMMENDS: ${list}; V on the VM applies one`],
      [`DRS RECOMMENDS: ${list}`],
    ], width);
  } else {
    const downSeg: (string | Segment)[] = down ? ['; down: ', coloured(plural(down, 'VM'), 'alarm')] : [];
    third = line([
      [`IN FLIGHT: ${flight.length ? flight.join(', ') : 'no migrations'}`, ...downSeg,
        c.drs !== 'manual' ? '' : recs.length ? `; DRS recommended: ${recs.map((r) => `${r.vm} → ${r.to}`).join(', ')}`
          : '; no DRS recommendation (DRS looks every minute, not during a migration)'],
      [`IN FLIGHT: ${flight.length ? flight.join(', ') : 'no migrations'}`, ...downSeg,
        c.drs === 'manual' && !recs.length ? '; no DRS recommendation now' : ''],
      [`IN FLIGHT: ${flight.length ? flight.join(', ') : 'none'}`, ...downSeg],
    ], width);
  }
  return [head, drs, third];
}

/** A panel's header lines for the host on screen, or blank lines when the profile has none. */
export const forHost = (lines: number, make: (snap: Snapshot, host: HostSample, width: number) => Segment[][]) =>
  (snap: Snapshot, host: HostSample | undefined, width: number): Segment[][] =>
    host ? make(snap, host, width) : Array.from({ length: lines }, () => blank(width));
