// `vmtop validate FILE`: every error with file:line:col and exit 2, or a summary and exit 0.

import type { ClusterSpec, DatastoreClusterSpec, Profile } from '../profile/types.js';
import { loadProfileArg } from './load-profile.js';

const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
const pct = (f: number): string => `${Math.round(f * 1000) / 10}%`;

/** The cluster section in a few words: what DRS, HA, admission control and DPM will do. */
function clusterSummary(c: ClusterSpec): string {
  const drs = c.drs === 'off' ? 'DRS off' : `DRS ${c.drs}, threshold ${c.drsThreshold}`;
  const admission = c.admission === 'slots'
    ? `slot admission for ${count(c.failuresTolerated, 'host failure')}`
    : c.admission === 'percent' ? `${pct(c.failoverReserve)} kept for failover` : 'no admission control';
  const ha = c.ha ? `HA on, ${admission}` : 'HA off';
  return `a cluster (${drs}; ${ha}; DPM ${c.dpm}; vMotion ${pct(c.vmotionShare)} of a NIC)`;
}

/** The datastore cluster in a few words: its members and Storage DRS's thresholds. */
function datastoreSummary(d: DatastoreClusterSpec): string {
  const latency = d.ioMetric ? `, ${d.latencyThresholdMs} ms` : '';
  return `a datastore cluster of ${d.datastores.length} (SDRS ${d.sdrs}: ${pct(d.spaceThreshold)}${latency}, every ${d.intervalMs / 1000} s)`;
}

/** The sites with their hosts, and the VMs Site Recovery protects. */
function siteSummary(p: Profile): string[] {
  const sites = [...new Set(p.hosts.flatMap((h) => (h.site ? [h.site] : [])))];
  if (sites.length === 0) return [];
  const each = sites.map((s) => `${s}: ${count(p.hosts.filter((h) => h.site === s).length, 'host')}`).join(', ');
  return [`${count(sites.length, 'site')} (${each}; ${count(p.vms.filter((v) => v.rpoMs !== undefined).length, 'VM')} replicated)`];
}

/** The one-line summary of a valid profile. */
export function profileSummary(p: Profile): string {
  const vcpus = p.vms.reduce((a, v) => a + v.vcpus, 0);
  const pcpus = p.hosts.reduce((a, h) => a + h.pcpus, 0);
  const templates = p.templates ?? [];
  return [
    `"${p.name}": ${count(p.hosts.length, 'host')} (${count(pcpus, 'pCPU')})`,
    `${count(p.vms.length, 'VM')} (${count(vcpus, 'vCPU')})`,
    ...(p.containers.length > 0 ? [count(p.containers.length, 'container')] : []),
    ...(p.vservers.length > 0 ? [count(p.vservers.length, 'VServer guest')] : []),
    ...(p.cluster ? [clusterSummary(p.cluster)] : []),
    ...(p.datastoreCluster ? [datastoreSummary(p.datastoreCluster)] : []),
    ...siteSummary(p),
    ...(templates.length > 0 ? [`${count(templates.length, 'template')} (${templates.map((t) => t.name).join(', ')})`] : []),
    count(p.events.length, 'timeline event'),
    `seed ${p.seed}, quantum ${p.quantumMs} ms`,
  ].join(', ');
}

export function validateCommand(file: string): void {
  const p = loadProfileArg(file);
  process.stdout.write(`${file}: ok — ${profileSummary(p)}\n`);
}
