// Storage DRS: the datastore cluster's service. Every second it samples each member datastore's
// latency (what the hosts saw, command-weighted DAVG + KAVG), the commands it served and each
// disk's commands; on the interval it judges space and the 90th percentile of latency against the
// thresholds (sdrs.ts) and recommends (manual) or starts (auto) Storage vMotions. A datastore
// whose space use crosses the threshold between runs invokes it at once, for space, as vSphere's
// does. Rules and sources: docs/model/cluster.md.
//
// On a datastore cluster the disks live on shared datastores: a VM's disk stays on its datastore
// when the VM moves between hosts (vMotion, HA), so every VM on a member's host is pinned to it
// (GroupRuntime.datastore) — without a datastore cluster a never-relocated disk follows its VM.

import type { DatastoreClusterSpec, SdrsMode } from '../../profile/types.js';
import type { GroupRuntime, HostRuntime } from '../runtime.js';
import type { HostState } from '../snapshot.js';
import type { ClusterContext } from './context.js';
import { percentile, recommendStorage, type DatastoreView, type DiskView, type StorageRecommendation } from './sdrs.js';
import { DEFAULT_DISK_MIB, StorageMigrations } from './storage-migration.js';

export type { StorageRecommendation } from './sdrs.js';

/** Storage DRS samples the datastores this often. */
export const SDRS_SAMPLE_MS = 1000;
/** A datastore whose `disk:` gives no capacity [assumption]: 2 TiB. */
export const DEFAULT_DATASTORE_MIB = 2 * 1024 * 1024;

export interface DatastoreInfo {
  /** the host it is named after */
  name: string;
  state: HostState;
  capacityMiB: number;
  /** the disks on it, and what copies to it have written so far */
  usedMiB: number;
  /** the latency the hosts see on it now, ms */
  latencyMs: number;
  /** its 90th-percentile latency at the last run, ms; null before the first */
  p90Ms: number | null;
  /** over the space threshold now; over the latency one at the last run */
  overSpace: boolean;
  overLatency: boolean;
}

export interface StorageDrsInfo {
  mode: SdrsMode;
  spaceThreshold: number;
  latencyThresholdMs: number;
  ioMetric: boolean;
  intervalS: number;
  /** simulated s of the next run */
  nextRunS: number;
  datastores: DatastoreInfo[];
  /** manual: the moves proposed at the last run and not yet done */
  recommendations: StorageRecommendation[];
}

export class StorageDrs {
  /** the member datastores' hosts */
  readonly members: HostRuntime[];
  private readonly latency: number[][];
  private readonly served: number[];
  private samples = 0;
  private readonly diskCmds = new Map<GroupRuntime, number>();
  private readonly p90: (number | null)[];
  private readonly overSpace: boolean[];
  private nextSampleMs = SDRS_SAMPLE_MS;
  private nextRunMs: number;
  private recommendations: StorageRecommendation[] = [];

  constructor(private readonly ctx: ClusterContext, private readonly storage: StorageMigrations, readonly spec: DatastoreClusterSpec) {
    this.members = spec.datastores.map((n) => ctx.host(n)).filter((h): h is HostRuntime => h !== undefined);
    this.latency = this.members.map(() => []);
    this.served = this.members.map(() => 0);
    this.p90 = this.members.map(() => null);
    this.overSpace = this.members.map(() => false);
    this.nextRunMs = spec.intervalMs;
    this.pin();
    // a datastore over the threshold from the start is found at the first sample
  }

  /** The host whose datastore holds the VM's disk. */
  private static diskOf(place: { host: HostRuntime; group: GroupRuntime }): HostRuntime {
    return StorageMigrations.datastoreOf(place);
  }

  capacityOf(host: HostRuntime): number {
    return host.spec.disk.capacityMiB ?? DEFAULT_DATASTORE_MIB;
  }

