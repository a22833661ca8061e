// Live migrations in flight (docs/model/cluster.md, "Live migration per hypervisor family"): each a
// pre-copy over the share of both hosts' NICs that migrations may use, competing with the VMs' own
// traffic there. The VM runs on its source while the rounds go on, is stopped for the
// stop-and-copy, and at the switch-over its CPU and memory move to the target, its shared pages
// private there until page sharing finds them again.

import { ZIP_RATIO } from '../memory/constants.js';
import type { GroupRuntime, HostRuntime } from '../runtime.js';
import type { ClusterContext } from './context.js';
import { migrationBlock } from './eligibility.js';
import { migrationCopyMbit } from '../io/cost.js';
import { PrecopyRun } from './precopy.js';

/** CPU and device state sent with the last pages, MiB (reference TV-3d: 8 MB) */
export const DEVICE_STATE_MIB = 8;
/** Resuming on the target after the last byte [assumption] */
export const RESUME_S = 0.02;
/**
 * SDPS keeps the guest's dirty rate at most this share of the transmit rate, so each pre-copy
 * round at most halves [assumption]; vSphere 5+ on ESXi hosts.
 */
export const SDPS_MAX_LAMBDA = 0.5;
/** vMotion fails when the switch-over would take longer (vmotion.maxSwitchoverSeconds, 100 s). */
export const MAX_SWITCHOVER_S = 100;
/** Mbit/s to MiB/s */
export const MBIT_TO_MIBS = 1e6 / 8 / 1048576;

export interface Migration {
  vm: GroupRuntime;
  from: HostRuntime;
  to: HostRuntime;
  run: PrecopyRun;
  startedMs: number;
  /** memory held on the target for the VM's pages, MiB */
  held: number;
  /** Mbit/s this migration gets now */
  rateMbit: number;
  /** who started it: a user or the timeline, DRS, DPM */
  by: string;
}

export interface MigrationInfo {
  vm: string;
  from: string;
  to: string;
  /** 0..1 */
  progress: number;
  phase: 'precopy' | 'stop-and-copy';
  round: number;
  rateMbit: number;
  elapsedS: number;
  sentMiB: number;
  memoryMiB: number;
}

export class Migrations {
  readonly active: Migration[] = [];

  constructor(private readonly ctx: ClusterContext) {}

  of(vm: string): Migration | undefined {
    return this.active.find((m) => m.vm.name === vm);
  }

  /** Start moving `vmName` to `toName`; false (and a refusal in the events) when it may not. */
  start(tMs: number, vmName: string, toName: string, by = 'user'): boolean {
    const ctx = this.ctx;
    const refuse = (why: string) => { ctx.emit(tMs, 'refused', vmName, `migrate: ${why}`); return false; };
    const place = ctx.find(vmName);
    if (!place) return refuse(`no VM named "${vmName}"`);
    const to = ctx.host(toName);
    if (!to) return refuse(`no host named "${toName}"`);
    const why = migrationBlock(ctx, place, to);
    if (why) return refuse(why);
    const { group, host: from } = place;
    const m = group.memory!;
    const held = Math.min(ctx.unreserved(to), m.memoryMiB + m.overheadMiB);
    to.memory.clusterMiB += held;
    to.memory.refresh();
    group.state = 'migrating';
    const memory = m.R + m.Z + m.S; // every page the guest touched; untouched ones are not sent
    const run = new PrecopyRun({
      memory: Math.max(1, memory), downtimeS: ctx.spec.downtimeMs / 1000, stateSize: DEVICE_STATE_MIB, resumeS: RESUME_S,
      ...(from.spec.hypervisor === 'esxi' ? { sdps: SDPS_MAX_LAMBDA } : {}),
    });
    this.active.push({ vm: group, from, to, run, startedMs: tMs, held, rateMbit: 0, by });
    this.rebalance();
    const mig = this.active[this.active.length - 1];
    ctx.emit(tMs, 'migrate-start', vmName,
      `${from.spec.name} -> ${to.spec.name}${by === 'user' ? '' : ` (${by})`}: ${Math.round(memory)} MiB at ${Math.round(mig.rateMbit)} Mbit/s`);
    return true;
  }

  /**
   * Each host NIC gives migrations `vmotion_share` of its speed, split between the migrations
   * through it; a migration goes as fast as the slower of its two ends allows.
   */
  rebalance(): void {
    const out = new Map<HostRuntime, number>();
    const into = new Map<HostRuntime, number>();
    for (const m of this.active) {
      out.set(m.from, (out.get(m.from) ?? 0) + 1);
      into.set(m.to, (into.get(m.to) ?? 0) + 1);
    }
    const share = this.ctx.spec.vmotionShare;
    for (const m of this.active) {
      const link = share * Math.min(m.from.spec.nicMbit / out.get(m.from)!, m.to.spec.nicMbit / into.get(m.to)!);
      // the receiver copies each page into the guest on one core; I/OAT's DMA engine takes the copy
      m.rateMbit = Math.min(link, migrationCopyMbit(m.to.spec));
    }
  }

