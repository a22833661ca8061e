// The cluster of all hosts: live migration, HA with admission control, fault tolerance, DRS,
// DPM and the VMs' lifecycle, driven by the same commands from the timeline, the keys and
// replays (`migrate`, `fail`, `recover`, `power_on`, `power_off`, `suspend`, `resume`, `reset`,
// `shutdown` — the guest's own, intercepted — and `deploy`).
// Without a `cluster:` section migrations and lifecycle commands work; HA, DRS and DPM do not run.

import { admitAtStart } from './start-admission.js';
import type { CommandFor } from '../../profile/commands.js';
import type { Profile, VmSpec } from '../../profile/types.js';
import type { Rng } from '../rng.js';
import type { HostRuntime } from '../runtime.js';
import type { HostSample, VmSample } from '../snapshot.js';
import { DEFAULT_CLUSTER } from '../../profile/cluster-defaults.js';
import { ClusterContext, type Emit } from './context.js';
import { combinedImbalance, drsPriority, imbalance, memDemandMiB, targetImbalance, DRS_PERIOD_MS } from './drs.js';
import { migrationTargets, type HostChoice } from './eligibility.js';
import { FtService, secondaryName } from './ft.js';
import { HaService } from './ha.js';
import { Lifecycle } from './lifecycle.js';
import { Migrations } from './migration.js';
import { StorageMigrations } from './storage-migration.js';
import { StorageDrs } from './storage-drs.js';
import { SiteRecovery } from './site-recovery.js';
import { capacityOf, runningClaims } from './placement.js';
import { failoverCapacity, failoverPercent } from './admission.js';
import { Services } from './services.js';
import type { ClusterHost, ClusterSample } from './types.js';

export type { ClusterSample, ClusterHost } from './types.js';
export type { HostChoice } from './eligibility.js';


/**
 * Rates per host, Mbit/s, in the Map's order as two arrays: walked every quantum, and iterating a
 * Map's entries allocates a [host, rate] pair for each.
 */
class HostRates {
  readonly hosts: HostRuntime[];
  readonly mbit: number[];

  constructor(rates: ReadonlyMap<HostRuntime, number>) {
    this.hosts = [...rates.keys()];
    this.mbit = [...rates.values()];
  }
}

export class Cluster {
  readonly ctx: ClusterContext;
  readonly migrations: Migrations;
  /** Storage vMotion: disks moving between the hosts' datastores */
  readonly storage: StorageMigrations;
  /** Storage DRS over the datastore cluster; null without a `datastore_cluster:` */
  readonly sdrs: StorageDrs | null;
  /** replication between the two sites and the recovery plan; null when no host names a site */
  readonly sites: SiteRecovery | null;
  readonly ha: HaService;
  readonly ft: FtService;
  readonly lifecycle: Lifecycle;
  readonly services: Services;
  private nextServiceMs = DRS_PERIOD_MS;
  /** FT logging through each host's NIC, Mbit/s (migrations account for their own) */
  private ftTx = new HostRates(new Map());
  private ftRx = new HostRates(new Map());
  private started = false;

  constructor(profile: Profile, hosts: HostRuntime[], rng: Rng, emit: Emit,
    reindex: (h: HostRuntime) => void, hasContainers: (vm: string) => boolean) {
    const specs = new Map<string, VmSpec>(profile.vms.map((v) => [v.name, v]));
    this.ctx = new ClusterContext(profile, hosts, profile.cluster ?? { ...DEFAULT_CLUSTER }, !!profile.cluster, specs, emit, reindex, hasContainers);
    this.migrations = new Migrations(this.ctx);
    this.storage = new StorageMigrations(this.ctx);
    this.sdrs = profile.datastoreCluster ? new StorageDrs(this.ctx, this.storage, profile.datastoreCluster) : null;
    this.ha = new HaService(this.ctx);
    this.ft = new FtService(this.ctx, rng);
    this.services = new Services(this.ctx, this.migrations);
    this.lifecycle = new Lifecycle(this.ctx, rng, {
      started: (t, g) => { this.ha.forget(g); this.ft.moved(t, g); this.updateNet(); },
      stopped: (_t, g) => { this.ha.forget(g); this.ft.stopped(g); this.updateNet(); },
      migrating: (vm) => !!this.migrations.of(vm),
      load: (h) => this.services.load(h),
    });
    this.sites = SiteRecovery.of(this.ctx, profile.siteRecovery, {
      fail: (t, h, site) => this.fail(t, h.spec.name, site),
      started: (t, g) => { this.ha.forget(g); this.ft.moved(t, g); this.updateNet(); },
      boot: (t, g) => this.lifecycle.boot(t, g),
    });
    const sites = this.sites;
    if (sites) this.ha.elsewhere = (g) => sites.heldBy(g);
    // before the first sample: a VM whose reservation and overhead do not fit never shows as running
    admitAtStart(this.ctx, 0);
  }

