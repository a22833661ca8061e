// What every panel's rows share: the row's entity key (stable across refreshes, re-sorts and
// panel switches, so the selection stays on the same VM, container or host), the shared sort and
// how a panel maps it onto its own orders, and the words for a VM's state.

import type { VmSample } from '../../engine/snapshot.js';
import type { Level } from '../../fields/cpu.js';

/**
 * One sort for all panels; a panel that cannot use it falls back to its own default. `%USED` is
 * cpu.usage% in the containers panel and `MEMSZ` memory.current; `IO` (no key: the network and
 * disk panels' default) is the busiest port or disk first.
 */
export type SortKey = '%USED' | '%RDY' | 'MEMSZ' | 'NAME' | 'IO';

/** A panel's default order and the shared sorts it can show. */
export interface PanelSorts {
  default: SortKey;
  accepts: readonly SortKey[];
}

/** The order a panel shows for the shared sort: N carries across panels, U/R/M do not. */
export function orderIn(sorts: PanelSorts, sort: SortKey): SortKey {
  return sorts.accepts.includes(sort) ? sort : sorts.default;
}

export interface PanelRow {
  /** `vm:<gid>`, `vcpu:<wid>`, `host:<name>`, `svc:<name>`, `ct:<name>` or `vs:<name>`:
   *  survives refreshes, re-sorts and panel switches */
  key: string;
  /** `host` and a `vm` in the containers panel are the kernels the containers run on */
  kind: 'vm' | 'vcpu' | 'host' | 'service' | 'container' | 'vserver';
  /** a mark drawn after the name (the CPU panel's `mig 45%` for a VM that is not simply running) */
  mark?: string;
  /** GID for a VM, world id for a vCPU, context for a VServer guest, 0 for the rest */
  id: number;
  /** the entity's own name (the panel may draw it indented or with a suffix) */
  name: string;
  /** thresholds of CPU fields compare per vCPU, so a group's values are divided by this */
  vcpus: number;
  /** the VM a row belongs to (itself for a VM row, a container's VM), 0 for none */
  gid: number;
  /** the key of the row this one nests under (a replica's service), if any */
  parent?: string;
}

/** The key a panel switch carries over: the row's VM if it belongs to one, else the row itself. */
export function carriedKey(row: PanelRow): string {
  return row.gid > 0 ? `vm:${row.gid}` : row.key;
}

/** How VM rows are ordered for a sort (the CPU and memory panels). */
export function vmOrder(sort: SortKey): (a: VmSample, b: VmSample) => number {
  // esxtop sorts U, R and M descending; name ascending. MEMSZ ties (VMs of one size are common)
  // go by name; the CPU sorts' by GID. Either way rows never jitter.
  const byName = (a: VmSample, b: VmSample) => a.name.localeCompare(b.name) || a.gid - b.gid;
  if (sort === 'NAME' || sort === 'IO') return byName;
  if (sort === 'MEMSZ') return (a, b) => b.MEMSZ - a.MEMSZ || byName(a, b);
  return (a, b) => b[sort] - a[sort] || a.gid - b.gid;
}

/** A VM's state as one word: the hosts panel's STATE, and the CPU panel's mark after the name. */
export function vmStateWord(vm: Pick<VmSample, 'state' | 'migration' | 'relocation'>): { word: string; level: Level } {
  // Storage vMotion: the VM runs on, its disk moving to another host's datastore
  if (vm.state === 'running' && vm.relocation) return { word: `svm ${Math.round(vm.relocation.progress * 100)}%`, level: 'warn' };
  switch (vm.state) {
    case 'migrating': return { word: `mig ${Math.round((vm.migration?.progress ?? 0) * 100)}%`, level: 'warn' };
    case 'suspended': return { word: 'suspended', level: 'warn' };
    case 'off': return { word: 'off', level: 'ok' };
    case 'down': return { word: 'DOWN', level: 'alarm' };
    default: return { word: 'running', level: 'ok' };
  }
}
