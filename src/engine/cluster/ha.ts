// vSphere HA (docs/model/cluster.md, "HA"): when a host fails its VMs go down; after the failure is
// detected (no heartbeat for the detection delay) they restart on the surviving hosts, in
// restart-priority order (high, medium, low; `disabled` stays down), each on the host with the most
// unreserved capacity that can take it. A VM no host can take stays down with the reason and is
// retried when capacity returns. So does a VM whose disk Storage vMotion put on the datastore of a
// host that is down (its files are inaccessible: vSphere HA cannot power it on): it restarts, in
// priority order, once that host recovers.
//
// Admission control and restarts: a restart needs a host with room under the cluster's policy
// (slots: a free slot; percent: unreserved CPU and memory for its reservations; see placement.ts),
// but is not refused for eating into the failover capacity the policy keeps — that capacity is kept
// for exactly these restarts, and vSphere HA restarts best-effort on what is left rather than
// applying power-on admission control to them. Under the percentage policy the restart's event says
// when the cluster is left below its reserve (power-ons are then refused until capacity returns).

import type { RestartPriority } from '../../profile/types.js';
import type { GroupRuntime, HostRuntime } from '../runtime.js';
import type { ClusterContext } from './context.js';
import { failoverPercent } from './admission.js';
import { capacityOf, placeVm, runningClaims, startBlock } from './placement.js';
import { diskUnreachable } from './storage-migration.js';
import { EPS } from '../../eps.js';

/** Restarts of one priority begin this long after the previous priority's [assumption]. */
export const PRIORITY_STAGGER_MS = 2000;
/** A VM that could not be placed is tried again this often [assumption]. */
export const RETRY_MS = 10_000;

const ORDER: Record<RestartPriority, number> = { high: 0, medium: 1, low: 2, disabled: 3 };

/** Time from the failure to a VM's restart: detection, then its priority's turn. */
export function restartDelayMs(detectionMs: number, priority: RestartPriority): number {
  return detectionMs + ORDER[priority] * PRIORITY_STAGGER_MS;
}

interface Pending {
  vm: GroupRuntime;
  /** the failed host it is registered on until it restarts */
  host: HostRuntime;
  priority: RestartPriority;
  dueMs: number;
  /** why it could not be placed the last time it was tried */
  reason: string | null;
}

export interface DownVm {
  vm: string;
  host: string;
  /** when HA will (re)try, simulated s; null: it will not (disabled, no HA) */
  restartAt: number | null;
  reason: string | null;
}

export class HaService {
  private readonly pending: Pending[] = [];
  /** VMs left down for good (restart priority disabled, HA off), with why */
  private readonly left = new Map<GroupRuntime, string>();

  /**
   * Who restarts the VM instead of HA, if anyone: Site Recovery, for a protected VM whose whole
   * site failed (the cluster sets it); null: HA does.
   */
  elsewhere: (group: GroupRuntime) => string | null = () => null;

  constructor(private readonly ctx: ClusterContext) {}

  get busy(): boolean {
    return this.pending.length > 0;
  }

  get on(): boolean {
    return this.ctx.enabled && this.ctx.spec.ha;
  }

  /** The host failed: its VMs are down; HA queues their restarts. */
  hostFailed(tMs: number, host: HostRuntime): void {
    for (const group of [...host.groups]) {
      if (group.kind !== 'vm' || (group.state !== 'running' && group.state !== 'migrating')) continue;
      this.ctx.power({ host, group }, 'down');
      const other = this.elsewhere(group);
      if (other !== null) {
        this.ctx.emit(tMs, 'vm-down', group.name, `down with ${host.spec.name}; ${other}`);
        continue;
      }
      const priority = group.spec?.restartPriority ?? 'medium';
      if (!this.on || priority === 'disabled') {
        const why = this.on ? 'restart priority disabled' : 'HA is off';
        this.left.set(group, why);
        this.ctx.emit(tMs, 'vm-down', group.name, `down with ${host.spec.name}; ${why}: stays down`);
        continue;
      }
      const dueMs = tMs + restartDelayMs(this.ctx.spec.haDetectionMs, priority);
      this.pending.push({ vm: group, host, priority, dueMs, reason: null });
      this.ctx.emit(tMs, 'vm-down', group.name, `down with ${host.spec.name}; HA restarts it (priority ${priority}) after ${(dueMs - tMs) / 1000} s`);
    }
  }

