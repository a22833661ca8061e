// Site Recovery (docs/model/cluster.md): two sites, each host at one (`site:`); a VM with an
// `rpo:` is replicated to the other site (replication.ts); `fail_site` takes every host of a site
// down, and the recovery plan powers the protected VMs that ran there on at the other site —
// after the plan's start delay, priority group by priority group (1 first, SRM's groups 1..5),
// each group once the previous one's guests have booted (SRM waits for their VMware Tools
// heartbeat) and the plan's power-on delay has passed. A recovered VM starts from its replica: it
// has lost what was written since its last replication point, which its events and details say.
// Unprotected VMs stay down with their site (HA restarts within a site, never across).

import type { SiteRecoverySpec } from '../../profile/types.js';
import { DEFAULT_SITE_RECOVERY } from '../../profile/site-recovery.js';
import { IO_SIZE_KIB, READ_FRACTION } from '../io/constants.js';
import type { GroupRuntime, HostRuntime } from '../runtime.js';
import type { VmSample } from '../snapshot.js';
import type { ClusterContext } from './context.js';
import { placeVm } from './placement.js';
import { REPLICATION_STEP_MS, span, syncDue } from './replication.js';
import { DEFAULT_DISK_MIB } from './storage-migration.js';

const MIB_PER_WRITE = IO_SIZE_KIB / 1024;
const MBIT_PER_MIB = 8.388608;

interface Replica {
  vm: GroupRuntime;
  rpoMs: number;
  priority: number;
  /** the site it runs at and the one its replica is at */
  site: string;
  to: string;
  /** start of the newest instance at the other site: where a recovery starts from */
  pointMs: number;
  /** written since the current (or last) sync started, MiB */
  changedMiB: number;
  /** the sync on the wire: when it started (null: none), MiB left */
  syncStartMs: number | null;
  leftMiB: number;
  syncMiB: number;
  lastSyncMs: number;
  /** the VM's disk commands at the last step (its host's cumulative counter) */
  lastCmds: number;
  violated: boolean;
  /** recovered at the other site: no longer replicated (reprotection is not modelled) */
  done: boolean;
}

export type RecoveryState = 'waiting' | 'booting' | 'running' | 'failed';

interface PlanVm {
  replica: Replica;
  /** the data lost: from its last replication point to the failure, ms */
  lossMs: number;
  state: RecoveryState;
  host: string | null;
  bootEndMs: number;
  reason: string | null;
}

interface Plan {
  site: string;
  to: string;
  failedMs: number;
  /** the priority groups with VMs, in order, and the next to power on */
  groups: number[];
  next: number;
  /** when the next group may start (the plan's delays) */
  nextMs: number;
  /** the running group's guests are up by then */
  groupEndMs: number;
  vms: PlanVm[];
  unprotected: number;
  doneMs: number | null;
}

export interface SiteInfo {
  name: string;
  hosts: string[];
  hostsUp: number;
  /** VMs replicated from it, and the age of the oldest replica, s */
  protected: number;
  oldestS: number;
  /** replicas past their RPO */
  violations: number;
}

export interface PlanInfo {
  site: string;
  to: string;
  failedS: number;
  /** the group powering on now (null: before the first, or done) and the groups in order */
  group: number | null;
  groups: number[];
  /** when the first group starts, s */
  startS: number;
  doneS: number | null;
  vms: { vm: string; priority: number; state: RecoveryState; lossS: number; host: string | null; reason: string | null }[];
  unprotected: number;
}

export interface SiteRecoveryInfo {
  sites: SiteInfo[];
  plan: PlanInfo | null;
}

export interface SiteHooks {
  /** the cluster fails a host (HA, FT, migrations follow) */
  /** fails one host of a failing site: `site` names it, for the host's event */
  fail(tMs: number, host: HostRuntime, site: string): void;
  /** a VM started on a host: HA forgets it, FT and the network follow */
  started(tMs: number, group: GroupRuntime): void;
  /** its guest boots; returns when it is up */
  boot(tMs: number, group: GroupRuntime): number;
}

export class SiteRecovery {
  readonly sites: string[];
  readonly spec: SiteRecoverySpec;
  private readonly replicas: Replica[] = [];
  private plan: Plan | null = null;
  private nextStepMs = REPLICATION_STEP_MS;

  /** null when no host names a site */
  static of(ctx: ClusterContext, spec: SiteRecoverySpec | undefined, hooks: SiteHooks): SiteRecovery | null {
    const sites = [...new Set(ctx.hosts.flatMap((h) => (h.spec.site ? [h.spec.site] : [])))];
    return sites.length > 0 ? new SiteRecovery(ctx, sites, spec ?? { ...DEFAULT_SITE_RECOVERY }, hooks) : null;
  }

