// Fault tolerance (docs/model/cluster.md): an FT VM has a secondary on another host. Legacy FT
// (record/replay) logs the primary's non-deterministic inputs (disk reads, network input, timer
// events) and the secondary executes the same instruction stream; SMP-FT (vSphere 6+) sends
// checkpoints of the memory the primary dirtied and the secondary only receives them. Either costs
// NIC bandwidth on both hosts, the secondary's memory, and CPU on the secondary's host (the
// secondary is a group there, `NAME (secondary)`). When the primary's host fails the secondary
// goes live with no downtime, and a new secondary is made where there is room.

import type { FtKind, WorkloadSpec } from '../../profile/types.js';
import { samePlatform } from '../../profile/hypervisors.js';
import { GUEST_HOUSEKEEPING, WorkloadState } from '../cpu/workload.js';
import { IO_SIZE_KIB, READ_FRACTION } from '../io/constants.js';
import type { Rng } from '../rng.js';
import type { GroupRuntime, HostRuntime } from '../runtime.js';
import type { ClusterContext } from './context.js';
import { hostDown } from './eligibility.js';
import { setGroups } from './membership.js';

/**
 * Logging overhead on top of the inputs: TCP/IP and timer events (docs/model/cluster.md,
 * "Fault tolerance").
 */
export const FT_LOG_OVERHEAD = 1.2;
/** das.maxftvmsperhost: FT VMs (primaries and secondaries) per host. */
export const MAX_FT_PER_HOST = 4;

/**
 * An idle VM still logs its timer interrupts: 0.68 Mbit/s for a 250 Hz guest (VMware's figures:
 * 1000 Hz 1.43, 250 Hz 0.68, 82 Hz 0.15) [assumption: a 250 Hz guest].
 */
export const FT_IDLE_LOGGING_MBIT = 0.68;
/**
 * [assumption] An SMP-FT secondary receives and applies checkpoints instead of executing the
 * guest: a tenth of the primary's CPU demand on its host.
 */
export const SMP_FT_SECONDARY_CPU = 0.1;
/** MiB/s to Mbit/s */
const MBIT_PER_MIBS = (1048576 * 8) / 1e6;

/** FT logging bandwidth, Mbit/s: (disk reads MB/s x 8 + network input Mbit/s) x 1.2 (TV-7.2). */
export function ftLoggingMbit(diskReadMBs: number, netInMbit: number): number {
  return (diskReadMBs * 8 + netInMbit) * FT_LOG_OVERHEAD;
}

/**
 * The secondary's kind: `ft: true` is SMP-FT, vSphere 6's (legacy FT is 1 vCPU record/replay).
 */
export function ftKind(ft: boolean | FtKind | undefined): FtKind {
  return ft === 'legacy' ? 'legacy' : 'smp';
}

/** The secondary's name, as vSphere shows it. */
export function secondaryName(vm: string): string {
  return `${vm} (secondary)`;
}

interface Pair {
  vm: GroupRuntime;
  secondary: HostRuntime | null;
  /** the secondary's group on its host */
  group: GroupRuntime | null;
  /** memory held for the secondary on its host, MiB */
  held: number;
}

export interface FtInfo {
  vm: string;
  primary: string;
  secondary: string | null;
  loggingMbit: number;
}

export class FtService {
  private readonly pairs: Pair[] = [];

  constructor(private readonly ctx: ClusterContext, private readonly rng: Rng) {}

  /** Protect every running VM with `ft: true`. */
  start(tMs: number): void {
    for (const { host, group } of this.ctx.vms()) {
      if (group.spec?.ft && group.state === 'running' && group.passthrough) {
        this.ctx.emit(tMs, 'refused', group.name, 'ft: a VM with a passthrough (DirectPath I/O) device cannot be fault tolerant: not protected');
      } else if (group.spec?.ft && group.state === 'running') {
        const pair = { vm: group, secondary: null, group: null, held: 0 };
        this.pairs.push(pair);
        this.protect(tMs, pair, host);
      }
    }
  }

