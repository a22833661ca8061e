// DRS (reference §7.3): host load = the VMs' CPU demand over the host's capacity; the cluster's
// imbalance is the standard deviation of the host loads; a recommendation's priority is
// 6 - ceil(imbalance / 0.1 x sqrt(hosts)), and the migration threshold k applies priorities <= k.
// `manual` lists the recommendations for the user to apply (a migrate command); `auto` applies them.

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
  const raw = 6 - Math.ceil((lim / 0.1) * Math.sqrt(hosts) - 1e-9);
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
  /** the VM's demand as a fraction of each host's capacity it could land on */
  load: number;
  /** demand in MHz */
  mhz: number;
}

/**
 * Greedy balancing: repeatedly the single move (a VM from its host to another) that lowers the
 * imbalance most, while it lowers it and its priority is a real one (< 6).
 * `capacity[h]` in MHz; `demand[h]` the hosts' demand in MHz; `canMove(vm, to)` eligibility.
 */
export function recommend(
  names: readonly string[], capacity: readonly number[], demand: readonly number[],
  vms: readonly { vm: string; host: number; mhz: number }[], canMove: (vm: string, to: number) => boolean,
  maxMoves = DRS_MAX_MOVES,
): Recommendation[] {
  const d = [...demand];
  const where = new Map(vms.map((v) => [v.vm, v.host]));
  const loads = () => d.map((x, i) => x / capacity[i]);
  const out: Recommendation[] = [];
  for (let k = 0; k < maxMoves; k++) {
    const before = imbalance(loads());
    const priority = drsPriority(before, names.length);
    if (priority >= 6) break;
    let best: { vm: string; from: number; to: number; after: number } | null = null;
    for (const v of vms) {
      const from = where.get(v.vm)!;
      if (v.mhz <= 0) continue;
      for (let to = 0; to < names.length; to++) {
        if (to === from || !canMove(v.vm, to)) continue;
        d[from] -= v.mhz; d[to] += v.mhz;
        const after = imbalance(loads());
        d[from] += v.mhz; d[to] -= v.mhz;
        if (after < before - 1e-6 && (!best || after < best.after)) best = { vm: v.vm, from, to, after };
      }
    }
    if (!best) break;
    const v = vms.find((x) => x.vm === best.vm)!;
    d[best.from] -= v.mhz; d[best.to] += v.mhz;
    where.set(best.vm, best.to);
    out.push({ vm: best.vm, from: names[best.from], to: names[best.to], priority, before, after: best.after });
  }
  return out;
}