  private constructor(private readonly ctx: ClusterContext, sites: string[], spec: SiteRecoverySpec, private readonly hooks: SiteHooks) {
    this.sites = sites;
    this.spec = spec;
    for (const { host, group } of ctx.vms()) {
      const rpoMs = group.spec?.rpoMs;
      const site = host.spec.site;
      const to = sites.find((s) => s !== site);
      if (rpoMs === undefined || site === undefined || to === undefined) continue;
      // [assumption] the lab starts with every replica in sync: its first point is at 0 s
      this.replicas.push({
        vm: group, rpoMs, priority: group.spec?.recoveryPriority ?? 3, site, to, pointMs: 0, changedMiB: 0,
        syncStartMs: null, leftMiB: 0, syncMiB: 0, lastSyncMs: 0, lastCmds: 0, violated: false, done: false,
      });
    }
  }

  private hostsOf(site: string): HostRuntime[] {
    return this.ctx.hosts.filter((h) => h.spec.site === site);
  }

  private siteUp(site: string): boolean {
    return this.hostsOf(site).some((h) => h.state === 'up');
  }

  /** Every quantum: the schedule and the plan step once a second. */
  step(tMs: number): void {
    if (tMs < this.nextStepMs) return;
    this.nextStepMs += REPLICATION_STEP_MS;
    this.replicate(tMs, REPLICATION_STEP_MS);
    if (this.plan && this.plan.doneMs === null) this.runPlan(tMs);
  }

  /** The link's MiB/s one way. */
  private get linkMiBs(): number {
    return this.spec.linkMbit / MBIT_PER_MIB;
  }

  private replicate(tMs: number, dtMs: number): void {
    const live: Replica[] = [];
    for (const r of this.replicas) {
      if (r.done) continue;
      const place = this.ctx.find(r.vm.name);
      const running = !!place && place.host.state === 'up' && (r.vm.state === 'running' || r.vm.state === 'migrating');
      if (place) {
        const g = place.host.groups.indexOf(r.vm);
        const cmds = place.host.io.counters.cmds[g] ?? 0;
        const written = Math.max(0, cmds - r.lastCmds) * (1 - READ_FRACTION) * MIB_PER_WRITE;
        r.lastCmds = cmds;
        // changed blocks: a block written twice is sent once, and never more than the disk
        r.changedMiB = Math.min(r.vm.spec?.diskSizeMiB ?? DEFAULT_DISK_MIB, r.changedMiB + written);
      }
      // a sync needs the VM's host (it sends the changes) and the other site (it receives them)
      if (running && this.siteUp(r.to)) live.push(r);
      else if (r.syncStartMs !== null) {
        // the instance on the wire is lost; its changes go with the next one
        r.changedMiB += r.leftMiB;
        r.syncStartMs = null;
      }
    }
    // each direction of the link is shared by the syncs on it
    for (const site of this.sites) {
      const mine = live.filter((r) => r.site === site);
      const syncing = mine.filter((r) => r.syncStartMs !== null).length;
      const rate = syncing > 0 ? this.linkMiBs / syncing : 0;
      for (const r of mine) {
        if (r.syncStartMs === null) continue;
        r.leftMiB -= rate * (dtMs / 1000);
        if (r.leftMiB > 1e-9) continue;
        r.pointMs = r.syncStartMs;
        r.lastSyncMs = tMs - r.syncStartMs;
        r.syncStartMs = null;
      }
      // [assumption] a sync is planned at the share it would get were every replica of its site
      // with changes to send syncing at once, so that syncs that start together finish in time
      const sending = mine.filter((r) => r.syncStartMs !== null || r.changedMiB > 0).length;
      const share = this.linkMiBs / Math.max(1, sending);
      for (const r of mine) {
        if (r.syncStartMs !== null || !syncDue(tMs, r.pointMs, r.rpoMs, r.changedMiB, share, r.lastSyncMs)) continue;
        r.syncStartMs = tMs;
        r.syncMiB = r.leftMiB = r.changedMiB;
        r.changedMiB = 0;
      }
    }
    const planned = new Set(this.plan?.vms.map((v) => v.replica) ?? []);
    for (const r of this.replicas) {
      // a VM in the recovery plan is past replicating: what it lost is the plan's to say
      if (r.done || planned.has(r)) continue;
      const late = tMs - r.pointMs > r.rpoMs;
      if (late && !r.violated) {
        const others = live.filter((x) => x !== r && x.site === r.site && x.syncStartMs !== null).length;
        const why = !this.siteUp(r.to) ? `${r.to} is down`
          : r.vm.state !== 'running' && r.vm.state !== 'migrating' ? `${r.vm.name} is ${r.vm.state}`
          : `its sync did not finish in time: ${Math.round(r.syncMiB)} MiB changed${others ? `, the link shared with ${others} other sync${others === 1 ? '' : 's'}` : ''}`;
        this.ctx.emit(tMs, 'rpo-violated', r.vm.name, `its replica at ${r.to} is ${span(tMs - r.pointMs)} old, past its RPO of ${span(r.rpoMs)} (${why})`);
      }
      r.violated = late;
    }
  }

