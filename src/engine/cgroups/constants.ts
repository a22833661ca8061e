// cgroup v2 model parameters. Kernel constants carry their source (docs/model/containers.md); the
// rest are vmtop's assumptions, chosen so that a demo unfolds in minutes.

/** cpu.max period when only the quota is given: "max 100000". */
export const CFS_PERIOD_MS = 100;
/** PSI averages are recomputed every 2 s (PSI_FREQ in kernel/sched/psi.c). */
export const PSI_PERIOD_MS = 2000;
/** MEMCG_CHARGE_BATCH: 64 pages of 4 KiB charged at a time; memory.high's delay is per batch. */
export const CHARGE_BATCH_MIB = (64 * 4) / 1024;
/** MEMCG_MAX_HIGH_DELAY_JIFFIES = 2 HZ: the most one return to user space sleeps for memory.high. */
export const MAX_HIGH_DELAY_MS = 2000;
/** A delay of HZ/100 or less is not worth sleeping (mem_cgroup_handle_over_high). */
export const MIN_HIGH_DELAY_MS = 10;

/** [assumption] a starting process touches its working set at this rate, or over STARTUP_S if faster */
export const TOUCH_MIBS = 16;
export const STARTUP_S = 30;
/** [assumption] share of its memory a process frees and allocates again each second (malloc churn) */
export const CHURN_PER_S = 0.02;
/** [assumption] work a busy thread queues while it cannot run, ms (as a guest's run queue) */
export const MAX_BACKLOG_MS = 100;

/** Docker's restart policy: 100 ms, doubling per quick failure up to 1 min; reset after 10 s up. */
export const RESTART_FIRST_MS = 100;
export const RESTART_MAX_MS = 60_000;
export const RESTART_RESET_MS = 10_000;

/** [assumption] tasks beyond the busy threads: the container's main process */
export const BASE_TASKS = 1;
/** [assumption] an application whose fork failed tries again after this long */
export const FORK_RETRY_MS = 1000;

/** A container whose throttling had stopped this long is reported again when it restarts. */
export const THROTTLE_EVENT_QUIET_MS = 10_000;
