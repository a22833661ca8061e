// The hosts overview's header: the whole cluster (whatever Tab shows), DRS, and what is in
// flight or recommended.

import type { Snapshot } from '../../../engine/snapshot.js';
import type { Segment } from '../../columns.js';
import { blank, coloured, line, plural, two } from '../header-line.js';

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
