// One container: a cgroup with its processes. Each quantum it says how much CPU its busy threads
// want (prepare), is given its share (account), and moves its memory toward its working set
// (grow). Its lifecycle — OOM kills, restarts, freeze, checkpoint — is driven from outside.

import type { ContainerSpec } from '../../profile/types.js';
import { WorkloadState } from '../cpu/workload.js';
import type { Rng } from '../rng.js';
import { AS_DOUBLE } from '../shapes.js';
import { Bandwidth } from './bandwidth.js';
import {
  BASE_TASKS, CFS_PERIOD_MS, CHARGE_BATCH_MIB, CHURN_PER_S, FORK_RETRY_MS, MAX_BACKLOG_MS, RESTART_FIRST_MS, STARTUP_S, TOUCH_MIBS,
} from './constants.js';
import { UPPER_NEW_FRACTION } from './images.js';
import { highStall } from './memory-high.js';
import { Psi } from './psi.js';
import type { ContainerState } from './types.js';
import { weightToShares } from './weights.js';
import { EPS } from '../../eps.js';

/** The parent cgroup a replica belongs to, as the container sees it. */
export interface Parent {
  readonly name: string;
  readonly workload: WorkloadState;
  /** replicas the profile started with: the load in the profile is per replica at that count */
  readonly n0: number;
  /** replicas now: the service's load is shared by them */
  count(): number;
}

/**
 * What memory.high and memory.max allow this quantum, from the container and its parent. One is
 * refilled for every container every quantum (perf: double field).
 */
export class MemoryBounds {
  /** sleep per charge batch above memory.high, ms (0 below it) */
  sleepMs = AS_DOUBLE;
  overHigh = false;
  /** MiB it may still charge before memory.max */
  room = AS_DOUBLE;

  constructor() {
    this.sleepMs = this.room = 0;
  }
}

export interface MemoryEvents {
  high: number;
  max: number;
  oom: number;
  oomKill: number;
}

/** Counters at the previous sample, for the interval's rates. */
export interface SampleBase {
  usageMs: number;
  nrPeriods: number;
  nrThrottled: number;
}

export class Container {
  /** 'running' from the constructor, which explains the placeholder */
  state: ContainerState = 'restoring';
  readonly workload: WorkloadState;
  readonly bw: Bandwidth;
  readonly cpuPsi = new Psi();
  readonly memPsi = new Psi();
  /** the `full` lines: every non-idle task stalled at once */
  readonly cpuFullPsi = new Psi();
  readonly memFullPsi = new Psi();
  // perf: double field
  /** this quantum's cpu.pressure full share, 0..1 */
  cpuFull = AS_DOUBLE;
  /** this quantum: threads that may run, work they have (ms), and what competes after cpu.max */
  threads = 0;
  wanted = AS_DOUBLE;
  want = AS_DOUBLE;
  usageMs = AS_DOUBLE;
  /** share of the last quantum some runnable task waited for CPU (cpu.pressure "some") */
  cpuStall = AS_DOUBLE;
  private backlog = AS_DOUBLE;
  /** memory.current: anonymous memory; no page cache or swap is modelled */
  anon = AS_DOUBLE;
  peak = AS_DOUBLE;
  readonly events: MemoryEvents = { high: 0, max: 0, oom: 0, oomKill: 0 };
  private highBatches = AS_DOUBLE;
  /** charge batches that met memory.max and had to reclaim first (memory.events max) */
  private maxBatches = AS_DOUBLE;
  /** share of the last quantum its tasks slept for memory.high */
  memStall = AS_DOUBLE;
  restarts = 0;
  restartAtMs = 0;
  startedAtMs: number;
  backoffMs = RESTART_FIRST_MS;
  tasks = 0;
  forkFails = 0;
  private nextForkMs = 0;
  frozenMs = AS_DOUBLE;
  upper = AS_DOUBLE;
  /** memory image of the last checkpoint, MiB */
  image: number | null = null;
  /** end of a checkpoint dump or a restore in progress */
  untilMs = 0;
  lastThrottledMs = -Infinity;
  base: SampleBase = { usageMs: 0, nrPeriods: 0, nrThrottled: 0 };
  /** demand's result: busy threads, and CPUs of work per second */
  private demandThreads = 0;
  private demandCpus = AS_DOUBLE;

