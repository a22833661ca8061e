// `--format csv-vmtop`: what vmtop knows that esxtop has no counter for, in the same PDH-CSV shape
// and the same one-file-per-host split, so that it joins its esxtop file on the time column:
// host and VM states (what makes a 0.00 in the esxtop file unambiguous), the model's own memory
// views, containers (cgroup v2) and VServer token buckets.

import type { HostSample, VmSample } from '../../engine/snapshot.js';
import { cgroupColumns } from '../csv-cgroup.js';
import { vserverColumns } from '../csv-vserver.js';
import type { Indexed } from './columns.js';
import { formatCell, type NumberFormat } from './counters.js';
import { counterPath, groupInstance } from './instances.js';
import type { HostPlan } from './plan.js';
import type { PdhColumn } from './pdh-file.js';

export const HOST_STATE_CODE = { up: 0, failed: 1, standby: 2 } as const;
/** a VM's state on this host; `elsewhere`: it runs, or sits, on another host at that sample */
export const GROUP_STATE_CODE = { running: 0, migrating: 1, suspended: 2, off: 3, down: 4, elsewhere: 5 } as const;

interface Counter<S> {
  object: string;
  name: string;
  format: NumberFormat;
  value: (x: S) => number;
}

const HOST: Counter<HostSample>[] = [
  { object: 'Host', name: 'State', format: 'int', value: (h) => HOST_STATE_CODE[h.state] },
  { object: 'Memory', name: 'Configured To Available Ratio', format: 'dec2', value: (h) => h.overcommit },
];

const GROUP: Counter<VmSample>[] = [
  { object: 'Group Cpu', name: 'Work MHz', format: 'dec2', value: (v) => v.workMHz },
  { object: 'Group Memory', name: 'Active MBytes', format: 'dec2', value: (v) => v.ACTV },
  { object: 'Group Memory', name: 'Guest Swapped MBytes', format: 'dec2', value: (v) => v.GSWAP },
];

export function extensionColumns(p: HostPlan): PdhColumn[] {
  const cols: PdhColumn[] = [];
  for (const c of HOST) {
    cols.push({ host: p.name, path: counterPath(p.name, c.object, null, c.name), cell: (ix) => formatCell(c.value(ix.hosts.get(p.name)!), c.format) });
  }
  const groups = [...p.groups.values()].sort((a, b) => a.gid - b.gid);
  for (const g of groups) {
    const here = (ix: Indexed) => {
      const v = ix.vms.get(g.gid);
      return v && v.host === p.name ? v : undefined;
    };
    const instance = groupInstance(g.gid, g.name);
    cols.push({
      host: p.name, path: counterPath(p.name, 'Group State', instance, 'State'),
      cell: (ix) => formatCell(GROUP_STATE_CODE[here(ix)?.state ?? 'elsewhere'], 'int'),
    });
    for (const c of GROUP) {
      cols.push({
        host: p.name, path: counterPath(p.name, c.object, instance, c.name),
        cell: (ix) => {
          const v = here(ix);
          return formatCell(v && (v.state === 'running' || v.state === 'migrating') ? c.value(v) : 0, c.format);
        },
      });
    }
  }
  for (const c of p.containers.values()) {
    for (const col of cgroupColumns(c, (ix: Indexed) => onHost(ix.containers.get(c.name), p.name))) {
      cols.push({ host: p.name, path: col.path, cell: (ix) => cellOrEmpty(col.value(ix)) });
    }
  }
  for (const v of p.vservers.values()) {
    for (const col of vserverColumns(v, (ix: Indexed) => onHost(ix.vservers.get(v.name), p.name))) {
      cols.push({ host: p.name, path: col.path, cell: (ix) => cellOrEmpty(col.value(ix)) });
    }
  }
  return cols;
}

function onHost<T extends { host: string }>(x: T | undefined, host: string): T | undefined {
  return x && x.host === host ? x : undefined;
}

/** A cgroup field without a limit ("max") or a guest not on this host: an empty cell. */
function cellOrEmpty(x: number | undefined): string {
  return x === undefined ? '' : formatCell(x, 'dec2');
}
