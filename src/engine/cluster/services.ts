// The periodic services of the cluster: DRS balancing and DPM power management, run every
// DRS_PERIOD_MS on the CPU demand measured since the previous run.

import type { GroupRuntime, HostRuntime } from '../runtime.js';
import type { ClusterContext } from './context.js';
import { ZIP_RATIO } from '../memory/constants.js';
import { applies, DRS_MAX_MOVES, memDemandMiB, recommend, type Candidate, type Recommendation } from './drs.js';
import { DPM_OFF_WINDOW_MS, DPM_ON_WINDOW_MS, hostsToPowerOff, needsPowerOn, type HostDemand } from './dpm.js';
import { migrationBlock } from './eligibility.js';
import type { Migrations } from './migration.js';

export class Services {
  recommendations: Recommendation[] = [];
  /** stateKey() when the recommendations were made */
  private madeFor = '';
  private lastMs = 0;
  private readonly lastDmd = new Map<GroupRuntime, number>();
  /** demand of each VM over the last period, MHz */
  readonly vmMHz = new Map<GroupRuntime, number>();
  /** memory demand of each VM at the last run, MiB (active + a quarter of idle consumed + overhead) */
  readonly vmMiB = new Map<GroupRuntime, number>();
  private lowSinceMs: number | null = null;
  private highSinceMs: number | null = null;

  constructor(private readonly ctx: ClusterContext, private readonly migrations: Migrations) {}

  /** Measure every VM's CPU demand since the previous run. */
  measure(tMs: number): void {
    const dt = tMs - this.lastMs;
    this.lastMs = tMs;
    for (const { host, group } of this.ctx.vms()) {
      const cpu = host.cpu;
      const g = host.groups.indexOf(group);
      let d = 0;
      for (let v = cpu.gStart[g]; v < cpu.gStart[g] + cpu.gCount[g]; v++) d += cpu.cDmd[v];
      const prev = this.lastDmd.get(group) ?? 0;
      this.lastDmd.set(group, d);
      const running = group.state === 'running' || group.state === 'migrating';
      this.vmMHz.set(group, running && dt > 0 ? ((d - prev) / dt) * host.spec.mhz : 0);
      const m = group.memory;
      this.vmMiB.set(group, running && m ? memDemandMiB(m.active(tMs), m.consumed(ZIP_RATIO), m.overheadMiB) : 0);
    }
    // an FT secondary loads its host like a VM: its own CPU demand, the memory of its primary
    for (const host of this.ctx.hosts) {
      for (let g = 0; g < host.groups.length; g++) {
        const group = host.groups[g];
        if (group.ftOf === undefined) continue;
        const cpu = host.cpu;
        let d = 0;
        for (let v = cpu.gStart[g]; v < cpu.gStart[g] + cpu.gCount[g]; v++) d += cpu.cDmd[v];
        const prev = this.lastDmd.get(group) ?? d;
        this.lastDmd.set(group, d);
        this.vmMHz.set(group, dt > 0 ? ((d - prev) / dt) * host.spec.mhz : 0);
        const primary = this.ctx.find(group.ftOf)?.group;
        this.vmMiB.set(group, primary ? this.vmMiB.get(primary) ?? 0 : 0);
      }
    }
  }

  /** Memory demand of a host's VMs over its memory for VMs, from the last measurement. */
  memEntitlement(host: HostRuntime): number {
    let mib = 0;
    for (const g of host.groups) mib += this.vmMiB.get(g) ?? 0;
    return mib / memCapacity(host);
  }

  /** CPU demand of a host over its capacity, from the last measurement. */
  load(host: HostRuntime): number {
    let mhz = 0;
    for (const g of host.groups) mhz += this.vmMHz.get(g) ?? 0;
    return mhz / (host.spec.pcpus * host.spec.mhz);
  }

  memLoad(host: HostRuntime): number {
    return (host.spec.memoryMiB - host.memory.freeNow()) / host.spec.memoryMiB;
  }

