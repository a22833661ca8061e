// The disk panel's header: the host's datastore (IOPS against its maximum, MiB/s) and its
// latencies DAVG, KAVG and GAVG, with SIOC when it divides the device.

import type { HostSample } from '../../../engine/snapshot.js';
import { levelOf } from '../../../fields/cpu.js';
import { DISK_FIELDS } from '../../../fields/disk.js';
import type { Segment } from '../../columns.js';
import { field } from '../table.js';
import { coloured, line, pct, two, whole } from '../header-line.js';

const DAVG = field(DISK_FIELDS, 'DAVG');
const KAVG = field(DISK_FIELDS, 'KAVG');
const GAVG = field(DISK_FIELDS, 'GAVG');

export function diskLines(host: HostSample, width: number): Segment[][] {
  const io = host.io;
  const cmds = two(io.DISK_IOPS);
  const store = line([
    [`DATASTORE: ${cmds} cmds/s of ${whole(io.diskMaxIops)} (${pct(io.DISK_IOPS, io.diskMaxIops)}%), ` +
      `MBREAD/s ${two(io.diskReadMBs)}, MBWRTN/s ${two(io.diskWriteMBs)}`],
    [`DISK: ${cmds} of ${whole(io.diskMaxIops)} cmds/s, ${two(io.diskReadMBs)} MiB/s rd, ${two(io.diskWriteMBs)} wr`],
  ], width);
  const lat = (f: typeof DAVG, v: number) => coloured(two(v), levelOf(f, v));
  const d = lat(DAVG, io.diskDAVG);
  const k = lat(KAVG, io.diskKAVG);
  const g = lat(GAVG, io.diskGAVG);
  const sioc = io.siocActive ? coloured('SIOC active: disk shares divide the device', 'warn') : 'SIOC idle';
  const qued = coloured(two(io.diskQUED), io.diskQUED > 1 ? 'alarm' : 'ok');
  const queue = `DQLEN ${whole(io.diskDQLEN)} ACTV ${two(io.diskACTV)} QUED `;
  const latency = line([
    ['LATENCY/ms: DAVG ', d, '  KAVG ', k, '  GAVG ', g, ' (= DAVG + KAVG)   ', sioc, `   ${queue}`, qued],
    ['LATENCY/ms: DAVG ', d, '  KAVG ', k, '  GAVG ', g, '  ', io.siocActive ? coloured('SIOC', 'warn') : '', `  ${queue}`, qued],
    ['LATENCY/ms: DAVG ', d, '  KAVG ', k, '  GAVG ', g, '  ', io.siocActive ? coloured('SIOC', 'warn') : ''],
  ], width);
  return [store, latency];
}
