// Storage DRS's rules (docs/model/cluster.md): which datastores of a datastore cluster need
// relief, and which VM disk to move where by Storage vMotion. Pure functions of a picture of the
// datastores and disks; the service (storage-drs.ts) measures the picture and acts on the answer.
//
// Space: a datastore whose used space passes the threshold (vSphere: 80 %) sheds disks to members
// at least `spaceDifference` (5 %) less full, which stay at or under the threshold after the move;
// the smallest disk that brings it back under is preferred (least to copy), else the largest that
// fits. Latency: a datastore whose 90th-percentile latency over the interval passes the threshold
// (15 ms) sheds the disk doing the most I/O that another member can take while its predicted
// latency (the device's M/M/1 curve with that disk's commands added) stays under the threshold.

/** Moves Storage DRS proposes per run at most [assumption, as DRS's]. */
export const SDRS_MAX_MOVES = 4;
/** The device's utilization where the latency curve is cut, as the I/O model cuts it. */
const MAX_UTILIZATION = 0.95;

export interface DatastoreView {
  /** the host the datastore is named after */
  name: string;
  /** its host is up: a datastore of a down host is neither a source nor a destination */
  up: boolean;
  capacityMiB: number;
  usedMiB: number;
  /** the 90th percentile of its latency over the interval, ms; null: not measured (space only) */
  latencyMs: number | null;
  /** commands per second it served on average, and what its device can serve */
  servedIops: number;
  capacityIops: number;
  /** device latency at idle, ms */
  baseLatencyMs: number;
  /**
   * a Storage vMotion reads or writes it now: its latency is partly that copy's, so it is not
   * judged on latency until the copy is done [assumption]
   */
  copying: boolean;
}

export interface DiskView {
  vm: string;
  /** index of the datastore it is on */
  on: number;
  sizeMiB: number;
  /** its commands per second on average over the interval */
  iops: number;
}

export interface SdrsSettings {
  spaceThreshold: number;
  latencyThresholdMs: number;
  spaceDifference: number;
}

export interface StorageRecommendation {
  vm: string;
  from: string;
  to: string;
  reason: 'space' | 'latency';
  /** the numbers behind it, as the hosts view and the event say them */
  why: string;
  sizeMiB: number;
}

export type CanMove = (vm: string, to: number) => boolean;

/** A share in per cent: whole where it is whole (a threshold), else one decimal (82.5%). */
const pct = (x: number) => `${Number.isInteger(Math.round(x * 1000) / 10) ? Math.round(x * 100) : (x * 100).toFixed(1)}%`;
const ms = (x: number) => `${x.toFixed(1)} ms`;

/** The value below which `q` of the samples lie (nearest rank); null with no samples. */
export function percentile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
}

/** Device latency at a load of `iops` commands per second: the M/M/1 curve of the I/O model. */
export function predictLatency(baseMs: number, iops: number, capacityIops: number): number {
  const rho = Math.min(MAX_UTILIZATION, Math.max(0, iops) / capacityIops);
  return baseMs / (1 - rho);
}

/**
 * Every move for the datastores over a threshold: space first, then latency (when `latency`: a
 * run on the interval, with a full interval's measurements; a run a space crossing triggered
 * balances space only).
 */