  /**
   * Space used on a datastore, MiB: its disks, and the copies in flight to it — what they have
   * copied so far. `reserve`: as a run plans, a disk on its way is counted whole on its target
   * and no longer on its source.
   */
  usedMiB(host: HostRuntime, reserve: boolean): number {
    let mib = 0;
    for (const place of this.ctx.vms()) {
      if (reserve && this.ctx.relocating.has(place.group.name)) continue;
      if (StorageDrs.diskOf(place) === host) mib += place.group.spec?.diskSizeMiB ?? DEFAULT_DISK_MIB;
    }
    for (const r of this.storage.active) if (r.to === host) mib += reserve ? r.sizeMiB : r.copiedMiB;
    return mib;
  }

  /** VMs on a member's host whose disk is not pinned yet are pinned there (at start, after a deploy or a recovery). */
  private pin(): void {
    for (const { host, group } of this.ctx.vms()) {
      if (group.datastore || !this.members.includes(host)) continue;
      group.datastore = host;
      this.storage.pinned = true;
    }
  }

  /** Every quantum: sample every second, run on the interval or when space crosses the threshold. */
  step(tMs: number): void {
    if (tMs < this.nextSampleMs) return;
    this.nextSampleMs += SDRS_SAMPLE_MS;
    this.pin();
    this.sample();
    if (tMs >= this.nextRunMs) {
      this.nextRunMs += this.spec.intervalMs;
      this.run(tMs, true);
      return;
    }
    // vSphere invokes Storage DRS when a datastore's space use passes the threshold
    let crossed = false;
    this.members.forEach((h, i) => {
      const over = h.state === 'up' && this.usedMiB(h, false) / this.capacityOf(h) > this.spec.spaceThreshold;
      if (over && !this.overSpace[i]) crossed = true;
      this.overSpace[i] = over;
    });
    if (crossed) this.run(tMs, false);
  }

  private sample(): void {
    this.samples++;
    this.members.forEach((h, i) => {
      // a copy's own I/O is not the datastore's load: not judged while one runs through it [assumption]
      if (h.state !== 'up' || this.storage.active.some((r) => r.from === h || r.to === h)) return;
      const ds = h.io.datastore;
      this.latency[i].push(ds.observedMs);
      this.served[i] += ds.servedIops;
    });
    for (const { host, group } of this.ctx.vms()) {
      const g = host.groups.indexOf(group);
      this.diskCmds.set(group, (this.diskCmds.get(group) ?? 0) + (host.state === 'up' ? host.io.diskRate(g) : 0));
    }
  }

  /** Judge the datastores and recommend or move; `latency`: with the interval's latency (a periodic run). */
  private run(tMs: number, latency: boolean): void {
    const spec = this.spec;
    const n = Math.max(1, this.samples);
    if (latency) {
      this.members.forEach((_, i) => { this.p90[i] = spec.ioMetric ? percentile(this.latency[i], 0.9) : null; });
    }
    if (spec.sdrs === 'off') return this.reset(latency);
    // a run a space crossing invoked judges destinations by the latency measured so far
    const soFar = (i: number) => (spec.ioMetric ? percentile(this.latency[i], 0.9) ?? this.p90[i] : null);
    const stores: DatastoreView[] = this.members.map((h, i) => ({
      name: h.spec.name, up: h.state === 'up', capacityMiB: this.capacityOf(h), usedMiB: this.usedMiB(h, true),
      latencyMs: latency ? this.p90[i] : soFar(i), servedIops: this.served[i] / Math.max(1, this.latency[i].length), capacityIops: h.io.datastore.capacity, baseLatencyMs: h.spec.disk.latencyMs,
      copying: this.storage.active.some((r) => r.from === h || r.to === h),
    }));
    const disks: DiskView[] = [];
    const places = new Map<string, { host: HostRuntime; group: GroupRuntime }>();
    for (const place of this.ctx.vms()) {
      const on = this.members.indexOf(StorageDrs.diskOf(place));
      if (on < 0) continue;
      const { group } = place;
      places.set(group.name, place);
      disks.push({ vm: group.name, on, sizeMiB: group.spec?.diskSizeMiB ?? DEFAULT_DISK_MIB, iops: (this.diskCmds.get(group) ?? 0) / n });
    }
    const recs = recommendStorage(stores, disks, spec, (vm, to) => {
      const place = places.get(vm);
      return !!place && this.storage.block(place, this.members[to]) === null;
    }, latency);
    this.reset(latency);
    if (recs.length === 0) return this.explain(tMs, stores, latency);
    if (spec.sdrs === 'auto') {
      this.recommendations = [];
      for (const r of recs) {
        this.ctx.emit(tMs, 'sdrs-move', r.vm, `Storage DRS moves its disk ${r.from} → ${r.to} (${r.reason}: ${r.why})`);
        this.storage.start(tMs, r.vm, r.to, 'SDRS');
      }
      return;
    }
    this.recommendations = recs;
    for (const r of recs) this.ctx.emit(tMs, 'sdrs-recommend', r.vm, `disk ${r.from} → ${r.to} (${r.reason}: ${r.why}); H, Tab applies it`);
  }

