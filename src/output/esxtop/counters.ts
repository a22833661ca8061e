// esxtop's batch counters that vmtop writes: the one place where the CSV's object and counter
// names, their order and their number formats are written. Each object lists its counters in
// the order `esxtop -b` writes them (the default set and `-a`'s extra ones merged in `-a`'s
// order). tests/output/esxtop-counters.test.ts checks every name against a real capture and every
// format against the real file's cells, so a reader types vmtop's columns as it types esxtop's.

/** How the real file writes a counter's cells: `1478` or `0.00`. */
export type NumberFormat = 'int' | 'dec2';

/** `default`: in a plain `esxtop -b` capture; `-a`: only in an all-counters capture. */
export type CounterSet = 'default' | '-a';

export interface CounterDef {
  format: NumberFormat;
  set: CounterSet;
}

const int = { format: 'int', set: 'default' } as const;
const dec = { format: 'dec2', set: 'default' } as const;
const aInt = { format: 'int', set: '-a' } as const;
const aDec = { format: 'dec2', set: '-a' } as const;

/** The CPU state counters, the same for a group and for each of its worlds. */
const CPU_STATE_COUNTERS = {
    '% Used': dec,
    '% Run': dec,
    '% System': dec,
    '% Wait': dec,
    '% VmWait': dec,
    '% Ready': dec,
    '% Idle': dec,
    '% Overlap': dec,
    '% CoStop': dec,
    '% Max Limited': dec,
    '% Swap Wait': dec,
} as const;

export const ESXTOP_COUNTERS = {
  Memory: {
    /** written first of all, before Physical Cpu Load, as esxtop does; the rest of Memory after Physical Cpu */
    'Memory Overcommit (1 Minute Avg)': dec,
    'Memory Overcommit (5 Minute Avg)': dec,
    'Memory Overcommit (15 Minute Avg)': dec,
    'Machine MBytes': int,
    'Kernel MBytes': int,
    'NonKernel MBytes': int,
    'Free MBytes': int,
    'Kernel MinFree MBytes': int,
    /** an integer code in state order, see KERNEL_STATE_CODE */
    'Kernel State': int,
    'PShare Shared MBytes': int,
    'PShare Common MBytes': int,
    'PShare Savings MBytes': int,
    'Swap Used MBytes': int,
    'Swap Target MBytes': int,
    'Swap MBytes Read/sec': dec,
    'Swap MBytes Write/sec': dec,
    'Total Compressed MBytes': int,
    'Memctl Current MBytes': int,
    'Memctl Target MBytes': int,
    'Memctl Max MBytes': int,
  },
  'Physical Cpu Load': {
    'Cpu Load (1 Minute Avg)': dec,
    'Cpu Load (5 Minute Avg)': dec,
    'Cpu Load (15 Minute Avg)': dec,
  },
  'Physical Cpu': {
    '% Processor Time': dec,
    '% Util Time': dec,
  },
  'Group Cpu': {
    Members: int,
    ...CPU_STATE_COUNTERS,
    /** CPU ALLOC: AMIN, AMAX (-1 unlimited), ASHRS, AMLMT; MHz for VMs */
    'Alloc Min': aInt,
    'Alloc Max': aInt,
    'Alloc Shares': aInt,
    'Alloc Min Limited': aInt,
    '% Demand': aDec,
  },
  Vcpu: CPU_STATE_COUNTERS,
  'Group Memory': {
    'Memory Size MBytes': dec,
    'Memory Granted Size MBytes': dec,
    'Memory Consumed Size MBytes': dec,
    'Target Size MBytes': dec,
    'Touched MBytes': dec,
    '% Active Estimate': aDec,
    'Memctl MBytes': aDec,
    'Memctl Target MBytes': aDec,
    'Memctl Max MBytes': aDec,
    'Swapped MBytes': dec,
    'Swap Target MBytes': dec,
    'Swap Read MBytes/sec': dec,
    'Swap Written MBytes/sec': dec,
    'Zero MBytes': aDec,
    'Shared MBytes': aDec,
    'Shared Saved MBytes': aDec,
    'Copy On Write Hint MBytes': aDec,
    'Overhead MBytes': dec,
    'Compressed Memory MBytes': aDec,
  },
  'Physical Disk SCSI Device': {
    /** the device's queue depth and its commands in it and waiting in the kernel: counts */
    'Device Q Depth': int,
    'Active Commands': int,
    'Queued Commands': int,
    'Commands/sec': dec,
    'MBytes Read/sec': dec,
    'MBytes Written/sec': dec,
    'Average Driver MilliSec/Command': dec,
    'Average Kernel MilliSec/Command': dec,
    'Average Guest MilliSec/Command': dec,
  },
  /** a world's commands on a device: a VM's VMX world on its datastore */
  'Physical Disk Per-Device-Per-World': {
    'Device Q Depth': int,
    'World Q Depth': int,
    'Active Commands': int,
    'Queued Commands': int,
    'Commands/sec': dec,
    'Reads/sec': dec,
    'Writes/sec': dec,
    'MBytes Read/sec': dec,
    'MBytes Written/sec': dec,
    'Average Driver MilliSec/Command': dec,
    'Average Kernel MilliSec/Command': dec,
    'Average Guest MilliSec/Command': dec,
  },
  'Virtual Disk': {
    'Commands/sec': dec,
    'Reads/sec': dec,
    'Writes/sec': dec,
    'MBytes Read/sec': dec,
    'MBytes Written/sec': dec,
    'Average MilliSec/Read': dec,
    'Average MilliSec/Write': dec,
  },
  'Network Port': {
    'Packets Transmitted/sec': dec,
    'MBits Transmitted/sec': dec,
    // two spaces: esxtop's own spelling
    'Average Packet Size  Transmitted (Bytes)': dec,
    'Packets Received/sec': dec,
    'MBits Received/sec': dec,
    'Average Packet Size  Received (Bytes)': dec,
    '% Outbound Packets Dropped': dec,
    '% Received Packets Dropped': dec,
  },
} as const satisfies Record<string, Record<string, CounterDef>>;