  /** Site Recovery holds this VM for its recovery plan: what HA says instead of restarting it. */
  heldBy(group: GroupRuntime): string | null {
    const v = this.plan?.vms.find((x) => x.replica.vm === group && x.state === 'waiting');
    if (!v || !this.plan) return null;
    return `Site Recovery powers it on at ${this.plan.to} (priority ${v.replica.priority}); it will have lost ${span(v.lossMs)} of data`;
  }

  /** `fail_site`: every host of the site goes down; the recovery plan takes the protected VMs to the other site. */
  failSite(tMs: number, site: string): void {
    const refuse = (why: string) => this.ctx.emit(tMs, 'refused', site, `fail_site: ${why}`);
    if (!this.sites.includes(site)) return refuse(`no site named "${site}" (sites: ${this.sites.join(', ')})`);
    const hosts = this.hostsOf(site).filter((h) => h.state !== 'failed');
    if (hosts.length === 0) return refuse(`every host of ${site} is already down`);
    if (this.plan && this.plan.doneMs === null) return refuse(`the recovery plan of ${this.plan.site} is still running`);
    const to = this.sites.find((s) => s !== site);
    const onSite = (g: GroupRuntime) => { const p = this.ctx.find(g.name); return !!p && p.host.spec.site === site; };
    const up = (g: GroupRuntime) => g.state === 'running' || g.state === 'migrating';
    const protectedVms = this.replicas.filter((r) => !r.done && onSite(r.vm) && up(r.vm));
    let unprotected = 0;
    for (const { host, group } of this.ctx.vms()) if (host.spec.site === site && up(group) && !protectedVms.some((r) => r.vm === group)) unprotected++;
    const vms: PlanVm[] = protectedVms
      .map((replica) => ({ replica, lossMs: tMs - replica.pointMs, state: 'waiting' as RecoveryState, host: null, bootEndMs: 0, reason: null }))
      .sort((a, b) => a.replica.priority - b.replica.priority || a.replica.vm.name.localeCompare(b.replica.vm.name));
    const groups = [...new Set(vms.map((v) => v.replica.priority))];
    const startMs = tMs + this.spec.startDelayMs;
    this.plan = to === undefined || vms.length === 0 ? null : {
      site, to, failedMs: tMs, groups, next: 0, nextMs: startMs, groupEndMs: startMs, vms, unprotected, doneMs: null,
    };
    const names = hosts.map((h) => h.spec.name).join(', ');
    this.ctx.emit(tMs, 'site-failed', site, `site ${site} is down: ${names} failed at once; ` +
      `${vms.length} protected VM${vms.length === 1 ? '' : 's'} to recover at ${to ?? 'no other site'}, ${unprotected} unprotected stay${unprotected === 1 ? 's' : ''} down`);
    for (const h of hosts) this.hooks.fail(tMs, h, site);
    if (!this.plan) return;
    this.ctx.emit(tMs, 'srm-plan', site, `recovery plan ${site} → ${to}: priority group${groups.length === 1 ? '' : 's'} ${groups.join(', ')}; ` +
      `the first powers on at ${startMs / 1000} s (after ${span(this.spec.startDelayMs)}: replicas made the recovery disks, VMs registered), ` +
      `each next one when the previous group's guests are up${this.spec.powerOnDelayMs > 0 ? ` and ${span(this.spec.powerOnDelayMs)} more` : ''}`);
  }

