// DRS (docs/model/cluster.md): per host a normalized entitlement of CPU (the VMs' CPU demand over
// the host's MHz) and of memory (the VMs' active memory plus a quarter of their idle consumed
// memory, over the host's memory for VMs); per resource the standard deviation of the hosts'
// loads; the cluster's imbalance is the larger of the two [assumption], a recommendation's priority
// 6 - ceil(imbalance / 0.1 x sqrt(hosts)), and the migration threshold k applies priorities <= k.
// `manual` lists the recommendations for the user to apply (a migrate command); `auto` applies them.

import { EPS } from '../../eps.js';

/** Idle consumed memory counts a quarter in a VM's memory demand (vSphere 6.5 DRS's default). */
export const IDLE_CONSUMED_WEIGHT = 0.25;

/** A VM's memory demand as DRS counts it, MiB: active, a quarter of idle consumed, overhead. */
export function memDemandMiB(active: number, consumed: number, overhead: number): number {
  return active + IDLE_CONSUMED_WEIGHT * Math.max(0, consumed - active) + overhead;
}

/** The cluster's imbalance from the CPU and memory ones: the scarcer balance decides [assumption]. */
export function combinedImbalance(cpu: number, mem: number): number {
  return Math.max(cpu, mem);
}

/** How often DRS runs [assumption: vSphere runs every 300 s; a lab wants to see it sooner]. */
export const DRS_PERIOD_MS = 60_000;
/** Moves DRS proposes per run at most [assumption] */
export const DRS_MAX_MOVES = 4;

/** Population standard deviation of the host loads: LoadImbalanceMetric. */
export function imbalance(loads: readonly number[]): number {
  const n = loads.length;
  if (n < 2) return 0;
  const mean = loads.reduce((a, b) => a + b, 0) / n;
  return Math.sqrt(loads.reduce((a, x) => a + (x - mean) ** 2, 0) / n);
}

/**
 * Priority of load-balancing moves at this imbalance: 1 (most urgent) .. 5; 6 when there is
 * nothing to gain. Priority 1 is kept for mandatory moves, so load moves clamp to 2 [assumption].
 */
export function drsPriority(lim: number, hosts: number): number {
  const raw = 6 - Math.ceil((lim / 0.1) * Math.sqrt(hosts) - EPS);
  return Math.min(6, Math.max(2, raw));
}

/** Threshold k applies recommendations of priority <= k. */
export function applies(priority: number, threshold: number): boolean {
  return priority <= threshold;
}

/** The imbalance a threshold tolerates: the largest with a priority above it. */
export function targetImbalance(threshold: number, hosts: number): number {
  // priority > k  <=>  ceil(x) < 6 - k  <=>  x <= 5 - k
  return Math.max(0, (5 - threshold) * 0.1) / Math.sqrt(Math.max(1, hosts));
}

export interface Recommendation {
  vm: string;
  from: string;
  to: string;
  priority: number;
  /** imbalance before and after the move */
  before: number;
  after: number;
}

export interface Candidate {
  vm: string;
  host: number;
  /** CPU demand, MHz */
  mhz: number;
  /** memory demand, MiB (memDemandMiB); absent: DRS balances CPU only */
  mib?: number;
}

/**
 * Greedy balancing: repeatedly the single move (a VM from its host to another) that lowers the
 * imbalance most, while it lowers it and its priority is a real one (< 6). A move is judged by the
 * sum of the squared CPU and memory imbalances, so a move that evens memory without upsetting CPU
 * counts even when CPU is the larger of the two.
 * `capacity[h]` in MHz and `demand[h]` the hosts' demand in MHz; `memCapacity`/`memDemand` the
 * same in MiB (omitted: CPU only); `canMove(vm, to)` eligibility.
 */
export function recommend(
  names: readonly string[], capacity: readonly number[], demand: readonly number[],
  vms: readonly Candidate[], canMove: (vm: string, to: number) => boolean,
  maxMoves = DRS_MAX_MOVES, memCapacity?: readonly number[], memDemand?: readonly number[],
): Recommendation[] {
  const d = [...demand];
  const m = memDemand ? [...memDemand] : names.map(() => 0);
  const mc = memCapacity ?? names.map(() => 1);
  const where = new Map(vms.map((v) => [v.vm, v.host]));
  const sigma = () => [imbalance(d.map((x, i) => x / capacity[i])), imbalance(m.map((x, i) => x / mc[i]))];
  const score = () => sigma().reduce((a, x) => a + x * x, 0);
  const out: Recommendation[] = [];
  for (let k = 0; k < maxMoves; k++) {
    const [c0, m0] = sigma();
    const before = combinedImbalance(c0, m0);
    const priority = drsPriority(before, names.length);
    if (priority >= 6) break;
    const s0 = score();
    let best: { vm: string; from: number; to: number; after: number; score: number } | null = null;
    for (const v of vms) {
      const from = where.get(v.vm)!;
      const mib = v.mib ?? 0;
      if (v.mhz <= 0 && mib <= 0) continue;
      for (let to = 0; to < names.length; to++) {
        if (to === from || !canMove(v.vm, to)) continue;
        d[from] -= v.mhz; d[to] += v.mhz; m[from] -= mib; m[to] += mib;
        const sc = score();
        const [c1, m1] = sigma();
        d[from] += v.mhz; d[to] -= v.mhz; m[from] += mib; m[to] -= mib;
        if (sc < s0 - EPS && (!best || sc < best.score)) best = { vm: v.vm, from, to, after: combinedImbalance(c1, m1), score: sc };
      }
    }
    if (!best) break;
    const v = vms.find((x) => x.vm === best.vm)!;
    d[best.from] -= v.mhz; d[best.to] += v.mhz;
    m[best.from] -= v.mib ?? 0; m[best.to] += v.mib ?? 0;
    where.set(best.vm, best.to);
    out.push({ vm: best.vm, from: names[best.from], to: names[best.to], priority, before, after: best.after });
  }
  return out;
}