export function recommendStorage(
  stores: readonly DatastoreView[], disks: readonly DiskView[], s: SdrsSettings, canMove: CanMove,
  latency = true, maxMoves = SDRS_MAX_MOVES,
): StorageRecommendation[] {
  const used = stores.map((d) => d.usedMiB);
  const served = stores.map((d) => d.servedIops);
  const where = disks.map((d) => d.on);
  const out: StorageRecommendation[] = [];
  const util = (i: number) => used[i] / stores[i].capacityMiB;
  const move = (k: number, to: number, rec: Omit<StorageRecommendation, 'vm' | 'from' | 'to' | 'sizeMiB'>) => {
    const d = disks[k];
    const from = where[k];
    used[from] -= d.sizeMiB; used[to] += d.sizeMiB;
    served[from] -= d.iops; served[to] += d.iops;
    where[k] = to;
    out.push({ vm: d.vm, from: stores[from].name, to: stores[to].name, sizeMiB: d.sizeMiB, ...rec });
  };
  const moved = (k: number) => out.some((r) => r.vm === disks[k].vm);
  // space: the fullest first, until each is back under or nothing helps
  const full = stores.map((_, i) => i).filter((i) => stores[i].up && util(i) > s.spaceThreshold).sort((a, b) => util(b) - util(a));
  for (const src of full) {
    while (out.length < maxMoves && util(src) > s.spaceThreshold) {
      const before = util(src);
      let best: { k: number; to: number; clears: boolean; after: number } | null = null;
      for (let k = 0; k < disks.length; k++) {
        if (where[k] !== src || moved(k)) continue;
        const size = disks[k].sizeMiB;
        for (let to = 0; to < stores.length; to++) {
          const dst = stores[to];
          if (to === src || !dst.up || !canMove(disks[k].vm, to)) continue;
          if (before - util(to) < s.spaceDifference - 1e-9) continue;
          const after = (used[to] + size) / dst.capacityMiB;
          if (after > s.spaceThreshold + 1e-9) continue;
          // a destination congested on latency is no relief [assumption]
          if (dst.latencyMs !== null && dst.latencyMs > s.latencyThresholdMs) continue;
          const clears = (used[src] - size) / stores[src].capacityMiB <= s.spaceThreshold + 1e-9;
          const better = !best
            || (clears && !best.clears)
            || (clears === best.clears && (clears ? size < disks[best.k].sizeMiB : size > disks[best.k].sizeMiB))
            || (size === disks[best.k].sizeMiB && after < best.after);
          if (better) best = { k, to, clears, after };
        }
      }
      if (!best) break;
      const size = disks[best.k].sizeMiB;
      const why = `${stores[src].name} ${pct(before)} used > ${pct(s.spaceThreshold)}; ` +
        `${stores[src].name} → ${pct((used[src] - size) / stores[src].capacityMiB)}, ${stores[best.to].name} ${pct(util(best.to))} → ${pct(best.after)}`;
      move(best.k, best.to, { reason: 'space', why });
    }
  }
  // latency: the slowest first, one disk each per run
  const slow = stores.map((_, i) => i)
    .filter((i) => stores[i].up && !stores[i].copying && stores[i].latencyMs !== null && stores[i].latencyMs! > s.latencyThresholdMs)
    .sort((a, b) => stores[b].latencyMs! - stores[a].latencyMs!);
  for (const src of latency ? slow : []) {
    if (out.length >= maxMoves) break;
    let best: { k: number; to: number; predicted: number } | null = null;
    for (let k = 0; k < disks.length; k++) {
      if (where[k] !== src || moved(k) || disks[k].iops <= 0) continue;
      for (let to = 0; to < stores.length; to++) {
        const dst = stores[to];
        if (to === src || !dst.up || dst.copying || dst.latencyMs === null || dst.latencyMs >= s.latencyThresholdMs || !canMove(disks[k].vm, to)) continue;
        if ((used[to] + disks[k].sizeMiB) / dst.capacityMiB > s.spaceThreshold + 1e-9) continue;
        const predicted = predictLatency(dst.baseLatencyMs, served[to] + disks[k].iops, dst.capacityIops);
        if (predicted > s.latencyThresholdMs) continue;
        const better = !best || disks[k].iops > disks[best.k].iops || (disks[k].iops === disks[best.k].iops && predicted < best.predicted);
        if (better) best = { k, to, predicted };
      }
    }
    if (!best) continue;
    const d = stores[src];
    const left = predictLatency(d.baseLatencyMs, served[src] - disks[best.k].iops, d.capacityIops);
    const why = `${d.name} 90th percentile ${ms(d.latencyMs!)} > ${ms(s.latencyThresholdMs)}; ` +
      `moves ${Math.round(disks[best.k].iops)} IOPS: ${d.name} → ~${ms(left)}, ${stores[best.to].name} → ~${ms(best.predicted)}`;
    move(best.k, best.to, { reason: 'latency', why });
  }
  return out;
}
