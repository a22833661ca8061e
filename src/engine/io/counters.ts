// The I/O counters of a host's groups: cumulative per group since start, so that a sample's rates
// are the difference from the previous sample's copy (sample-io.ts).

/**
 * `actvT`, `quedT`: commands in the device and waiting in the kernel, integrated over time (s);
 * `pageReads`, `pageWrites`: the part of `cmds` that is the guest's own paging (reads and writes
 * whatever the workload's mix)
 */
export const IO_COUNTERS = [
  'tx', 'txWant', 'txDrop', 'rx', 'rxWant', 'rxDrop', 'cmds', 'davgW', 'kavgW', 'actvT', 'quedT', 'pageReads', 'pageWrites',
] as const;
export type IoCounter = (typeof IO_COUNTERS)[number];
/** Cumulative per group: Mbit (network), commands, and command-weighted latency (ms x commands). */
export type IoCounters = Record<IoCounter, Float64Array>;

/** One Float64Array of `groups` zeros per counter. */
export function ioCounters(groups: number): IoCounters {
  const c = new Float64Array(groups);
  return Object.fromEntries(IO_COUNTERS.map((k) => [k, c.slice()])) as IoCounters;
}
