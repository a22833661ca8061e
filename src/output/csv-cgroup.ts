// CSV columns of the containers. esxtop has no such object, so they follow its naming:
// `\\<kernel>\Cgroup(<name>)\<counter>`, the kernel being the host or, inside a VM, the VM that
// runs the container (Perfmon's machine). A field with no limit ("max") leaves its cell empty.

import type { ContainerSample } from '../engine/snapshot.js';
import { CGROUP_EXTRA_FIELDS, CGROUP_FIELDS } from '../fields/cgroup.js';

interface Col<S> {
  path: string;
  value: (s: S) => number | undefined;
}

export function cgroupColumns<S>(c: ContainerSample, get: (s: S) => ContainerSample | undefined): Col<S>[] {
  const base = `\\\\${c.vm ?? c.host}\\Cgroup(${c.name})`;
  const cols: Col<S>[] = [{ path: `${base}\\Frozen`, value: (s) => {
    const x = get(s);
    return x ? Number(x.frozen) : undefined;
  } }];
  for (const f of [...CGROUP_FIELDS, ...CGROUP_EXTRA_FIELDS]) {
    cols.push({ path: `${base}\\${f.csv}`, value: (s) => get(s)?.[f.key] ?? undefined });
  }
  return cols;
}
