// esxtop's memory fields from the memory model's state; rates cover the sample interval.

import type { HostMemory } from './host-memory.js';
import type { HostMemoryFields, VmMemoryFields } from '../snapshot.js';
import type { VmMemory } from './vm-memory.js';
import { ZIP_RATIO } from './constants.js';

const NONE: VmMemoryFields = {
  MEMSZ: 0, GRANT: 0, CNSM: 0, SZTGT: 0, TCHD: 0, ACTV: 0, MCTLSZ: 0, MCTLTGT: 0, MCTLMAX: 0,
  SWCUR: 0, SWTGT: 0, 'SWR/s': 0, 'SWW/s': 0, ZIP: 0, SHRD: 0, ZERO: 0, SHRDSVD: 0, COWH: 0, OVHD: 0, GSWAP: 0,
};

/** Cumulative swap counters at the previous sample, per VM. */
export interface SwapBase {
  swappedIn: number;
  swappedOut: number;
}

export function vmMemoryFields(m: VmMemory | null, base: SwapBase | undefined, intervalS: number, tMs: number): VmMemoryFields {
  if (!m) return NONE;
  const per = intervalS > 0 ? 1 / intervalS : 0;
  return {
    MEMSZ: m.memoryMiB,
    GRANT: m.R + m.Z,
    CNSM: m.consumed(ZIP_RATIO),
    SZTGT: m.sztgt + m.overhead,
    TCHD: m.touched(),
    ACTV: Math.min(m.active(tMs), m.touched()),
    MCTLSZ: m.B,
    MCTLTGT: m.balloonTarget,
    MCTLMAX: m.balloonMax,
    SWCUR: m.S,
    SWTGT: m.swapTarget,
    'SWR/s': (m.swappedIn - (base?.swappedIn ?? 0)) * per,
    'SWW/s': (m.swappedOut - (base?.swappedOut ?? 0)) * per,
    ZIP: m.Z,
    SHRD: m.shared,
    ZERO: m.zero,
    SHRDSVD: m.saved,
    // scanned pages that are not shared are kept as hints until a later scan finds a match
    COWH: Math.max(0, Math.min(m.scanned, m.R) - m.shared),
    OVHD: m.overhead,
    GSWAP: m.guestSwapped,
  };
}

export function hostMemoryFields(mem: HostMemory, vms: readonly VmMemoryFields[]): HostMemoryFields {
  const sum = (k: keyof VmMemoryFields) => vms.reduce((a, v) => a + v[k], 0);
  const configured = sum('MEMSZ');
  const available = mem.totalMiB - mem.reservedMiB;
  return {
    MEM_TOTAL: mem.totalMiB,
    MEM_FREE: mem.free,
    MEM_STATE: mem.state,
    minFree: mem.minFree,
    reserved: mem.reservedMiB,
    overcommit: available > 0 ? configured / available : 0,
    overcommitAvg: [mem.overcommitAvg[0], mem.overcommitAvg[1], mem.overcommitAvg[2]],
    PSHARE_SHARED: mem.share.shared,
    PSHARE_COMMON: mem.share.common,
    PSHARE_SAVING: Math.max(0, mem.share.shared - mem.share.common),
    MEMCTL: sum('MCTLSZ'),
    MEMCTL_TGT: sum('MCTLTGT'),
    SWAP: sum('SWCUR'),
    SWAP_TGT: sum('SWTGT'),
    'SWR/s': sum('SWR/s'),
    'SWW/s': sum('SWW/s'),
    ZIP: sum('ZIP'),
  };
}
