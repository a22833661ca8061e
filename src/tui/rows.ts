// The panels' rows for one host. CPU: VM groups in esxtop sort order, each expanded group
// followed by its vCPU worlds. Memory: one row per VM (system rows such as a type-2 host's
// Host-OS have no memory group and are left out, as esxtop shows only VMs' memory groups).
// Keys are stable entity ids, the same in both panels, so the selection follows a VM across
// refreshes, re-sorts and panel switches.

import type { CpuStateTimes, VmMemory, VmSample } from '../engine/snapshot.js';
import type { Level } from '../fields/cpu.js';

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

export const CPU_SORTS: PanelSorts = { default: '%USED', accepts: ['%USED', '%RDY', 'NAME'] };
export const MEM_SORTS: PanelSorts = { default: 'MEMSZ', accepts: ['MEMSZ', 'NAME'] };

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

export interface CpuRow extends PanelRow {
  nwld: number | null;
  values: CpuStateTimes;
}

export interface MemRow extends PanelRow {
  values: VmMemory;
}

function compare(sort: SortKey): (a: VmSample, b: VmSample) => number {
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

export function cpuRows(
  vms: readonly VmSample[],
  host: string | undefined,
  sort: SortKey,
  expanded: readonly number[],
): CpuRow[] {
  const rows: CpuRow[] = [];
  const groups = vms.filter((vm) => vm.host === host).sort(compare(orderIn(CPU_SORTS, sort)));
  for (const vm of groups) {
    rows.push({ key: `vm:${vm.gid}`, kind: 'vm', id: vm.gid, name: vm.name, nwld: vm.NWLD,
      vcpus: vm.vcpus, gid: vm.gid, values: vm, ...(vm.state && (vm.state !== 'running' || vm.relocation) ? { mark: vmStateWord(vm).word } : {}) });
    if (!expanded.includes(vm.gid)) continue;
    for (const vcpu of vm.vcpu) {
      // a real capture's worlds carry their own names (vmx, mks, a kernel thread)
      const name = 'world' in vcpu && typeof vcpu.world === 'string' ? vcpu.world : `vcpu-${vcpu.index}`;
      rows.push({ key: `vcpu:${vcpu.wid}`, kind: 'vcpu', id: vcpu.wid, name,
        nwld: null, vcpus: 1, gid: vm.gid, values: vcpu });
    }
  }
  return rows;
}

export function memRows(vms: readonly VmSample[], host: string | undefined, sort: SortKey): MemRow[] {
  return vms.filter((vm) => vm.host === host && vm.kind === 'vm')
    .sort(compare(orderIn(MEM_SORTS, sort)))
    .map((vm) => ({ key: `vm:${vm.gid}`, kind: 'vm', id: vm.gid, name: vm.name, vcpus: vm.vcpus,
      gid: vm.gid, values: vm }));
}
