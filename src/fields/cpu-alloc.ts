// esxtop's CPU ALLOC fields (the CPU panel's field group H): a VM's configured CPU allocation,
// its reservation, limit and shares, as esxtop names them and its batch CSV counts them
// (`Alloc Min`, `Alloc Max`, `Alloc Shares`, `Alloc Min Limited`). Whole numbers; -1 is unlimited.
// AUNITS says the unit of the MHz fields and has no CSV counter.

import type { VmSample } from '../engine/snapshot.js';
import type { FieldDef } from './cpu.js';

export type CpuAllocKey = 'AMIN' | 'AMAX' | 'ASHRS' | 'AMLMT';

export const CPU_ALLOC_FIELDS: readonly FieldDef<CpuAllocKey>[] = [
  { key: 'AMIN', csv: 'Alloc Min', unit: 'MHz', importance: 2, width: 6,
    meaning: 'CPU reservation: what the VM is guaranteed whatever its neighbours do' },
  { key: 'AMAX', csv: 'Alloc Max', unit: 'MHz', importance: 2, width: 6,
    meaning: 'CPU limit: the most the VM may use even on an idle host (-1: unlimited)' },
  { key: 'ASHRS', csv: 'Alloc Shares', unit: 'shares', importance: 2, width: 6,
    meaning: 'CPU shares: the VM\'s weight against the others when the host is contended (low:normal:high = 1:2:4 per vCPU)' },
  { key: 'AMLMT', csv: 'Alloc Min Limited', unit: 'MHz', importance: 1, width: 6,
    meaning: 'the reservation as the limit lets it through: the lower of AMIN and AMAX' },
];

/** AUNITS: the unit of AMIN, AMAX and AMLMT (esxtop shows MHz for VMs, percent for kernel modules). */
export const AUNITS = {
  key: 'AUNITS', unit: '', width: 6, importance: 1,
  meaning: 'the unit of AMIN, AMAX and AMLMT (MHz for a VM)',
} as const;

export type CpuAlloc = Record<CpuAllocKey, number> & { AUNITS: 'MHz' };

/** A VM's CPU ALLOC values from its configured reservation, limit and shares. */
export function cpuAlloc(vm: Pick<VmSample, 'shares' | 'reservationMHz' | 'limitMHz'>): CpuAlloc {
  const min = Math.round(vm.reservationMHz);
  const max = vm.limitMHz === null ? -1 : Math.round(vm.limitMHz);
  return { AMIN: min, AMAX: max, ASHRS: Math.round(vm.shares), AMLMT: max < 0 ? min : Math.min(min, max), AUNITS: 'MHz' };
}
