// The CPU panel's rows for one host: VM groups in esxtop's sort order, each expanded group
// followed by its vCPU worlds. Keys are stable entity ids (`vm:<gid>`, `vcpu:<wid>`), the same as
// the other VM panels', so the selection follows a VM across refreshes, re-sorts and panels.

import type { CpuStateTimes, VmSample } from '../../../engine/snapshot.js';
import { cpuAlloc, type CpuAlloc } from '../../../fields/cpu-alloc.js';
import { orderIn, vmOrder, vmStateWord, type PanelRow, type PanelSorts, type SortKey } from '../rows.js';

export const CPU_SORTS: PanelSorts = { default: '%USED', accepts: ['%USED', '%RDY', 'NAME'] };

export interface CpuRow extends PanelRow {
  nwld: number | null;
  values: CpuStateTimes;
  /** a VM's CPU ALLOC fields; null on a vCPU row (a vCPU has no allocation of its own) */
  alloc: CpuAlloc | null;
}

export function cpuRows(
  vms: readonly VmSample[],
  host: string | undefined,
  sort: SortKey,
  expanded: readonly number[],
): CpuRow[] {
  const rows: CpuRow[] = [];
  const groups = vms.filter((vm) => vm.host === host).sort(vmOrder(orderIn(CPU_SORTS, sort)));
  for (const vm of groups) {
    rows.push({ key: `vm:${vm.gid}`, kind: 'vm', id: vm.gid, name: vm.name, nwld: vm.NWLD,
      vcpus: vm.vcpus, gid: vm.gid, values: vm, alloc: cpuAlloc(vm), ...(vm.state && (vm.state !== 'running' || vm.relocation) ? { mark: vmStateWord(vm).word } : {}) });
    if (!expanded.includes(vm.gid)) continue;
    for (const vcpu of vm.vcpu) {
      // a real capture's worlds carry their own names (vmx, mks, a kernel thread)
      const name = 'world' in vcpu && typeof vcpu.world === 'string' ? vcpu.world : `vcpu-${vcpu.index}`;
      rows.push({ key: `vcpu:${vcpu.wid}`, kind: 'vcpu', id: vcpu.wid, name,
        nwld: null, vcpus: 1, gid: vm.gid, values: vcpu, alloc: null });
    }
  }
  return rows;
}