  constructor(
    readonly name: string,
    readonly spec: ContainerSpec,
    readonly parent: Parent | null,
    rng: Rng,
    tMs: number,
  ) {
    this.workload = new WorkloadState(spec.workload, 1, rng, 0);
    this.bw = new Bandwidth(spec.cpuMax === null ? null : spec.cpuMax * CFS_PERIOD_MS);
    this.startedAtMs = tMs;
    // perf: not a constant
    this.state = 'running';
    this.wanted = this.want = this.usageMs = this.cpuStall = this.backlog = 0;
    this.anon = this.peak = this.highBatches = this.memStall = this.maxBatches = this.cpuFull = 0;
    this.frozenMs = this.upper = 0;
    this.demandCpus = 0;
  }

  get shares(): number {
    return weightToShares(this.spec.cpuWeight);
  }

  /**
   * Busy threads and the CPUs of work per second they bring: its own load and its share of the
   * service's. Written into demandThreads and demandCpus (this runs every quantum: no object).
   */
  private demand(tMs: number): void {
    const w = this.spec.workload;
    const p = this.parent;
    const f = (p?.workload ?? this.workload).factor(tMs);
    const n = Math.max(1, p?.count() ?? 1);
    let cpus = w.cpu * f * w.threads * ((p?.n0 ?? 1) / n);
    let threads = w.threads;
    if (p) for (const l of p.workload.loads) cpus += (l.cpu * l.threads) / n;
    for (const l of this.workload.loads) {
      cpus += l.cpu * l.threads;
      threads = Math.max(threads, l.threads);
    }
    this.demandThreads = cpus > 0 ? Math.max(1, threads) : threads;
    this.demandCpus = cpus;
  }

  /** Tasks it would run now (main process and busy threads), before pids.max. */
  wantedTasks(tMs: number): number {
    if (this.state !== 'running') return this.tasks;
    this.demand(tMs);
    return BASE_TASKS + this.demandThreads;
  }

  /**
   * This quantum's runnable work, `pidsRoom` tasks allowed by pids.max. Returns the fork failures
   * (tasks refused) when the application tries again.
   */
  prepare(tMs: number, q: number, pidsRoom: number): number {
    this.wanted = 0;
    this.want = 0;
    // perf: same path every time
    this.threads = 0;
    if (this.state !== 'running') return 0;
    this.demand(tMs);
    const dThreads = this.demandThreads;
    const wantTasks = BASE_TASKS + dThreads;
    this.tasks = Math.max(0, Math.min(wantTasks, pidsRoom));
    let refused = 0;
    if (this.tasks < wantTasks && tMs >= this.nextForkMs) {
      refused = wantTasks - this.tasks;
      this.forkFails += refused;
      this.nextForkMs = tMs + FORK_RETRY_MS;
    }
    const t = Math.max(0, this.tasks - BASE_TASKS);
    this.threads = t;
    const rate = dThreads > 0 ? Math.min(t, (this.demandCpus * t) / dThreads) : 0;
    this.backlog = Math.min(this.backlog + rate * q, t * MAX_BACKLOG_MS);
    // Tasks asleep for memory.high cannot run either.
    this.wanted = Math.min(this.backlog, t * q * (1 - this.memStall));
    this.want = Math.min(this.wanted, this.bw.left());
    return refused;
  }

