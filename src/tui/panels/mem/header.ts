// The memory panel's header: esxtop's PMEM, VMKMEM, PSHARE and SWAP lines of the selected host.

import type { HostSample, MemState } from '../../../engine/snapshot.js';
import type { Level } from '../../../fields/cpu.js';
import { fit, type Segment } from '../../columns.js';

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