  /** A VM left HA's hands (powered on or off by a command, restarted elsewhere). */
  forget(group: GroupRuntime): void {
    const i = this.pending.findIndex((p) => p.vm === group);
    if (i >= 0) this.pending.splice(i, 1);
    this.left.delete(group);
  }

  /** Capacity came back (a host recovered or left standby): retry the unplaced now. */
  retrySoon(tMs: number): void {
    for (const p of this.pending) if (p.reason !== null) p.dueMs = Math.min(p.dueMs, tMs);
  }

  step(tMs: number): void {
    if (this.pending.length === 0) return;
    const due = this.pending.filter((p) => p.dueMs <= tMs).sort((a, b) => ORDER[a.priority] - ORDER[b.priority] || a.dueMs - b.dueMs);
    for (const p of due) {
      if (this.ctx.hasContainers(p.vm.name)) {
        this.giveUp(tMs, p, 'its guest runs containers, which cannot restart elsewhere');
        continue;
      }
      // a relocated disk on a down host's datastore: no host can start it until that host is back;
      // a static DirectPath device exists on its own host only: it restarts there once it is back
      const disk = diskUnreachable(p.vm) ?? deviceUnreachable(p);
      const { host, reason } = disk !== null ? { host: null, reason: disk }
        : p.vm.passthrough ? onOwnHost(this.ctx, p)
          : placeVm(this.ctx, p.vm, p.host.spec.hypervisor, p.host.state === 'up' ? undefined : p.host, p.host.spec.site);
      if (!host) {
        if (p.reason !== reason) this.ctx.emit(tMs, 'ha-unplaced', p.vm.name, `stays down: ${reason}`);
        p.reason = reason;
        p.dueMs = tMs + RETRY_MS;
        continue;
      }
      this.pending.splice(this.pending.indexOf(p), 1);
      if (host !== p.host) this.ctx.move(p.vm, p.host, host);
      this.ctx.power({ host, group: p.vm }, 'running');
      this.ctx.emit(tMs, 'vm-restarted', p.vm.name, `restarted by HA on ${host.spec.name} (priority ${p.priority})${this.belowReserve()}`);
    }
  }

  /** Under the percentage policy, when the cluster is left below its reserve: saying so. */
  private belowReserve(): string {
    const s = this.ctx.spec;
    if (s.admission !== 'percent') return '';
    const { claims } = runningClaims(this.ctx);
    const p = failoverPercent(this.ctx.hosts.filter((h) => h.state === 'up').map(capacityOf), claims);
    if (Math.min(p.cpu, p.mem) >= s.failoverReserve - EPS) return '';
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    return `; the cluster keeps ${pct(p.cpu)} of CPU and ${pct(p.mem)} of memory unreserved, below the ${(s.failoverReserve * 100).toFixed(0)}% ` +
      'reserve (a restart may use it; power-ons are refused until capacity returns)';
  }

  private giveUp(tMs: number, p: Pending, why: string): void {
    this.pending.splice(this.pending.indexOf(p), 1);
    this.left.set(p.vm, why);
    this.ctx.emit(tMs, 'ha-unplaced', p.vm.name, `stays down: ${why}`);
  }

  down(): DownVm[] {
    const out: DownVm[] = this.pending.map((p) => ({ vm: p.vm.name, host: p.host.spec.name, restartAt: p.dueMs / 1000, reason: p.reason }));
    for (const [g, why] of this.left) {
      if (g.state !== 'down') continue;
      const place = this.ctx.find(g.name);
      out.push({ vm: g.name, host: place?.host.spec.name ?? '', restartAt: null, reason: why });
    }
    return out;
  }
}

/** A passthrough VM's device is in the host it failed with: no other host can power it on. */
function deviceUnreachable(p: { vm: GroupRuntime; host: HostRuntime }): string | null {
  if (!p.vm.passthrough || p.host.state === 'up') return null;
  return `its passthrough (DirectPath I/O) device is in ${p.host.spec.name}, which is down: no other host has it`;
}

/** A passthrough VM restarts on the host that has its device, or not at all. */
function onOwnHost(ctx: ClusterContext, p: { vm: GroupRuntime; host: HostRuntime }): { host: HostRuntime | null; reason: string } {
  const why = startBlock(ctx, p.vm, p.host, p.host.spec.hypervisor);
  return why ? { host: null, reason: why } : { host: p.host, reason: '' };
}
