// The CPU panel's rows for one host: VM groups in esxtop sort order, each expanded group
// followed by its vCPU worlds. Keys are stable entity ids so the selection can follow them.

import type { CpuStateTimes, VmSample } from '../engine/snapshot.js';

export type SortKey = '%USED' | '%RDY' | 'NAME';

export interface PanelRow {
  /** `vm:<gid>` or `vcpu:<wid>`: survives refreshes and re-sorts */
  key: string;
  kind: 'vm' | 'vcpu';
  /** GID for a VM, world id for a vCPU */
  id: number;
  name: string;
  nwld: number | null;
  /** thresholds compare per vCPU, so a group's values are divided by this */
  vcpus: number;
  /** the VM a vCPU row belongs to (itself for a VM row) */
  gid: number;
  values: CpuStateTimes;
}

function compare(sort: SortKey): (a: VmSample, b: VmSample) => number {
  // esxtop sorts U and R descending; name ascending. GID breaks ties so rows never jitter.
  if (sort === 'NAME') return (a, b) => a.name.localeCompare(b.name) || a.gid - b.gid;
  return (a, b) => b[sort] - a[sort] || a.gid - b.gid;
}

export function cpuRows(
  vms: readonly VmSample[],
  host: string | undefined,
  sort: SortKey,
  expanded: readonly number[],
): PanelRow[] {
  const rows: PanelRow[] = [];
  const groups = vms.filter((vm) => vm.host === host).sort(compare(sort));
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
