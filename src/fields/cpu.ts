// The CPU field table: one row per esxtop field. The CPU panel, the help screen and the CSV and
// JSONL writers all read it, so a field's name, meaning and thresholds are written once.

import type { CpuStateTimes } from '../engine/snapshot.js';

export type CpuFieldKey = keyof CpuStateTimes;

export interface FieldDef<K extends string = string> {
  key: K;
  /** counter name in esxtop's batch CSV, e.g. `% Ready` */
  csv: string;
  unit: string;
  meaning: string;
  /** thresholds compare the per-vCPU value (group value / vCPUs), as esxtop users read them */
  warn?: number;
  alarm?: number;
  /** lower drops first on a narrow terminal */
  importance: number;
  width: number;
}

export const CPU_FIELDS: readonly FieldDef<CpuFieldKey>[] = [
  { key: '%USED', csv: '% Used', unit: '%', importance: 10, width: 7,
    meaning: 'physical CPU time used by the world, including system time charged to it (RUN + SYS - OVRLP)' },
  { key: '%RUN', csv: '% Run', unit: '%', importance: 9, width: 7,
    meaning: 'time scheduled on a pCPU, including CPU virtualization overhead (traps, binary translation, hypercalls) that runs in the vCPU world' },
  { key: '%SYS', csv: '% System', unit: '%', importance: 5, width: 6, warn: 20,
    meaning: 'VMkernel time for the world outside its vCPUs: device emulation, I/O back ends (not one of RUN/RDY/CSTP/WAIT)' },
  { key: '%WAIT', csv: '% Wait', unit: '%', importance: 6, width: 7,
    meaning: 'time with nothing to run: %IDLE + %VMWAIT; a VM row adds its VMX and MKS worlds (100 each); RUN + RDY + CSTP + WAIT = 100 per world' },
  { key: '%VMWAIT', csv: '% VmWait', unit: '%', importance: 3, width: 7,
    meaning: 'wait excluding idle: blocked on an event such as a swap-in (includes %SWPWT); never %SYS' },
  { key: '%RDY', csv: '% Ready', unit: '%', importance: 10, width: 7, warn: 5, alarm: 10,
    meaning: 'ready to run but no pCPU was given (includes %MLMTD); a Linux guest sees it as steal time on ESXi, KVM and Xen; per vCPU >5 worth watching, >10 bad' },
  { key: '%IDLE', csv: '% Idle', unit: '%', importance: 4, width: 7,
    meaning: 'vCPU in the guest idle loop (part of %WAIT)' },
  { key: '%OVRLP', csv: '% Overlap', unit: '%', importance: 1, width: 6,
    meaning: 'system time spent on behalf of other worlds while this world was scheduled' },
  { key: '%CSTP', csv: '% CoStop', unit: '%', importance: 8, width: 6, warn: 3, alarm: 10,
    meaning: 'co-stopped (ESXi only): a busy vCPU held back so its lagging busy siblings catch up, or, strict, waiting for pCPUs for all at once; idle vCPUs never; >3 means too many vCPUs' },
  { key: '%MLMTD', csv: '% Max Limited', unit: '%', importance: 7, width: 6, warn: 0.01,
    meaning: 'ready but not run because the VM is at its CPU limit (part of %RDY)' },
  { key: '%SWPWT', csv: '% Swap Wait', unit: '%', importance: 2, width: 6, warn: 5,
    meaning: 'waiting for the hypervisor to swap memory pages in (part of %VMWAIT)' },
];

export type Level = 'ok' | 'warn' | 'alarm';

/** How a value reads against the field's thresholds; `perVcpu` divides a group value first. */
export function levelOf(field: FieldDef, value: number, vcpus = 1): Level {
  const v = value / Math.max(1, vcpus);
  if (field.alarm !== undefined && v > field.alarm) return 'alarm';
  if (field.warn !== undefined && v > field.warn) return 'warn';
  return 'ok';
}