  /** Mbit/s the migrations send and receive through each host's NIC now. */
  traffic(tx: Map<HostRuntime, number>, rx: Map<HostRuntime, number>): void {
    for (const m of this.active) {
      tx.set(m.from, (tx.get(m.from) ?? 0) + m.rateMbit);
      rx.set(m.to, (rx.get(m.to) ?? 0) + m.rateMbit);
    }
  }

  /** Advance every migration by one quantum; switch over those that finished. */
  step(tMs: number, dtMs: number): void {
    let changed = false;
    for (let i = 0; i < this.active.length; i++) {
      const mig = this.active[i];
      const { run, vm } = mig;
      const wasCopy = run.phase === 'copy';
      const sent = run.sent;
      run.advance(dtMs / 1000, mig.rateMbit * MBIT_TO_MIBS, vm.workload.spec.dirtyMiBs);
      vm.sdpsSleep = run.sleep;
      const mbit = (run.sent - sent) / MBIT_TO_MIBS;
      mig.from.net.txTotal += mbit;
      mig.to.net.rxTotal += mbit;
      if (wasCopy && run.phase !== 'copy') {
        const switchoverS = run.left / Math.max(1e-9, mig.rateMbit * MBIT_TO_MIBS);
        if (run.p.sdps !== undefined && switchoverS > MAX_SWITCHOVER_S) {
          this.abort(tMs, mig, `the switch-over would take ${Math.round(switchoverS)} s, above maxSwitchoverSeconds (${MAX_SWITCHOVER_S} s); the VM stays on ${mig.from.spec.name}`);
          this.active.splice(i--, 1);
          changed = true;
          continue;
        }
        if (run.reason !== 'converged' && this.ctx.spec.nonConvergence === 'abort') {
          this.abort(tMs, mig, `the pre-copy does not converge (${run.reason} after ${run.round} rounds); the VM stays on ${mig.from.spec.name}`);
          this.active.splice(i--, 1);
          changed = true;
          continue;
        }
        // stop-and-copy: the guest is stunned until its last pages are on the target
        vm.workload.stunned = true;
        mig.from.cpu.clearBacklog(mig.from.groups.indexOf(vm));
      }
      if (run.phase === 'done') {
        this.switchOver(tMs, mig);
        this.active.splice(i--, 1);
        changed = true;
      }
    }
    if (changed) this.rebalance();
  }

  private abort(tMs: number, mig: Migration, why: string): void {
    this.release(mig);
    mig.vm.sdpsSleep = 0;
    mig.vm.state = 'running';
    mig.vm.workload.stunned = false;
    this.ctx.emit(tMs, 'migrate-abort', mig.vm.name, why);
  }

  /** Cancel a migration because one of its hosts went away; the VM's fate is the caller's. */
  cancel(tMs: number, mig: Migration, why: string): void {
    const i = this.active.indexOf(mig);
    if (i < 0) return;
    this.active.splice(i, 1);
    this.release(mig);
    mig.vm.workload.stunned = false;
    mig.vm.sdpsSleep = 0;
    if (mig.vm.state === 'migrating') mig.vm.state = 'running';
    this.ctx.emit(tMs, 'migrate-abort', mig.vm.name, why);
    this.rebalance();
  }

  private release(mig: Migration): void {
    mig.to.memory.clusterMiB = Math.max(0, mig.to.memory.clusterMiB - mig.held);
    mig.to.memory.refresh();
  }

  private switchOver(tMs: number, mig: Migration): void {
    const { vm, from, to, run } = mig;
    this.release(mig);
    const m = vm.memory!;
    m.unshare();
    // Pages that no longer fit (the target filled up meanwhile) go to the VM's swap file there.
    const over = m.footprint(ZIP_RATIO) - to.memory.refresh();
    if (over > 0) {
      const x = Math.min(m.R, over);
      const activeShare = m.R > 0 ? Math.min(1, Math.max(0, m.activeSeen - m.Sa - m.Za) / m.R) : 0;
      m.R -= x;
      m.S += x;
      m.Sa += x * activeShare;
    }
    this.ctx.move(vm, from, to);
    vm.sdpsSleep = 0;
    vm.state = 'running';
    vm.workload.stunned = false;
    to.memory.refresh();
    from.memory.refresh();
    const s = (tMs - mig.startedMs) / 1000;
    this.ctx.emit(tMs, 'migrate-end', vm.name,
      `on ${to.spec.name} after ${s.toFixed(1)} s: ${run.rounds.length - 1} pre-copy round${run.rounds.length === 2 ? '' : 's'}` +
      `${run.reason === 'converged' ? '' : ` (${run.reason})`}, ${Math.round(run.sent)} MiB sent, downtime ${run.downtimeS.toFixed(3)} s` +
      (run.sleptS > 0 ? `; SDPS slowed the guest: its vCPUs slept ${run.sleptS.toFixed(1)} s of ${run.elapsedS.toFixed(1)} s` : ''));
  }

  info(): MigrationInfo[] {
    return this.active.map((m) => ({
      vm: m.vm.name, from: m.from.spec.name, to: m.to.spec.name, progress: m.run.progress,
      phase: m.run.phase === 'copy' ? 'precopy' : 'stop-and-copy', round: m.run.round,
      rateMbit: m.rateMbit, elapsedS: m.run.elapsedS, sentMiB: m.run.sent, memoryMiB: m.run.p.memory,
    }));
  }
}
