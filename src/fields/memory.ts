// The memory field table: one row per esxtop memory field of a VM (group), in the JSONL's
// order, then the host's memory header fields. The memory panel, the help and the writers read it.

import type { HostMemoryFields, VmMemoryFields } from '../engine/snapshot.js';
import type { FieldDef } from './cpu.js';

export type MemFieldKey = keyof VmMemoryFields;

/** Thresholds compare the VM's own value (not per vCPU). */
export const MEM_FIELDS: readonly FieldDef<MemFieldKey>[] = [
  { key: 'MEMSZ', csv: 'Memory Size MBytes', unit: 'MiB', importance: 10, width: 7,
    meaning: 'configured memory size (MEMSZ = GRANT + MCTLSZ + SWCUR + never touched)' },
  { key: 'GRANT', csv: 'Memory Granted Size MBytes', unit: 'MiB', importance: 8, width: 7,
    meaning: 'guest memory mapped to machine memory (includes shared and compressed pages)' },
  { key: 'SZTGT', csv: 'Target Size MBytes', unit: 'MiB', importance: 6, width: 7,
    meaning: 'machine memory the hypervisor means to give the VM (shares, reservation, limit, idle tax)' },
  { key: 'TCHD', csv: 'Touched MBytes', unit: 'MiB', importance: 6, width: 7,
    meaning: 'guest memory touched and not given to the balloon' },
  { key: 'ACTV', csv: 'Active MBytes', unit: 'MiB', importance: 5, width: 7,
    meaning: 'memory the guest is actively using (its working set)' },
  { key: 'MCTLSZ', csv: 'Memory Balloon MBytes', unit: 'MiB', importance: 9, width: 7, warn: 0.5,
    meaning: 'memory the balloon driver holds (reclaimed from the guest)' },
  { key: 'MCTLTGT', csv: 'Memory Balloon Target MBytes', unit: 'MiB', importance: 4, width: 7,
    meaning: 'what the host wants the balloon to hold' },
  { key: 'MCTLMAX', csv: 'Memory Balloon Max MBytes', unit: 'MiB', importance: 1, width: 7,
    meaning: 'most the balloon may take (65% of the VM)' },
  { key: 'SWCUR', csv: 'Swapped MBytes', unit: 'MiB', importance: 9, width: 7, warn: 0.5,
    meaning: 'guest memory the host swapped to disk' },
  { key: 'SWTGT', csv: 'Swap Target MBytes', unit: 'MiB', importance: 2, width: 7,
    meaning: 'what the host means to have swapped' },
  { key: 'SWR/s', csv: 'Swap Read MBytes/sec', unit: 'MiB/s', importance: 8, width: 6, warn: 0.01, alarm: 1,
    meaning: 'host swap-ins: the guest touched swapped pages and waited (see %SWPWT)' },
  { key: 'SWW/s', csv: 'Swap Written MBytes/sec', unit: 'MiB/s', importance: 6, width: 6, warn: 0.01,
    meaning: 'host swap-outs' },
  { key: 'ZIP', csv: 'Zipped MBytes', unit: 'MiB', importance: 7, width: 6, warn: 0.5,
    meaning: 'guest memory kept compressed in the compression cache (up to 10% of the VM)' },
  { key: 'SHRD', csv: 'Shared MBytes', unit: 'MiB', importance: 6, width: 6,
    meaning: 'guest memory shared by page sharing (zero pages, duplicates, OS pages of the same guest)' },
  { key: 'ZERO', csv: 'Zero MBytes', unit: 'MiB', importance: 2, width: 6,
    meaning: 'zero pages, shared as one machine page (part of SHRD)' },
  { key: 'SHRDSVD', csv: 'Shared Saved MBytes', unit: 'MiB', importance: 7, width: 7,
    meaning: 'machine memory sharing saved for this VM (<= SHRD)' },
  { key: 'COWH', csv: 'Copy-On-Write Hint MBytes', unit: 'MiB', importance: 1, width: 6,
    meaning: 'scanned pages with no match yet, kept as hints; writes to shared pages end up here' },
  { key: 'OVHD', csv: 'Overhead MBytes', unit: 'MiB', importance: 3, width: 5,
    meaning: 'memory the hypervisor spends on the VM itself (VMX, page tables)' },
  { key: 'CNSM', csv: 'Memory Consumed Size MBytes', unit: 'MiB', importance: 6, width: 7,
    meaning: 'machine memory consumed: GRANT less what sharing saved, compressed pages at their size' },
  { key: 'GSWAP', csv: 'Guest Swapped MBytes', unit: 'MiB', importance: 4, width: 6, warn: 0.5,
    meaning: 'memory the guest itself paged to its disk because the balloon took more than it had idle' },
];

/** the host's memory figures that are one number each */
export type HostMemKey = Exclude<keyof HostMemoryFields, 'overcommitAvg'>;

/** Host memory fields of the batch output; MEM_STATE is a word in JSONL, a number in the CSV. */
export const HOST_MEM_FIELDS: readonly { key: HostMemKey; csv: string; meaning: string }[] = [
  { key: 'MEM_TOTAL', csv: 'Memory\\Machine MBytes', meaning: 'physical memory' },
  { key: 'MEM_FREE', csv: 'Memory\\Free MBytes', meaning: 'machine memory free' },
  { key: 'MEM_STATE', csv: 'Memory\\Memory State', meaning: 'high, clear, soft, hard, low (0..4 in the CSV)' },
  { key: 'PSHARE_SAVING', csv: 'Memory\\PShare Savings MBytes', meaning: 'machine memory page sharing saved' },
  { key: 'MEMCTL', csv: 'Memory\\Memctl Current MBytes', meaning: 'balloons, summed over VMs' },
  { key: 'SWAP', csv: 'Memory\\Swap Used MBytes', meaning: 'host swap in use, summed over VMs' },
  { key: 'ZIP', csv: 'Memory\\Compressed MBytes', meaning: 'compressed memory, summed over VMs' },
];

export const MEM_STATE_CODE = { high: 0, clear: 1, soft: 2, hard: 3, low: 4 } as const;
