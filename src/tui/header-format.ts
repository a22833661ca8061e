// The esxtop header as text, the part every panel shows: the clock/uptime/load line and vmtop's
// own title line (profile, host, speed, delay) above it; and an event as a line. Each panel's own
// header lines are in its folder (src/tui/panels/<panel>/header.ts).

import type { EngineEvent, HostSample, Snapshot } from '../engine/snapshot.js';
import { fit } from './columns.js';

const two = (n: number) => String(n).padStart(2, '0');

/** Simulated wall clock; the lab boots at 00:00:00. */
export function formatClock(seconds: number): string {
  const s = Math.floor(seconds) % 86_400;
  return `${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;
}

export function formatUptime(seconds: number): string {
  const m = Math.floor(seconds / 60);
  return `${Math.floor(m / 1440)}d ${Math.floor(m / 60) % 24}:${two(m % 60)}`;
}

export function formatSpeed(speed: number): string {
  return `x${speed}`;
}

/** `1 VM`, `2 VMs`: a count with its noun. */
const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

export function clockLine(snapshot: Snapshot, host: HostSample | undefined, width: number): string {
  const time = `${formatClock(snapshot.t)} up ${formatUptime(snapshot.t)}`;
  if (!host) return fit(`${time}, no hosts in this profile`, width);
  const worlds = snapshot.vms.filter((vm) => vm.host === host.name)
    .reduce((sum, vm) => sum + vm.NWLD, 0);
  const load = host.loadAvg.map((v) => v.toFixed(2)).join(', ');
  const vmsAndVcpus = `${plural(host.vmCount, 'VM')}, ${plural(host.vcpuCount, 'vCPU')}`;
  const counts = `${time}, ${plural(worlds, 'world')}, ${vmsAndVcpus}; `;
  // With a cluster, its consolidation ratio (running VMs per powered-on host) where it fits.
  const c = snapshot.cluster?.enabled ? snapshot.cluster : undefined;
  const ratio = c ? `${c.consolidation.toFixed(2)} VMs/host` : '';
  // esxtop's wording first; narrower terminals get shorter labels so all three loads stay.
  const line = [
    ...(c ? [counts + `CPU load average: ${load}   cluster: ${ratio}`] : []),
    counts + `CPU load average: ${load}`,
    ...(c ? [`${time}, ${vmsAndVcpus}; load ${load}; ${ratio}`] : []),
    counts + `load average: ${load}`,
    `${time}, ${vmsAndVcpus}; load ${load}`,
  ].find((text) => text.length <= width);
  return fit(line ?? `${time}; load ${load}`, width);
}

export interface TitleParts {
  profile: string;
  host: HostSample | undefined;
  hostIndex: number;
  hostCount: number;
  speed: number;
  delayS: number;
}

/** Title text before and after the PAUSED mark, so the mark can be styled on its own. */
export function titleText(p: TitleParts): { lead: string; rest: string } {
  const host = p.host
    ? `host ${p.host.name} (${p.host.hypervisor}, ${plural(p.host.pcpus, 'pCPU')}, ${p.host.state}) ` +
      `${p.hostIndex + 1}/${p.hostCount}`
    : 'no host';
  return {
    lead: `vmtop ${fit(p.profile, Math.min(24, p.profile.length))}`,
    rest: `${host}  speed ${formatSpeed(p.speed)}  delay ${p.delayS}s`,
  };
}

export function formatEvent(e: EngineEvent): string {
  return `${Math.round(e.t)}s ${e.kind} ${e.target}${e.detail ? ': ' + e.detail : ''}`;
}