  run(tMs: number): void {
    this.measure(tMs);
    const spec = this.ctx.spec;
    if (spec.drs !== 'off') this.balance(tMs);
    if (spec.dpm === 'auto') this.power(tMs);
  }

  /**
   * The recommendations for the cluster as it is now. DRS measures and acts every period, but a
   * host that fails or a VM powered off meanwhile would leave proposals to move VMs to or from
   * a failed host, or a VM no longer running: when hosts' or VMs' states or places changed since
   * they were made, they are made again from the last measurement (nothing applied, nothing logged).
   */
  current(): Recommendation[] {
    if (this.ctx.enabled && this.ctx.spec.drs !== 'off' && this.stateKey() !== this.madeFor) {
      this.recommendations = this.shown(this.recommend());
    }
    return this.recommendations;
  }

  /** Hosts' states and each VM's state and host (a migrating VM still runs where it was). */
  private stateKey(): string {
    let key = this.ctx.draining?.spec.name ?? '';
    for (const h of this.ctx.hosts) {
      key += `|${h.state}`;
      for (const g of h.groups) if (g.kind === 'vm') key += `,${g.gid}${g.state === 'migrating' ? 'running' : g.state}`;
    }
    return key;
  }

  /** manual lists every move; auto applies those within the threshold and lists the rest. */
  private shown(recs: Recommendation[]): Recommendation[] {
    return this.ctx.spec.drs === 'auto' ? recs.filter((r) => !applies(r.priority, this.ctx.spec.drsThreshold)) : recs;
  }

  private recommend(): Recommendation[] {
    this.madeFor = this.stateKey();
    const up = this.ctx.hosts.filter((h) => h.state === 'up' && h !== this.ctx.draining);
    if (up.length < 2 || this.migrations.active.length > 0) return [];
    const vms: Candidate[] = [];
    up.forEach((h, i) => {
      for (const g of h.groups) {
        if (g.kind === 'vm' && g.state === 'running') vms.push({ vm: g.name, host: i, mhz: this.vmMHz.get(g) ?? 0, mib: this.vmMiB.get(g) ?? 0 });
      }
    });
    // what runs now: a VM powered off since the measurement no longer loads its host
    const now = (g: GroupRuntime) => g.state === 'running' || g.state === 'migrating' || g.ftOf !== undefined;
    const demand = up.map((h) => h.groups.reduce((a, g) => a + (now(g) ? this.vmMHz.get(g) ?? 0 : 0), 0));
    const memDemand = up.map((h) => h.groups.reduce((a, g) => a + (now(g) ? this.vmMiB.get(g) ?? 0 : 0), 0));
    // each site is a cluster of its own: DRS balances within it
    return recommend(up.map((h) => h.spec.name), up.map((h) => h.spec.pcpus * h.spec.mhz), demand, vms, (vm, to) => {
      const place = this.ctx.find(vm);
      return !!place && place.host.spec.site === up[to].spec.site && migrationBlock(this.ctx, place, up[to]) === null;
    }, DRS_MAX_MOVES, up.map(memCapacity), memDemand);
  }

  private balance(tMs: number): void {
    const recs = this.recommend();
    this.recommendations = recs;
    const threshold = this.ctx.spec.drsThreshold;
    for (const r of recs) {
      if (!applies(r.priority, threshold)) continue;
      if (this.ctx.spec.drs === 'auto') this.migrations.start(tMs, r.vm, r.to, 'DRS');
      else this.ctx.emit(tMs, 'drs-recommend', r.vm, `priority ${r.priority}: migrate ${r.from} -> ${r.to} (imbalance ${r.before.toFixed(3)} -> ${r.after.toFixed(3)})`);
    }
    this.recommendations = this.shown(recs);
  }