  apply(tMs: number, c: CommandFor<'cluster'>): void {
    this.begin(tMs);
    switch (c.action) {
      case 'migrate': this.migrations.start(tMs, c.target, c.to); break;
      case 'relocate': this.storage.start(tMs, c.target, c.to); break;
      case 'fail': this.fail(tMs, c.target); break;
      case 'recover': this.recover(tMs, c.target); break;
      case 'fail_site':
        if (this.sites) this.sites.failSite(tMs, c.target);
        else this.ctx.emit(tMs, 'refused', c.target, 'fail_site: no host names a site (site: on the hosts)');
        break;
      default: this.lifecycle.apply(tMs, c);
    }
    this.updateNet();
  }

  /** First call: FT secondaries are made at start. */
  private begin(tMs: number): void {
    if (this.started) return;
    this.started = true;
    this.ft.start(tMs);
    this.updateNet();
  }

  /** Every quantum, before the hosts run it. Cheap when nothing is going on. */
  step(tMs: number, dtMs: number): void {
    if (!this.started) this.begin(tMs);
    if (this.migrations.active.length > 0) {
      const n = this.migrations.active.length;
      this.migrations.step(tMs, dtMs);
      if (this.migrations.active.length !== n) this.afterMigrations(tMs);
    }
    if (this.storage.active.length > 0) this.storage.step(tMs, dtMs);
    if (this.sdrs) this.sdrs.step(tMs);
    if (this.sites) this.sites.step(tMs);
    if (this.ftTx.hosts.length > 0) {
      const s = dtMs / 1000;
      const { ftTx: tx, ftRx: rx } = this;
      for (let i = 0; i < tx.hosts.length; i++) tx.hosts[i].net.txTotal += tx.mbit[i] * s;
      for (let i = 0; i < rx.hosts.length; i++) rx.hosts[i].net.rxTotal += rx.mbit[i] * s;
    }
    if (this.ha.busy) this.ha.step(tMs);
    if (this.lifecycle.busy) this.lifecycle.step(tMs);
    if (tMs >= this.nextServiceMs) {
      this.nextServiceMs += DRS_PERIOD_MS;
      if (this.ctx.enabled) this.services.run(tMs);
      else this.services.measure(tMs);
      this.updateNet();
    }
  }

  private afterMigrations(tMs: number): void {
    for (const { group } of this.ctx.vms()) if (group.spec?.ft) this.ft.moved(tMs, group);
    this.services.settle(tMs);
    this.updateNet();
  }

  /** `site`: the host goes down with its whole site, so HA (which stays within a site) has nowhere to restart */
  private fail(tMs: number, name: string, site?: string): void {
    const host = this.ctx.host(name);
    if (!host) return this.ctx.emit(tMs, 'refused', name, `fail: no host named "${name}"`);
    if (host.state !== 'up') return this.ctx.emit(tMs, 'refused', name, `fail: ${name} is ${host.state === 'failed' ? 'already failed' : 'in standby'}`);
    for (const m of [...this.migrations.active]) {
      if (m.from === host || m.to === host) this.migrations.cancel(tMs, m, `${name} failed during the migration`);
    }
    host.state = 'failed';
    host.memory.clusterMiB = 0;
    if (this.ctx.draining === host) this.ctx.draining = null;
    this.ctx.emit(tMs, 'host-failed', name, site !== undefined
      ? `down with site ${site}: HA has no host of ${site} left to restart on`
      : this.ha.on
        ? `no heartbeat; HA declares it failed after ${this.ctx.spec.haDetectionMs / 1000} s and restarts its VMs`
        : 'host failed; its VMs are down (no HA)');
    this.ft.hostFailed(tMs, host);
    this.ha.hostFailed(tMs, host);
    host.memory.refresh();
    this.updateNet();
  }

  private recover(tMs: number, name: string): void {
    const host = this.ctx.host(name);
    if (!host) return this.ctx.emit(tMs, 'refused', name, `recover: no host named "${name}"`);
    if (host.state === 'up') return this.ctx.emit(tMs, 'refused', name, `recover: ${name} is up`);
    const was = host.state;
    host.state = 'up';
    host.io.resumeAt(tMs);
    host.memory.clusterMiB = 0;
    host.memory.refresh();
    const emptied = this.ha.on && host.spec.site === undefined ? 'HA restarted its VMs elsewhere' : 'its VMs run elsewhere or stay down';
    this.ctx.emit(tMs, 'host-recovered', name, was === 'standby' ? 'powered on from standby' : `back up, empty: ${emptied}`);
    this.ha.retrySoon(tMs);
    this.ft.retry(tMs);
  }

  /** The cluster's traffic on each NIC: the VMs' own traffic gets what is left of the link. */
  private updateNet(): void {
    const tx = new Map<HostRuntime, number>();
    const rx = new Map<HostRuntime, number>();
    this.ft.traffic(tx, rx);
    this.ftTx = new HostRates(tx);
    this.ftRx = new HostRates(rx);
    this.migrations.traffic(tx, rx);
    for (const h of this.ctx.hosts) {
      h.net.txMbit = tx.get(h) ?? 0;
      h.net.rxMbit = rx.get(h) ?? 0;
      h.io.clusterTx = Math.min(h.spec.nicMbit, h.net.txMbit);
      h.io.clusterRx = Math.min(h.spec.nicMbit, h.net.rxMbit);
    }
  }

