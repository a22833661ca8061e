// The panels' rows for one host. CPU: VM groups in esxtop sort order, each expanded group
// followed by its vCPU worlds. Memory: one row per VM (system rows such as a type-2 host's
// Host-OS have no memory group and are left out, as esxtop shows only VMs' memory groups).
// Keys are stable entity ids, the same in both panels, so the selection follows a VM across
// refreshes, re-sorts and panel switches.

import type { CpuStateTimes, VmMemory, VmSample } from '../engine/snapshot.js';
import type { PanelId } from './state.js';

/** One sort for all panels; a panel that cannot use it falls back to its own default. */
export type SortKey = '%USED' | '%RDY' | 'MEMSZ' | 'NAME';

const PANEL_SORTS: Record<PanelId, { default: SortKey; accepts: readonly SortKey[] }> = {
  cpu: { default: '%USED', accepts: ['%USED', '%RDY', 'NAME'] },
  mem: { default: 'MEMSZ', accepts: ['MEMSZ', 'NAME'] },
};

/** The order a panel shows for the shared sort: N carries across panels, U/R/M do not. */
export function panelSort(panel: PanelId, sort: SortKey): SortKey {
  const p = PANEL_SORTS[panel];
  return p.accepts.includes(sort) ? sort : p.default;
}

export interface PanelRow {
  /** `vm:<gid>` or `vcpu:<wid>`: survives refreshes, re-sorts and panel switches */
  key: string;
  kind: 'vm' | 'vcpu';
  /** GID for a VM, world id for a vCPU */
  id: number;
  name: string;
  /** thresholds of CPU fields compare per vCPU, so a group's values are divided by this */
  vcpus: number;
  /** the VM a vCPU row belongs to (itself for a VM row) */
  gid: number;
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
  if (sort === 'NAME') return byName;
  if (sort === 'MEMSZ') return (a, b) => b.MEMSZ - a.MEMSZ || byName(a, b);
  return (a, b) => b[sort] - a[sort] || a.gid - b.gid;
}

export function cpuRows(
  vms: readonly VmSample[],
  host: string | undefined,
  sort: SortKey,
  expanded: readonly number[],
): CpuRow[] {
  const rows: CpuRow[] = [];
  const groups = vms.filter((vm) => vm.host === host).sort(compare(panelSort('cpu', sort)));
  for (const vm of groups) {
    rows.push({ key: `vm:${vm.gid}`, kind: 'vm', id: vm.gid, name: vm.name, nwld: vm.NWLD,
      vcpus: vm.vcpus, gid: vm.gid, values: vm });
    if (!expanded.includes(vm.gid)) continue;
    for (const vcpu of vm.vcpu) {
      rows.push({ key: `vcpu:${vcpu.wid}`, kind: 'vcpu', id: vcpu.wid, name: `vcpu-${vcpu.index}`,
        nwld: null, vcpus: 1, gid: vm.gid, values: vcpu });
    }
  }
  return rows;
}

export function memRows(vms: readonly VmSample[], host: string | undefined, sort: SortKey): MemRow[] {
  return vms.filter((vm) => vm.host === host && vm.kind === 'vm')
    .sort(compare(panelSort('mem', sort)))
    .map((vm) => ({ key: `vm:${vm.gid}`, kind: 'vm', id: vm.gid, name: vm.name, vcpus: vm.vcpus,
      gid: vm.gid, values: vm }));
}