  get count(): number {
    return this.pairs.length;
  }

  /**
   * Logging traffic of a pair, from the primary's workload: legacy FT its disk reads and network
   * input (TV-7.2); SMP-FT the memory it dirties (the checkpoints) and its network input; never
   * below an idle guest's timer logging.
   */
  logging(pair: Pair): number {
    const w = pair.vm.workload.spec;
    const netIn = w.netRxMbit ?? w.netMbit;
    if (ftKind(pair.vm.spec?.ft) === 'smp') {
      return Math.max(FT_IDLE_LOGGING_MBIT, (w.dirtyMiBs * MBIT_PER_MIBS + netIn) * FT_LOG_OVERHEAD);
    }
    const readsMBs = (w.iops * READ_FRACTION * IO_SIZE_KIB * 1024) / 1e6;
    return Math.max(FT_IDLE_LOGGING_MBIT, ftLoggingMbit(readsMBs, netIn));
  }

  traffic(tx: Map<HostRuntime, number>, rx: Map<HostRuntime, number>): void {
    for (const p of this.pairs) {
      const place = this.ctx.find(p.vm.name);
      if (!p.secondary || !place || p.vm.state !== 'running' && p.vm.state !== 'migrating') continue;
      const mbit = this.logging(p);
      tx.set(place.host, (tx.get(place.host) ?? 0) + mbit);
      rx.set(p.secondary, (rx.get(p.secondary) ?? 0) + mbit);
    }
  }

  private perHost(host: HostRuntime): number {
    let n = 0;
    for (const p of this.pairs) {
      if (p.secondary === host) n++;
      if (this.ctx.find(p.vm.name)?.host === host) n++;
    }
    return n;
  }

  /** Make a secondary for `pair` on a host other than `primary`, the one with the most free memory. */
  private protect(tMs: number, pair: Pair, primary: HostRuntime): void {
    const m = pair.vm.memory!;
    const need = m.memoryMiB + m.overheadMiB;
    let best: HostRuntime | null = null;
    for (const h of this.ctx.hosts) {
      if (h === primary || hostDown(h) || !samePlatform(h.spec.hypervisor, primary.spec.hypervisor)) continue;
      if (this.ctx.unreserved(h) < need || this.perHost(h) >= MAX_FT_PER_HOST) continue;
      if (!best || this.ctx.unreserved(h) > this.ctx.unreserved(best)) best = h;
    }
    if (!best) {
      pair.secondary = null;
      this.ctx.emit(tMs, 'ft-unprotected', pair.vm.name, `no host can hold its secondary (${Math.round(need)} MiB): not protected`);
      return;
    }
    pair.secondary = best;
    pair.held = need;
    best.memory.clusterMiB += need;
    best.memory.refresh();
    this.addSecondary(pair, best);
    this.ctx.emit(tMs, 'ft-secondary', pair.vm.name, `secondary on ${best.spec.name}, logging ${this.logging(pair).toFixed(1)} Mbit/s`);
  }

  private unhold(pair: Pair): void {
    if (!pair.secondary) return;
    pair.secondary.memory.clusterMiB = Math.max(0, pair.secondary.memory.clusterMiB - pair.held);
    pair.secondary.memory.refresh();
    this.removeSecondary(pair);
    pair.secondary = null;
    pair.held = 0;
  }

