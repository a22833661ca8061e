// The CPU panel's header: esxtop's per-pCPU USED and UTIL lines of the selected host.

import type { HostSample } from '../../../engine/snapshot.js';
import { fit, type Segment } from '../../columns.js';

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

/** The two lines, USED and UTIL: each pCPU of the host, then their average. */
export function cpuHeaderLines(host: HostSample | undefined, width: number): Segment[][] {
  return [
    [{ text: pcpuLine('USED', host?.pcpuUsed ?? [], host?.['PCPU_USED%'] ?? 0, width) }],
    [{ text: pcpuLine('UTIL', host?.pcpuUtil ?? [], host?.['PCPU_UTIL%'] ?? 0, width) }],
  ];
}