  /** A threshold passed and no move helps: say why, once a run. */
  private explain(tMs: number, stores: readonly DatastoreView[], latency: boolean): void {
    this.recommendations = [];
    const s = this.spec;
    for (const d of stores) {
      if (!d.up) continue;
      const u = d.usedMiB / d.capacityMiB;
      if (u > s.spaceThreshold) {
        this.ctx.emit(tMs, 'sdrs', d.name, `datastore ${Math.round(u * 100)}% used > ${Math.round(s.spaceThreshold * 100)}%, and no member ` +
          `${Math.round(s.spaceDifference * 100)}% emptier can take one of its disks and stay under: no move`);
      } else if (latency && !d.copying && d.latencyMs !== null && d.latencyMs > s.latencyThresholdMs) {
        this.ctx.emit(tMs, 'sdrs', d.name, `datastore 90th percentile ${d.latencyMs.toFixed(1)} ms > ${s.latencyThresholdMs} ms, and no member ` +
          'can take one of its disks and stay under the threshold: no move');
      }
    }
  }

  /** A periodic run starts the next interval's measurements afresh. */
  private reset(latency: boolean): void {
    if (!latency) return;
    this.samples = 0;
    for (const l of this.latency) l.length = 0;
    this.served.fill(0);
    this.diskCmds.clear();
  }

  /** The proposals still to do: not made moot by a move, a failure or a copy started since. */
  current(): StorageRecommendation[] {
    if (this.recommendations.length === 0) return this.recommendations;
    this.recommendations = this.recommendations.filter((r) => {
      const place = this.ctx.find(r.vm);
      const to = this.ctx.host(r.to);
      return !!place && !!to && StorageDrs.diskOf(place).spec.name === r.from && !this.storage.of(r.vm) && this.storage.block(place, to) === null;
    });
    return this.recommendations;
  }

  info(): StorageDrsInfo {
    const s = this.spec;
    return {
      mode: s.sdrs, spaceThreshold: s.spaceThreshold, latencyThresholdMs: s.latencyThresholdMs, ioMetric: s.ioMetric,
      intervalS: s.intervalMs / 1000, nextRunS: this.nextRunMs / 1000,
      datastores: this.members.map((h, i) => {
        const used = this.usedMiB(h, false);
        const cap = this.capacityOf(h);
        return {
          name: h.spec.name, state: h.state, capacityMiB: cap, usedMiB: used,
          latencyMs: h.state === 'up' ? h.io.datastore.observedMs : 0, p90Ms: this.p90[i],
          overSpace: used / cap > s.spaceThreshold, overLatency: this.p90[i] !== null && this.p90[i]! > s.latencyThresholdMs,
        };
      }),
      recommendations: this.current(),
    };
  }
}