  private runPlan(tMs: number): void {
    const plan = this.plan!;
    for (const v of plan.vms) if (v.state === 'booting' && v.bootEndMs <= tMs) v.state = 'running';
    if (tMs < plan.nextMs || tMs < plan.groupEndMs) return;
    if (plan.next >= plan.groups.length) {
      plan.doneMs = tMs;
      const ok = plan.vms.filter((v) => v.state === 'running');
      const losses = ok.map((v) => v.lossMs);
      const lost = losses.length ? `; data lost ${span(Math.min(...losses))} .. ${span(Math.max(...losses))}` : '';
      this.ctx.emit(tMs, 'srm-done', plan.site, `recovery plan ${plan.site} → ${plan.to} done ${span(tMs - plan.failedMs)} after the failure: ` +
        `${ok.length} of ${plan.vms.length} protected VMs running at ${plan.to}${lost}`);
      return;
    }
    const priority = plan.groups[plan.next++];
    const group = plan.vms.filter((v) => v.replica.priority === priority);
    this.ctx.emit(tMs, 'srm-group', plan.site, `priority ${priority}: powering on ${group.map((v) => v.replica.vm.name).join(', ')} at ${plan.to}`);
    let end = tMs;
    for (const v of group) end = Math.max(end, this.recover(tMs, plan, v));
    plan.groupEndMs = end;
    plan.nextMs = end + this.spec.powerOnDelayMs;
  }

  /** Power one protected VM on at the recovery site from its replica; when its guest is up. */
  private recover(tMs: number, plan: Plan, v: PlanVm): number {
    const g = v.replica.vm;
    const place = this.ctx.find(g.name);
    if (!place) {
      v.state = 'failed';
      v.reason = 'it is no longer in the lab';
      return tMs;
    }
    const { host, reason } = placeVm(this.ctx, g, place.host.spec.hypervisor, place.host, plan.to);
    if (!host) {
      v.state = 'failed';
      v.reason = reason;
      this.ctx.emit(tMs, 'srm-failed', g.name, `not recovered at ${plan.to}: ${reason}`);
      return tMs;
    }
    if (host !== place.host) this.ctx.move(g, place.host, host);
    // its disk is now the replica, on the recovery host's datastore
    g.datastore = undefined;
    v.replica.done = true;
    this.ctx.power({ host, group: g }, 'running');
    this.hooks.started(tMs, g);
    v.bootEndMs = this.hooks.boot(tMs, g);
    v.state = 'booting';
    v.host = host.spec.name;
    const r = v.replica;
    this.ctx.emit(tMs, 'srm-recovered', g.name, `powered on at ${host.spec.name} (priority ${r.priority}): ${span(v.lossMs)} of data lost ` +
      `(RPO ${span(r.rpoMs)} ${v.lossMs <= r.rpoMs ? 'met' : 'missed'}), from its replication point of ${r.pointMs / 1000} s`);
    return v.bootEndMs;
  }

  /** Each protected VM's replica, and each VM of the plan, on its sample row (the hosts view, details). */
  annotate(vms: VmSample[], tMs: number): void {
    const row = (name: string) => vms.find((x) => x.kind === 'vm' && x.name === name);
    for (const r of this.replicas) {
      const x = row(r.vm.name);
      if (!x || r.done) continue;
      x.replica = {
        site: r.to, rpoS: r.rpoMs / 1000, ageS: Math.max(0, tMs - r.pointMs) / 1000,
        syncing: r.syncStartMs === null ? null : 1 - r.leftMiB / Math.max(1e-9, r.syncMiB),
      };
    }
    const plan = this.plan;
    if (!plan) return;
    for (const v of plan.vms) {
      const x = row(v.replica.vm.name);
      if (x) x.recovery = { from: plan.site, to: plan.to, priority: v.replica.priority, state: v.state, lossS: v.lossMs / 1000, reason: v.reason };
    }
  }

  info(tMs: number): SiteRecoveryInfo {
    const sites = this.sites.map((name): SiteInfo => {
      const hosts = this.hostsOf(name);
      const mine = this.replicas.filter((r) => !r.done && r.site === name);
      return {
        name, hosts: hosts.map((h) => h.spec.name), hostsUp: hosts.filter((h) => h.state === 'up').length, protected: mine.length,
        oldestS: mine.reduce((a, r) => Math.max(a, tMs - r.pointMs), 0) / 1000, violations: mine.filter((r) => r.violated).length,
      };
    });
    const p = this.plan;
    const plan: PlanInfo | null = p && {
      site: p.site, to: p.to, failedS: p.failedMs / 1000, groups: p.groups,
      group: p.next > 0 && p.doneMs === null ? p.groups[p.next - 1] : null,
      startS: (p.failedMs + this.spec.startDelayMs) / 1000, doneS: p.doneMs === null ? null : p.doneMs / 1000,
      vms: p.vms.map((v) => ({ vm: v.replica.vm.name, priority: v.replica.priority, state: v.state, lossS: v.lossMs / 1000, host: v.host, reason: v.reason })),
      unprotected: p.unprotected,
    };
    return { sites, plan };
  }
}