  /**
   * The secondary runs on `host` as a group of its own: a legacy one the primary's workload (the
   * same instruction stream), an SMP-FT one a fraction of it. It follows the primary's workload
   * as the profile gives it, not the `load` commands injected into the primary.
   */
  private addSecondary(pair: Pair, host: HostRuntime): void {
    const vm = pair.vm;
    const share = ftKind(vm.spec?.ft) === 'legacy' ? 1 : SMP_FT_SECONDARY_CPU;
    const base = vm.workload.spec;
    // the primary's spec with its CPU scaled: the same keys in the same order (one hidden class)
    const spec: WorkloadSpec = { ...base, cpu: base.cpu * share };
    const group: GroupRuntime = {
      gid: vm.gid + 7, name: secondaryName(vm.name), kind: 'system', vcpus: vm.vcpus, shares: vm.shares,
      reservationMHz: 0, limitMHz: null, state: 'running', workload: new WorkloadState(spec, vm.vcpus, this.rng, spec.housekeeping ?? GUEST_HOUSEKEEPING),
      memory: null, sdpsSleep: 0, cpuOverhead: 0, ftOf: vm.name,
    };
    setGroups(this.ctx.layout, host, [...host.groups, group], (g) => (g === group ? undefined : { host, index: host.groups.indexOf(g) }));
    host.cpu.setOn(host.groups.indexOf(group), true);
    pair.group = group;
  }

  private removeSecondary(pair: Pair): void {
    const host = pair.secondary;
    const group = pair.group;
    pair.group = null;
    if (!host || !group || !host.groups.includes(group)) return;
    setGroups(this.ctx.layout, host, host.groups.filter((g) => g !== group), (g) => ({ host, index: host.groups.indexOf(g) }));
  }

  /** Is `vm` an FT primary whose secondary can take over? */
  covers(vm: GroupRuntime): boolean {
    return this.pairs.some((p) => p.vm === vm && p.secondary !== null);
  }

  /**
   * `host` failed. Primaries there fail over to their secondaries (before HA sees them down);
   * secondaries there are lost. Either way a new secondary is made where there is room.
   */
  hostFailed(tMs: number, host: HostRuntime): void {
    for (const p of this.pairs) {
      const place = this.ctx.find(p.vm.name);
      if (!place) continue;
      if (place.host === host && p.secondary && (p.vm.state === 'running' || p.vm.state === 'migrating')) {
        const target = p.secondary;
        // the secondary becomes the primary: its group gives way to the VM's
        this.unhold(p);
        this.ctx.move(p.vm, host, target);
        p.vm.state = 'running';
        target.cpu.setOn(target.groups.indexOf(p.vm), true);
        p.vm.memory!.unshare();
        target.memory.refresh();
        this.ctx.emit(tMs, 'ft-failover', p.vm.name, `secondary on ${target.spec.name} took over with no downtime`);
        this.protect(tMs, p, target);
      } else if (p.secondary === host) {
        p.secondary.memory.clusterMiB = Math.max(0, p.secondary.memory.clusterMiB - p.held);
        this.removeSecondary(p);
        p.secondary = null;
        p.held = 0;
        this.ctx.emit(tMs, 'ft-secondary-lost', p.vm.name, `secondary lost with ${host.spec.name}`);
        this.protect(tMs, p, place.host);
      }
    }
  }

  /** Capacity came back: protect the VMs left without a secondary. */
  retry(tMs: number): void {
    for (const p of this.pairs) {
      const place = this.ctx.find(p.vm.name);
      if (!p.secondary && place && p.vm.state === 'running') this.protect(tMs, p, place.host);
    }
  }

  /** The VM stopped (powered off, suspended): its secondary goes too. */
  stopped(vm: GroupRuntime): void {
    for (const p of this.pairs) if (p.vm === vm) this.unhold(p);
  }

  /** The VM moved: a secondary on its new host must move elsewhere. */
  moved(tMs: number, vm: GroupRuntime): void {
    for (const p of this.pairs) {
      const place = this.ctx.find(vm.name);
      if (p.vm !== vm || !place) continue;
      if (p.secondary === place.host) {
        this.unhold(p);
        this.protect(tMs, p, place.host);
      } else if (!p.secondary && vm.state === 'running') this.protect(tMs, p, place.host);
    }
  }

  info(): FtInfo[] {
    return this.pairs.map((p) => ({
      vm: p.vm.name, primary: this.ctx.find(p.vm.name)?.host.spec.name ?? '',
      secondary: p.secondary?.spec.name ?? null, loggingMbit: p.secondary ? this.logging(p) : 0,
    }));
  }
}
