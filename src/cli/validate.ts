// `vmtop validate FILE`: every error with file:line:col and exit 2, or a summary and exit 0.

import type { ClusterSpec, Profile } from '../profile/types.js';
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
    ...(templates.length > 0 ? [`${count(templates.length, 'template')} (${templates.map((t) => t.name).join(', ')})`] : []),
    count(p.events.length, 'timeline event'),
    `seed ${p.seed}, quantum ${p.quantumMs} ms`,
  ].join(', ');
}

export function validateCommand(file: string): void {
  const p = loadProfileArg(file);
  process.stdout.write(`${file}: ok — ${profileSummary(p)}\n`);
}
