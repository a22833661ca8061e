// The esxtop header as text: the clock/uptime/load line, the CPU panel's per-pCPU USED and UTIL
// lines and the memory panel's PMEM, VMKMEM, PSHARE and SWAP lines, plus vmtop's own title line
// (profile, host, speed, delay) above them.

import type { Level } from '../fields/cpu.js';
import type { EngineEvent, HostSample, MemState, Snapshot } from '../engine/snapshot.js';
import { fit, type Segment } from './columns.js';

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

/** high and clear reclaim nothing or only share pages; soft balloons; hard and low swap and compress. */
export function memStateLevel(state: MemState): Level {
  if (state === 'soft') return 'warn';
  if (state === 'hard' || state === 'low') return 'alarm';
  return 'ok';
}

const mib = (n: number) => String(Math.round(n) || 0);
const rate = (n: number) => n.toFixed(2);

/** The first variant that fits, else the last one cut to the width. */
function widest(variants: readonly string[], width: number): string {
  return fit(variants.find((v) => v.length <= width) ?? variants.at(-1)!, width);
}

/**
 * esxtop's memory header for one host, one line per entry, each as styled segments (only the
 * memory state word is coloured). Narrower terminals get shorter wording, then lose the
 * reclamation targets, before anything is cut.
 */
export function memHeaderLines(host: HostSample | undefined, width: number): Segment[][] {
  if (!host) return [[{ text: fit('', width) }], [{ text: fit('', width) }], [{ text: fit('', width) }], [{ text: fit('', width) }]];
  const other = Math.max(0, host.MEM_TOTAL - host.reserved - host.MEM_FREE);
  const pmem = widest([
    `PMEM  /MiB: ${mib(host.MEM_TOTAL)} total: ${mib(host.reserved)} vmk, ${mib(other)} other, ${mib(host.MEM_FREE)} free`,
    `PMEM/MiB: ${mib(host.MEM_TOTAL)} total, ${mib(host.reserved)} vmk, ${mib(other)} other, ${mib(host.MEM_FREE)} free`,
  ], width);

  // The state word is its own segment so it can take the warn/alarm colour.
  const state = host.MEM_STATE;
  // esxtop's "MEM overcommit" is the excess over 1 (0.22 = 22% overcommitted, 0 = not at all);
  // the plain ratio of configured VM memory to the host's follows where it fits.
  const overcommit = Math.max(0, host.overcommit - 1).toFixed(2);
  const ratio = host.overcommit.toFixed(2);
  const vmkHead = `VMKMEM/MiB: ${mib(host.minFree)} minfree, `;
  const vmkTail = [` state   MEM overcommit: ${overcommit} (VMs ${ratio}x host)`, ` state   MEM overcommit: ${overcommit}`,
    ` state  overcommit ${overcommit}`, ' state']
    .find((t) => vmkHead.length + state.length + t.length <= width) ?? '';
  const vmkUsed = vmkHead.length + state.length + vmkTail.length;
  const vmkmem: Segment[] = vmkUsed <= width
    ? [{ text: vmkHead }, { text: state, level: memStateLevel(state) }, { text: vmkTail + ' '.repeat(width - vmkUsed) }]
    : [{ text: fit(`VMKMEM/MiB: ${mib(host.minFree)} minfree, ${state}`, width) }];

  const pshare = widest([
    `PSHARE/MiB: ${mib(host.PSHARE_SHARED)} shared, ${mib(host.PSHARE_COMMON)} common: ${mib(host.PSHARE_SAVING)} saving`,
    `PSHARE/MiB: ${mib(host.PSHARE_SHARED)} shared, ${mib(host.PSHARE_COMMON)} common, ${mib(host.PSHARE_SAVING)} saving`,
  ], width);

  const swap = `${mib(host.SWAP)} curr`;
  const swapTgt = `${mib(host.SWAP_TGT)} rclmtgt`;
  const rates = `${rate(host['SWR/s'])} r/s, ${rate(host['SWW/s'])} w/s`;
  const zip = mib(host.ZIP);
  const ctl = mib(host.MEMCTL);
  const ctlTgt = mib(host.MEMCTL_TGT);
  const swapLine = widest([
    `SWAP  /MiB: ${swap}, ${swapTgt}  ${rates}    ZIP/MiB: ${zip} zipped    MEMCTL/MiB: ${ctl} curr, ${ctlTgt} target`,
    `SWAP  /MiB: ${swap}, ${swapTgt}  ${rates}  ZIP/MiB: ${zip} zipped  MEMCTL/MiB: ${ctl} curr, ${ctlTgt} target`,
    `SWAP  /MiB: ${swap}, ${swapTgt}  ${rates}  ZIP: ${zip}  MEMCTL: ${ctl} curr, ${ctlTgt} target`,
    `SWAP  /MiB: ${swap}, ${mib(host.SWAP_TGT)} tgt  ${rates}  ZIP: ${zip}  MEMCTL: ${ctl} curr, ${ctlTgt} tgt`,
    `SWAP  /MiB: ${swap}  ${rates}  ZIP: ${zip}  MEMCTL: ${ctl} curr, ${ctlTgt} tgt`,
    `SWAP  /MiB: ${swap}  ${rates}  ZIP: ${zip}  MEMCTL: ${ctl} curr`,
    `SWAP/MiB: ${mib(host.SWAP)} ${rate(host['SWR/s'])}r/s ${rate(host['SWW/s'])}w/s ZIP ${zip} MEMCTL ${ctl}`,
  ], width);
  return [[{ text: pmem }], vmkmem, [{ text: pshare }], [{ text: swapLine }]];
}
