// The cgroup field table: one row per numeric field of a container, named after the cgroup v2
// file it comes from. The containers panel, the help screen and the CSV and JSONL writers all
// read it, so a field's name, meaning and thresholds are written once.

import type { ContainerSample } from '../engine/snapshot.js';
import type { FieldDef, Level } from './cpu.js';

export type CgroupFieldKey = {
  [K in keyof ContainerSample]: ContainerSample[K] extends number | null ? K : never;
}[keyof ContainerSample];

/**
 * The numeric batch fields, in their JSONL order (docs/cli.md); thresholds compare the container's
 * own value.
 */
export const CGROUP_FIELDS: readonly FieldDef<CgroupFieldKey>[] = [
  { key: 'cpu.usage%', csv: 'Usage %', unit: '%', importance: 10, width: 7,
    meaning: 'CPU used over the interval, % of one CPU (cpu.stat usage_usec); 200 = two CPUs busy' },
  { key: 'cpu.weight', csv: 'Cpu Weight', unit: '1..10000', importance: 5, width: 6,
    meaning: 'cpu.weight: share of the parent\'s CPU against busy siblings (100 = default, = 1024 CFS shares)' },
  { key: 'cpu.max%', csv: 'Cpu Max %', unit: '%', importance: 7, width: 6,
    meaning: 'cpu.max quota per 100 ms period, % of one CPU; empty = max (no limit)' },
  { key: 'nr_throttled', csv: 'Throttled Periods', unit: 'count', importance: 7, width: 7,
    meaning: 'cpu.stat nr_throttled: periods in which the cgroup used its quota and was held until the next (cumulative)' },
  { key: 'throttled_usec', csv: 'Throttled Usec', unit: 'µs', importance: 4, width: 10,
    meaning: 'cpu.stat throttled_usec: time its threads were held by cpu.max, summed over threads (cumulative)' },
  { key: 'memory.current', csv: 'Memory Current MBytes', unit: 'MiB', importance: 10, width: 7,
    meaning: 'memory.current: memory charged to the cgroup (its processes\' anonymous memory)' },
  { key: 'memory.max', csv: 'Memory Max MBytes', unit: 'MiB', importance: 8, width: 7,
    meaning: 'memory.max: hard limit; reaching it with nothing to reclaim calls the OOM killer; empty = max' },
  { key: 'memory.high', csv: 'Memory High MBytes', unit: 'MiB', importance: 5, width: 7,
    meaning: 'memory.high: above it the cgroup is throttled and reclaimed, never killed; empty = max' },
  { key: 'oom_kill', csv: 'OOM Kills', unit: 'count', importance: 9, width: 5, warn: 0,
    meaning: 'memory.events oom_kill: processes of the cgroup ended by the OOM killer (cumulative)' },
  { key: 'pids.current', csv: 'Pids Current', unit: 'tasks', importance: 6, width: 5,
    meaning: 'pids.current: tasks (processes and threads) in the cgroup' },
];

/**
 * What the containers panel and the CSV add; the JSONL carries them after its first fields
 * (docs/cli.md).
 */
