// The esxtop header as text: the clock/uptime/load line and the per-pCPU USED and UTIL lines,
// plus vmtop's own title line (profile, host, speed, delay) above them.

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

export function clockLine(snapshot: Snapshot, host: HostSample | undefined, width: number): string {
  const time = `${formatClock(snapshot.t)} up ${formatUptime(snapshot.t)}`;
  if (!host) return fit(`${time}, no hosts in this profile`, width);
  const worlds = snapshot.vms.filter((vm) => vm.host === host.name)
    .reduce((sum, vm) => sum + vm.NWLD, 0);
  const load = host.loadAvg.map((v) => v.toFixed(2)).join(', ');
  const counts = `${time}, ${worlds} worlds, ${host.vmCount} VMs, ${host.vcpuCount} vCPUs; `;
  // esxtop's wording first; narrower terminals get shorter labels so all three loads stay.
  const line = [
    counts + `CPU load average: ${load}`,
    counts + `load average: ${load}`,
    `${time}, ${host.vmCount} VMs, ${host.vcpuCount} vCPUs; load ${load}`,
  ].find((text) => text.length <= width);
  return fit(line ?? `${time}; load ${load}`, width);
}

/** `PCPU USED(%): 1.1 2.0 ... AVG: 1.4`, dropping per-pCPU values (never AVG) to fit. */
export function pcpuLine(label: string, values: readonly number[], avg: number, width: number): string {
  const head = `PCPU ${label}(%):`;
  const tail = `  AVG: ${avg.toFixed(1)}`;
  let body = '';
  for (let i = 0; i < values.length; i++) {
    const cell = ' ' + values[i].toFixed(1);
    const more = i < values.length - 1 ? ' …' : '';
    if (head.length + body.length + cell.length + more.length + tail.length > width) {
      body += ' …';
      break;
    }
    body += cell;
  }
  return fit(head + body + tail, width);
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
    ? `host ${p.host.name} (${p.host.hypervisor}, ${p.host.pcpus} pCPUs, ${p.host.state}) ` +
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