  /** Hosts the VM could migrate to, each with why not (the host picker). */
  /** Every host with whether a VM from the template could be deployed there now, and why not. */
  deployTargets(template: string): HostChoice[] {
    return this.lifecycle.deployTargets(template);
  }

  targets(vm: string): HostChoice[] {
    return migrationTargets(this.ctx, vm);
  }

  /** Hosts whose datastore the VM's disk could move to, each with why not (the storage picker). */
  relocationTargets(vm: string): HostChoice[] {
    const place = this.ctx.find(vm);
    return this.ctx.hosts.map((h) => {
      const reason = place ? this.storage.block(place, h) : `no VM named "${vm}"`;
      return { host: h.spec.name, eligible: reason === null, reason };
    });
  }

  /** Mark the VM rows whose disk is elsewhere than their host, or moving; and their replicas. */
  annotateStorage(vms: VmSample[], tMs: number): void {
    this.sites?.annotate(vms, tMs);
    if (this.storage.active.length === 0 && !this.storage.pinned) return;
    for (const { host, group } of this.ctx.vms()) {
      const ds = group.datastore;
      const r = this.storage.of(group.name);
      if ((!ds || ds === host) && !r) continue;
      const row = vms.find((v) => v.name === group.name && v.kind === 'vm');
      if (!row) continue;
      if (ds && ds !== host) row.datastore = ds.spec.name;
      if (r) row.relocation = { to: r.to.spec.name, progress: r.copiedMiB / r.sizeMiB };
    }
  }

  /** The cluster view, from this sample's hosts and VMs. */
  sample(hosts: readonly HostSample[], vms: readonly VmSample[], tMs: number): ClusterSample {
    const ctx = this.ctx;
    // one pass over the VMs (a sample of a large lab has thousands)
    const rows: ClusterHost[] = hosts.map((h) => ({
      name: h.name, state: h.state, cpuLoad: 0,
      memUsed: h.MEM_TOTAL > 0 ? (h.MEM_TOTAL - h.MEM_FREE) / h.MEM_TOTAL : 0, memLoad: 0,
      runningVms: 0, vms: [], draining: ctx.draining?.spec.name === h.name,
    }));
    const byName = new Map(rows.map((r, i) => [r.name, { row: r, pcpus: hosts[i].pcpus, mem: Math.max(1, hosts[i].MEM_TOTAL - hosts[i].reserved) }]));
    for (const v of vms) {
      if (v.kind !== 'vm') continue;
      const x = byName.get(v.host);
      if (!x) continue;
      x.row.cpuLoad += v['%DMD'] / 100 / x.pcpus;
      if (v.state === 'running' || v.state === 'migrating') x.row.memLoad += memDemandMiB(v.ACTV, v.CNSM, v.OVHD) / x.mem;
      x.row.vms.push(v.name);
      if (v.state === 'running' || v.state === 'migrating') x.row.runningVms++;
    }
    // an FT secondary is a VM world on its host for DRS: its CPU and the memory it mirrors
    for (const f of this.ft.info()) {
      const sec = f.secondary === null ? undefined : vms.find((v) => v.name === secondaryName(f.vm));
      const primary = vms.find((v) => v.name === f.vm && v.kind === 'vm');
      const x = sec && byName.get(sec.host);
      if (!sec || !primary || !x) continue;
      x.row.cpuLoad += sec['%DMD'] / 100 / x.pcpus;
      x.row.memLoad += memDemandMiB(primary.ACTV, primary.CNSM, primary.OVHD) / x.mem;
    }
    const up = rows.filter((r) => r.state === 'up');
    const cpuLim = imbalance(up.map((r) => r.cpuLoad));
    const memLim = imbalance(up.map((r) => r.memLoad));
    const lim = combinedImbalance(cpuLim, memLim);
    const runningVms = up.reduce((a, r) => a + r.runningVms, 0);
    const upHosts = ctx.hosts.filter((h) => h.state === 'up');
    const { claims } = runningClaims(ctx);
    const caps = upHosts.map(capacityOf);
    return {
      enabled: ctx.enabled, drs: ctx.spec.drs, drsThreshold: ctx.spec.drsThreshold, ha: ctx.enabled && ctx.spec.ha,
      admission: ctx.spec.admission, dpm: ctx.spec.dpm, vmotionShare: ctx.spec.vmotionShare,
      hosts: rows, imbalance: lim, cpuImbalance: cpuLim, memImbalance: memLim, targetImbalance: targetImbalance(ctx.spec.drsThreshold, up.length),
      priority: drsPriority(lim, up.length),
      recommendations: this.services.current(),
      migrations: this.migrations.info(), relocations: this.storage.info(), ft: this.ft.info(), down: this.ha.down(),
      ...(this.sdrs ? { storageDrs: this.sdrs.info() } : {}),
      ...(this.sites ? { siteRecovery: this.sites.info(tMs) } : {}),
      consolidation: up.length > 0 ? runningVms / up.length : 0, runningVms, hostsOn: up.length,
      failoverCapacity: failoverCapacity(caps, claims), failoverPercent: failoverPercent(caps, claims),
    };
  }
}
