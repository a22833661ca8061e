// What the cgroup model shows per container and per service, with the names of the cgroup files
// the figures come from. Memory in MiB; rates cover the sample interval; counters named after
// cgroup files are cumulative since start, as in the kernel.

export type ContainerState =
  /** its tasks run */
  | 'running'
  /** cgroup.freeze 1: every task stopped, memory kept */
  | 'frozen'
  /** its process ended (OOM kill) and the runtime starts it again after a back-off */
  | 'restarting'
  /** being dumped by checkpoint: frozen while its memory image is written */
  | 'checkpointing'
  /** stopped after a checkpoint; its image waits for restore */
  | 'checkpointed'
  /** its image is being read back */
  | 'restoring';

/** The batch fields of a container, in their JSONL order (docs/cli.md). */
export interface ContainerSpecFields {
  name: string;
  host: string;
  vm: string | null;
  image: string;
  frozen: boolean;
  /** % of one CPU over the interval */
  'cpu.usage%': number;
  'cpu.weight': number;
  /** cpu.max as % of one CPU; null = max */
  'cpu.max%': number | null;
  nr_throttled: number;
  throttled_usec: number;
  'memory.current': number;
  'memory.max': number | null;
  'memory.high': number | null;
  oom_kill: number;
  'pids.current': number;
}

/** What the containers panel adds: tree, restarts, pressure, throttling share, disk. */
export interface ContainerExtras {
  /** the parent cgroup (service) of a replica, null for a lone container */
  service: string | null;
  state: ContainerState;
  restarts: number;
  usage_usec: number;
  nr_periods: number;
  /** share of the interval's periods that were throttled, % (k8s "CPU throttling") */
  'throttled%': number;
  'memory.peak': number;
  'memory.events.high': number;
  'memory.events.max': number;
  'memory.events.oom': number;
  'pids.max': number | null;
  /** pids.events max: forks refused by pids.max */
  'pids.events.max': number;
  'io.weight': number;
  'cpu.pressure.avg10': number;
  'cpu.pressure.avg60': number;
  'memory.pressure.avg10': number;
  'memory.pressure.avg60': number;
  /** the `full` lines' avg10: every non-idle task stalled at once */
  'cpu.pressure.full.avg10': number;
  'memory.pressure.full.avg10': number;
  /** cgroup.stat.local frozen_usec: time frozen */
  frozen_usec: number;
  /** its own upper layer, MiB */
  'disk.upper': number;
  /** upper layer plus its share of the image layers it shares on its kernel, MiB */
  'disk.real': number;
  /** upper layer plus a whole copy of the image, MiB */
  'disk.full': number;
  /** size of the memory image of its last checkpoint, MiB; null if none */
  'checkpoint.image': number | null;
}

export type ContainerSample = ContainerSpecFields & ContainerExtras;

/** A service's parent cgroup: totals of its replicas, its own limits and their counters. */
export interface ServiceSample {
  name: string;
  host: string;
  vm: string | null;
  image: string;
  replicas: number;
  'cpu.usage%': number;
  'cpu.weight': number;
  'cpu.max%': number | null;
  nr_throttled: number;
  throttled_usec: number;
  'throttled%': number;
  'memory.current': number;
  'memory.max': number | null;
  'memory.high': number | null;
  oom_kill: number;
  restarts: number;
  'pids.current': number;
  'cpu.pressure.avg10': number;
  'memory.pressure.avg10': number;
  'disk.real': number;
  'disk.full': number;
}
