// The counters the capture reader maps. Those vmtop also writes are named by the esxtop counter
// table (src/output/esxtop/counters.ts), so a name misspelt here fails to type-check; the few a
// real capture has and vmtop does not write are listed below, spelt as the real file spells them.

import type { CounterOf, EsxtopObject } from '../output/esxtop/counters.js';

/** Counters read from real captures only: vmtop's own CSV has no column for them. */
export const READ_ONLY_COUNTERS = {
  Memory: ['Memory Overcommit (1 Minute Avg)', 'Memory Overcommit (5 Minute Avg)', 'Memory Overcommit (15 Minute Avg)'],
  /** the host's P-states, instance 0 the top one (the nominal frequency) */
  Power: ['P-State MHZ'],
  'Physical Disk Adapter': ['Commands/sec', 'Reads/sec', 'Writes/sec', 'MBytes Read/sec', 'MBytes Written/sec',
    'Average Driver MilliSec/Command', 'Average Kernel MilliSec/Command', 'Average Guest MilliSec/Command'],
  /** -a's memory ALLOC (MBytes; Alloc Max -1: unlimited) */
  'Group Memory': ['Alloc Min', 'Alloc Max', 'Alloc Shares'],
} as const;

type ReadOnly = typeof READ_ONLY_COUNTERS;

/** A counter name of `object`, from the esxtop table or the read-only list. */
export type MappedCounter<O extends string> =
  | (O extends EsxtopObject ? CounterOf<O> : never)
  | (O extends keyof ReadOnly ? ReadOnly[O][number] : never);