  /**
   * It ran `x` ms this quantum on a kernel with `cpus` CPUs. True when cpu.max throttled it for
   * the first time this period.
   */
  account(x: number, q: number, cpus: number): boolean {
    this.usageMs += x;
    this.backlog = Math.max(0, this.backlog - x);
    const first = this.bw.charge(this.wanted, this.want, x);
    // cpu.pressure as kernel/sched/psi.c defines it on SMP: runnable tasks (on average over the
    // quantum), those running, the rest delayed (throttling included)
    const psi = psiStates(this.wanted / q, x / q, cpus);
    this.cpuStall = psi.some;
    this.cpuFull = psi.full;
    this.cpuPsi.add(this.cpuStall * q, q);
    this.cpuFullPsi.add(this.cpuFull * q, q);
    // asleep above memory.high: every task of the cgroup is, so some = full
    this.memPsi.add(this.memStall * q, q);
    this.memFullPsi.add(this.memStall * q, q);
    // perf: same path every time
    this.frozenMs += this.state === 'frozen' || this.state === 'checkpointing' ? q : 0;
    return first;
  }

  /** Working set the process keeps resident, MiB: its own, its loads', its share of the service's. */
  target(): number {
    const w = this.spec.workload;
    const p = this.parent;
    const shared = p ? p.workload.extraActiveMiB() / Math.max(1, p.count()) : 0;
    return w.activeMiB + w.heapMiB + this.workload.extraActiveMiB() + shared;
  }

  /** One quantum of memory: grow toward the working set, sleeping above memory.high. False = memory.max hit. */
  grow(q: number, b: MemoryBounds): boolean {
    this.memStall = 0;
    if (this.state !== 'running') return true;
    const dt = q / 1000;
    const target = this.target();
    if (this.anon > target) this.anon = target; // a load ended: the process frees what it added
    const grow = Math.min(target - this.anon, Math.max(TOUCH_MIBS, target / STARTUP_S) * dt);
    const charge = CHURN_PER_S * this.anon + grow / dt;
    this.memStall = highStall(charge, CHARGE_BATCH_MIB, b.sleepMs);
    if (b.overHigh) {
      this.highBatches += (charge * (1 - this.memStall) * dt) / CHARGE_BATCH_MIB;
      this.events.high = Math.floor(this.highBatches);
    }
    this.upper += this.spec.workload.dirtyMiBs * UPPER_NEW_FRACTION * dt;
    const g = grow * (1 - this.memStall);
    if (g > b.room + EPS) {
      // no swap and nothing reclaimable: the charge fails and the OOM killer runs in the cgroup
      this.maxBatches = Math.floor(this.maxBatches) + 1;
      this.events.max = Math.floor(this.maxBatches);
      this.events.oom++;
      return false;
    }
    // Within a charge batch of memory.max every charge meets the limit and reclaims first (what
    // the process frees and allocates again): memory.events max counts each such breach.
    if (b.room < CHARGE_BATCH_MIB) {
      this.maxBatches += (charge * (1 - this.memStall) * dt) / CHARGE_BATCH_MIB;
      this.events.max = Math.floor(this.maxBatches);
    }
    this.anon += g;
    if (this.anon > this.peak) this.peak = this.anon;
    return true;
  }

  /** The process ends (OOM kill, checkpoint): tasks, queued work and memory go with it. */
  stop(): void {
    this.anon = 0;
    this.backlog = 0;
    this.tasks = 0;
    this.threads = 0;
    this.memStall = 0;
  }
}

/**
 * kernel/sched/psi.c's SMP states for `nonidle` runnable tasks of which `running` run, on `cpus`
 * CPUs: threads = min(nonidle, cpus), some = min(delayed / threads, 1),
 * full = (threads - min(running, threads)) / threads.
 */
export function psiStates(nonidle: number, running: number, cpus: number): { some: number; full: number } {
  const threads = Math.min(nonidle, cpus);
  if (threads <= EPS) return { some: 0, full: 0 };
  const delayed = Math.max(0, nonidle - running);
  return {
    some: Math.min(1, delayed / threads),
    full: Math.max(0, threads - Math.min(running, threads)) / threads,
  };
}
