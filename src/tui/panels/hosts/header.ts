// The hosts overview's header: the whole cluster (whatever Tab shows), DRS, and what is in
// flight or recommended.

import type { Snapshot } from '../../../engine/snapshot.js';
import type { Segment } from '../../columns.js';
import { blank, coloured, dur, line, plural, two } from '../header-line.js';

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
    return [head, line([['DRS, HA and DPM do not run: the profile has no cluster: section (H still migrates, X fails a host)'],
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
  // Storage DRS's proposals (manual: the moves; auto starts them itself)
  const sdrs = c.storageDrs?.mode === 'manual' ? c.storageDrs.recommendations : [];
  const flight = [
    ...c.migrations.map((m) => `${m.vm} ${m.from} → ${m.to} ${pctOf(m.progress)}`),
    // Storage vMotion: the disk moves between datastores, the VM stays
    ...(c.relocations ?? []).map((r) => `${r.vm} disk ${r.from} → ${r.to} ${pctOf(r.progress)}`),
  ];
  const down = c.down.length;
  let third: Segment[];
  const drsRecs = c.drs === 'manual' ? recs : [];
  if (drsRecs.length + sdrs.length > 0 && flight.length === 0) {
    const list = [
      ...drsRecs.map((r) => `${r.vm} ${r.from} → ${r.to} (P${r.priority})`),
      ...sdrs.map((r) => `${r.vm} disk ${r.from} → ${r.to} (${r.reason})`),
    ].join(', ');
    const who = drsRecs.length && sdrs.length ? 'DRS, SDRS' : drsRecs.length ? 'DRS' : 'STORAGE DRS';
    third = line([
      [`${who} RECOMMENDS: ${list}; H on the VM applies one${sdrs.length ? ' (a disk: its datastore picker)' : ''}`],
      [`${who} RECOMMENDS: ${list}; H on the VM applies one`],
      [`${who} RECOMMENDS: ${list}`],
    ], width);
  } else {
    const downSeg: (string | Segment)[] = down ? ['; down: ', coloured(plural(down, 'VM'), 'alarm')] : [];
    const sdrsNote = sdrs.length ? `; SDRS recommends: ${sdrs.map((r) => `${r.vm} disk → ${r.to}`).join(', ')}` : '';
    third = line([
      [`IN FLIGHT: ${flight.length ? flight.join(', ') : 'no migrations'}`, ...downSeg,
        c.drs !== 'manual' ? '' : recs.length ? `; DRS recommended: ${recs.map((r) => `${r.vm} → ${r.to}`).join(', ')}`
          : '; no DRS recommendation (DRS looks every minute, not during a migration)', sdrsNote],
      [`IN FLIGHT: ${flight.length ? flight.join(', ') : 'no migrations'}`, ...downSeg,
        c.drs === 'manual' && !recs.length ? '; no DRS recommendation now' : '', sdrsNote],
      [`IN FLIGHT: ${flight.length ? flight.join(', ') : 'none'}`, ...downSeg],
    ], width);
  }
  return [head, drs, third, ...storageLine(snap, width), ...siteLine(snap, width)];
}

const gib = (mib: number) => `${Math.round(mib / 1024)}`;

/** The datastore cluster, when the profile has one: each member's space and latency against Storage DRS's thresholds. */
function storageLine(snap: Snapshot, width: number): Segment[][] {
  const d = snap.cluster?.storageDrs;
  if (!d) return [];
  const each = (long: boolean): (string | Segment)[] => d.datastores.flatMap((x, i) => {
    const sep = i ? ', ' : '';
    if (x.state !== 'up') return [sep, `${x.name} `, coloured(x.state === 'failed' ? 'DOWN' : x.state, 'alarm')];
    const used = x.usedMiB / x.capacityMiB;
    const space = coloured(`${(used * 100).toFixed(1)}%`, x.overSpace ? 'warn' : 'ok');
    const lat = coloured(`${x.latencyMs.toFixed(1)} ms`, x.latencyMs > d.latencyThresholdMs ? 'warn' : 'ok');
    const p90 = long && x.p90Ms !== null ? ` (p90 ${x.p90Ms.toFixed(1)})` : '';
    return [sep, `${x.name} `, long ? `${gib(x.usedMiB)}/${gib(x.capacityMiB)} GiB ` : '', space, ' ', lat, p90];
  });
  const rule = `space > ${Math.round(d.spaceThreshold * 100)}%${d.ioMetric ? `, latency > ${d.latencyThresholdMs} ms` : ''}`;
  return [line([
    [`DATASTORES (SDRS ${d.mode}: ${rule}, next run ${Math.round(d.nextRunS)} s): `, ...each(true)],
    [`DATASTORES (SDRS ${d.mode}: ${rule}): `, ...each(true)],
    [`DATASTORES (SDRS ${d.mode}: ${rule}): `, ...each(false)],
    [`DS (SDRS ${d.mode}): `, ...each(false)],
  ], width)];
}

const span = dur;

/** The sites, when hosts name them: their replicas' ages, or the recovery plan after a site failed. */
function siteLine(snap: Snapshot, width: number): Segment[][] {
  const r = snap.cluster?.siteRecovery;
  if (!r) return [];
  const p = r.plan;
  if (p) {
    // what the VMs powered on so far lost: the time since each one's last replication point
    const lost = p.vms.filter((v) => v.state === 'booting' || v.state === 'running').map((v) => v.lossS);
    const lo = Math.min(...lost);
    const hi = Math.max(...lost);
    const lossText = !lost.length ? 'no VM recovered yet' : `data lost ${span(lo)}${Math.round(hi) > Math.round(lo) ? `..${span(hi)}` : ''}`;
    if (p.doneS !== null) {
      const ok = p.vms.filter((v) => v.state === 'running').length;
      const bad = p.vms.length - ok;
      return [line([
        [coloured(`SITE RECOVERY ${p.site} → ${p.to}: `, 'warn'), `done at ${p.doneS} s (${span(p.doneS - p.failedS)} after ${p.site} failed): `,
          coloured(`${ok} of ${p.vms.length} protected VMs running at ${p.to}`, bad ? 'alarm' : 'ok'), `; ${lossText}; ${plural(p.unprotected, 'unprotected VM')} down`],
        [coloured(`SRM ${p.site} → ${p.to}: `, 'warn'), `done at ${p.doneS} s: ${ok}/${p.vms.length} VMs at ${p.to}; ${lossText}`],
      ], width)];
    }
    const now = p.vms.filter((v) => v.state === 'booting').map((v) => v.vm);
    const waiting = [...new Set(p.vms.filter((v) => v.state === 'waiting').map((v) => v.priority))];
    const up = p.vms.filter((v) => v.state === 'running').map((v) => v.vm);
    const stage = p.group === null ? `first power-on at ${p.startS} s` : `priority ${p.group}${now.length ? ` booting (${now.join(', ')})` : ' up'}`;
    const wait = (long: boolean) => (waiting.length ? `; waiting: ${long ? 'priority ' : 'P'}${waiting.join(long ? ', ' : ', P')}` : '');
    return [line([
      [coloured(`SITE RECOVERY ${p.site} → ${p.to}: ${p.site} FAILED at ${p.failedS} s`, 'alarm'), `; ${stage}`,
        up.length ? `; up: ${up.join(', ')}` : '', wait(true), `; ${lossText}`],
      [coloured(`SITE RECOVERY ${p.site} → ${p.to}, FAILED ${p.failedS} s`, 'alarm'), `; ${stage}`, wait(false), `; ${lossText}`],
      [coloured(`SRM ${p.site} → ${p.to}: FAILED ${p.failedS} s`, 'alarm'), `; ${stage}`, wait(false)],
    ], width)];
  }
  const site = (long: boolean) => r.sites.flatMap((x, i): (string | Segment)[] => {
    const state = x.hostsUp === 0 ? coloured('DOWN', 'alarm') : x.hostsUp < x.hosts.length ? coloured(`${x.hostsUp}/${x.hosts.length} up`, 'warn') : 'up';
    const hosts = long ? ` (${x.hosts.join(', ')})` : '';
    const rep = x.protected ? [`, ${x.protected} replicated, oldest point `, coloured(span(x.oldestS), x.violations ? 'alarm' : 'ok')] : [', none replicated'];
    return [i ? '; ' : '', `${x.name}${hosts} `, state, ...rep];
  });
  return [line([[`SITES: `, ...site(true)], [`SITES: `, ...site(false)]], width)];
}