export const CGROUP_EXTRA_FIELDS: readonly FieldDef<CgroupFieldKey>[] = [
  { key: 'throttled%', csv: 'Throttled %', unit: '%', importance: 9, width: 6, warn: 5, alarm: 25,
    meaning: 'share of the interval\'s periods that were throttled (nr_throttled / nr_periods)' },
  { key: 'restarts', csv: 'Restarts', unit: 'count', importance: 8, width: 5, warn: 0,
    meaning: 'times the runtime started the container again after its process ended (cumulative)' },
  { key: 'cpu.pressure.avg10', csv: 'Cpu Pressure Avg10 %', unit: '%', importance: 8, width: 6, warn: 10, alarm: 40,
    meaning: 'cpu.pressure some avg10: share of the last ~10 s some task waited for CPU (throttling included)' },
  { key: 'cpu.pressure.avg60', csv: 'Cpu Pressure Avg60 %', unit: '%', importance: 3, width: 6, warn: 10, alarm: 40,
    meaning: 'cpu.pressure some avg60: the same over ~60 s' },
  { key: 'memory.pressure.avg10', csv: 'Memory Pressure Avg10 %', unit: '%', importance: 8, width: 6, warn: 5, alarm: 20,
    meaning: 'memory.pressure some avg10: share of the last ~10 s some task stalled on memory (memory.high throttling)' },
  { key: 'memory.pressure.avg60', csv: 'Memory Pressure Avg60 %', unit: '%', importance: 3, width: 6, warn: 5, alarm: 20,
    meaning: 'memory.pressure some avg60: the same over ~60 s' },
  { key: 'cpu.pressure.full.avg10', csv: 'Cpu Pressure Full Avg10 %', unit: '%', importance: 2, width: 6, warn: 10, alarm: 40,
    meaning: 'cpu.pressure full avg10: share of the last ~10 s every runnable task of the cgroup waited at once (cpu.max throttling)' },
  { key: 'memory.pressure.full.avg10', csv: 'Memory Pressure Full Avg10 %', unit: '%', importance: 2, width: 6, warn: 5, alarm: 20,
    meaning: 'memory.pressure full avg10: share of the last ~10 s every task stalled on memory at once' },
  { key: 'memory.peak', csv: 'Memory Peak MBytes', unit: 'MiB', importance: 3, width: 7,
    meaning: 'memory.peak: the most memory.current has been' },
  { key: 'memory.events.high', csv: 'Memory High Events', unit: 'count', importance: 4, width: 7, warn: 0,
    meaning: 'memory.events high: charges that found the cgroup above memory.high and throttled it (cumulative)' },
  { key: 'memory.events.max', csv: 'Memory Max Events', unit: 'count', importance: 3, width: 5, warn: 0,
    meaning: 'memory.events max: charges that met memory.max and had to reclaim first, whether or not the OOM killer then ran (cumulative)' },
  { key: 'memory.events.oom', csv: 'OOM Events', unit: 'count', importance: 2, width: 5, warn: 0,
    meaning: 'memory.events oom: times memory.max was hit with nothing left to reclaim (cumulative)' },
  { key: 'pids.max', csv: 'Pids Max', unit: 'tasks', importance: 3, width: 5,
    meaning: 'pids.max: most tasks the cgroup may have; empty = max' },
  { key: 'pids.events.max', csv: 'Fork Failures', unit: 'count', importance: 4, width: 5, warn: 0,
    meaning: 'pids.events max: forks refused (EAGAIN) because of pids.max (cumulative)' },
  { key: 'io.weight', csv: 'IO Weight', unit: '1..10000', importance: 2, width: 5,
    meaning: 'io.weight: share of device time against siblings (kept; I/O is not simulated for containers yet)' },
  { key: 'usage_usec', csv: 'Usage Usec', unit: 'µs', importance: 2, width: 12,
    meaning: 'cpu.stat usage_usec: CPU time used since start' },
  { key: 'nr_periods', csv: 'Periods', unit: 'count', importance: 2, width: 7,
    meaning: 'cpu.stat nr_periods: cpu.max periods in which the cgroup had work (cumulative)' },
  { key: 'frozen_usec', csv: 'Frozen Usec', unit: 'µs', importance: 2, width: 10,
    meaning: 'cgroup.stat.local frozen_usec: time spent frozen (freeze, checkpoint)' },
  { key: 'disk.upper', csv: 'Disk Upper MBytes', unit: 'MiB', importance: 3, width: 6,
    meaning: 'its own copy-on-write upper layer: what its writes added to the image' },
  { key: 'disk.real', csv: 'Disk Real MBytes', unit: 'MiB', importance: 4, width: 6,
    meaning: 'disk it really takes: its upper layer plus its share of the image layers it shares on its kernel' },
  { key: 'disk.full', csv: 'Disk Full Copy MBytes', unit: 'MiB', importance: 3, width: 6,
    meaning: 'disk a full copy of its image would take, with its upper layer (compare with disk.real)' },
  { key: 'checkpoint.image', csv: 'Checkpoint Image MBytes', unit: 'MiB', importance: 2, width: 6,
    meaning: 'memory image its last checkpoint wrote (CRIU); empty if none' },
];

/** memory.current against memory.max: warn from 80 %, alarm from 95 % (an OOM kill is near). */
export function memoryLevel(c: Pick<ContainerSample, 'memory.current' | 'memory.max'>): Level {
  const max = c['memory.max'];
  if (max === null || max <= 0) return 'ok';
  const r = c['memory.current'] / max;
  return r >= 0.95 ? 'alarm' : r >= 0.8 ? 'warn' : 'ok';
}