export type EsxtopObject = keyof typeof ESXTOP_COUNTERS;
export type CounterOf<O extends EsxtopObject> = keyof (typeof ESXTOP_COUNTERS)[O] & string;

/** Where a value for some of an object's counters comes from; the table gives the order. */
export type Sources<O extends EsxtopObject, S> = Partial<Record<CounterOf<O>, (s: S) => number>>;

/**
 * Memory\Kernel State: the host's free-memory state as a number in state order, 0 the most free
 * (docs/batch-csv.md gives the source). The engine's states are the vSphere 6 five.
 */
export const KERNEL_STATE_CODE = { high: 0, clear: 1, soft: 2, hard: 3, low: 4 } as const;

/** One cell in the real file's format for that counter; never `-0`. */
export function formatCell(x: number, format: NumberFormat): string {
  if (format === 'int') {
    const r = Math.round(x);
    return String(r === 0 ? 0 : r);
  }
  const s = x.toFixed(2);
  return s === '-0.00' ? '0.00' : s;
}

/** The counters of `object` that `sources` has, in esxtop's order, with their formats. */
export function countersOf<O extends EsxtopObject, S>(object: O, sources: Sources<O, S>):
  { name: CounterOf<O>; format: NumberFormat; value: (s: S) => number }[] {
  const table = ESXTOP_COUNTERS[object] as Record<string, CounterDef>;
  const out: { name: CounterOf<O>; format: NumberFormat; value: (s: S) => number }[] = [];
  for (const name of Object.keys(table) as CounterOf<O>[]) {
    const value = sources[name];
    if (value) out.push({ name, format: table[name].format, value });
  }
  return out;
}