  private power(tMs: number): void {
    const up = this.ctx.hosts.filter((h) => h.state === 'up');
    const demand: HostDemand[] = up.map((h) => ({ cpu: this.load(h), mem: this.memLoad(h) }));
    if (this.ctx.draining) return;
    const standby = this.ctx.hosts.find((h) => h.state === 'standby');
    if (standby && needsPowerOn(demand)) {
      this.highSinceMs ??= tMs;
      if (tMs - this.highSinceMs >= DPM_ON_WINDOW_MS) {
        this.highSinceMs = null;
        this.wake(tMs, standby);
      }
    } else this.highSinceMs = null;
    if (hostsToPowerOff(demand) > 0) {
      this.lowSinceMs ??= tMs;
      if (tMs - this.lowSinceMs >= DPM_OFF_WINDOW_MS) {
        this.lowSinceMs = null;
        this.evacuate(tMs, up);
      }
    } else this.lowSinceMs = null;
  }

  /** Powered on by DPM (IPMI, iLO or Wake-on-LAN). */
  wake(tMs: number, host: HostRuntime): void {
    host.state = 'up';
    host.io.resumeAt(tMs);
    this.ctx.emit(tMs, 'host-poweron', host.spec.name, 'powered on by DPM: demand above 81% on every host');
  }

  /** The least loaded host's VMs migrate off; it goes to standby once empty. */
  private evacuate(tMs: number, up: HostRuntime[]): void {
    const host = [...up].sort((a, b) => this.load(a) - this.load(b))[0];
    // a host in standby serves no datastore: not while a VM's disk is there or moving (Storage vMotion)
    const disk = [...this.ctx.vms()].find(({ group }) => group.datastore === host)?.group.name
      ?? [...this.ctx.relocating].find(([, r]) => r.from === host || r.to === host)?.[0];
    if (disk !== undefined) {
      this.ctx.emit(tMs, 'dpm', host.spec.name, `stays on: its datastore holds ${disk}'s disk`);
      return;
    }
    const running = host.groups.filter((g) => g.kind === 'vm' && g.state === 'running');
    const targets = up.filter((h) => h !== host && h.spec.site === host.spec.site);
    for (const g of running) {
      const place = { host, group: g };
      const to = targets.filter((h) => migrationBlock(this.ctx, place, h) === null).sort((a, b) => this.load(a) - this.load(b))[0];
      if (!to) {
        this.ctx.emit(tMs, 'dpm', host.spec.name, `stays on: ${g.name} cannot be moved off`);
        return;
      }
    }
    this.ctx.draining = host;
    this.ctx.emit(tMs, 'dpm', host.spec.name, `entering standby: CPU and memory below 45% on every host; evacuating ${running.length} VM${running.length === 1 ? '' : 's'}`);
    for (const g of running) {
      const place = { host, group: g };
      const to = targets.filter((h) => migrationBlock(this.ctx, place, h) === null).sort((a, b) => this.load(a) - this.load(b))[0];
      if (to) this.migrations.start(tMs, g.name, to.spec.name, 'DPM');
    }
    this.settle(tMs);
  }

  /** A draining host with nothing left running goes to standby. */
  settle(tMs: number): void {
    const host = this.ctx.draining;
    if (!host) return;
    if (host.state !== 'up') { this.ctx.draining = null; return; }
    const busy = host.groups.some((g) => g.kind === 'vm' && (g.state === 'running' || g.state === 'migrating'));
    if (busy) {
      if (!this.migrations.active.some((m) => m.from === host)) {
        this.ctx.draining = null;
        this.ctx.emit(tMs, 'dpm', host.spec.name, 'standby abandoned: a VM could not be moved off');
      }
      return;
    }
    this.ctx.draining = null;
    host.state = 'standby';
    this.ctx.emit(tMs, 'host-standby', host.spec.name, 'in standby (DPM)');
  }
}

/** A host's memory for VMs: what its hypervisor does not reserve, MiB. */
export function memCapacity(host: HostRuntime): number {
  return Math.max(1, host.spec.memoryMiB - host.spec.reservedMiB);
}
