// Storage vMotion (`relocate`): a VM's disk moves to another host's datastore while the VM keeps
// running where it is.
//
// The lab's datastores are named after the host that serves them (its `disk:`), and every host
// reaches every datastore (think of each host exporting its disk to the others, as vSAN or an NFS
// server would). A VM that was never relocated is on the datastore of whatever host runs it —
// the lab's model before Storage vMotion, kept so that nothing changes for it: a vMotion or an HA
// restart finds its disk on the new host without copying anything. Once relocated, the disk is
// pinned (GroupRuntime.datastore): compute migrations and HA restarts leave it where it is, and its
// I/O competes with that datastore's own host's VMs (HostIo posts it there as a foreign claimant).
//
// The copy is the data mover of the VM's host reading the source and writing the target, one
// pass: the guest's writes to regions already copied are mirrored to the target (VMware's mirror
// driver, since vSphere 5), so nothing is resent and the copy converges whatever the guest does.
// Both streams are claimants of the datastores' devices like any disk, so the copy slows when
// the datastores are busy and the other VMs' latency rises meanwhile — the I/O model does both.
//
// Host failures: a failed host takes its datastore with it. A relocation whose source or target
// datastore's host, or whose VM's host, fails is aborted (the VM stays on the source); a VM whose
// pinned datastore is on a host that is down has its I/O hang until the host is back (all paths
// down): if it was running it keeps running, its I/O hung. It cannot be (re)started meanwhile —
// its files are inaccessible, as vSphere HA cannot power on such a VM: HA keeps it down with the
// reason (`ha-unplaced`, diskUnreachable below) and restarts it once that host is back, and
// power_on / resume are refused. A VM never relocated is unaffected: its disk follows it.
// DPM does not put in standby a host whose datastore holds another VM's disk.

import { READ_FRACTION, IO_SIZE_KIB } from '../io/constants.js';
import { DISK_SHARES } from '../../profile/io-shares.js';
import { traits } from '../../profile/hypervisors.js';
import { foreignDisk, type ForeignDisk } from '../io/datastore.js';
import type { GroupRuntime, HostRuntime } from '../runtime.js';
import type { ClusterContext, VmPlace } from './context.js';
import { hostDown } from './eligibility.js';

/**
 * Share of the slower datastore's bandwidth a copy may ask for. The profile format has no key
 * for it (the profile's `cluster:` keys are fixed: docs/cli.md), so it is a constant: half, like
 * vmotion_share's default, leaves the guests on both datastores the other half while it keeps the
 * copy to minutes for tens of GiB.
 */
export const SVMOTION_SHARE = 0.5;
/** A VM's disk when the profile gives no `disk_size` [assumption]: 16 GiB. */
export const DEFAULT_DISK_MIB = 16 * 1024;
/** The copy's disk shares under SIOC: a normal disk's. */
const COPY_SHARES = DISK_SHARES.normal;
const MIB_PER_CMD = IO_SIZE_KIB / 1024;

/**
 * Why the VM cannot start (HA restart, power on, resume) because its disk is unreachable: it was
 * relocated to a datastore whose host is down. Null when it can — always for a VM never
 * relocated, whose disk follows it.
 */
export function diskUnreachable(group: GroupRuntime): string | null {
  const ds = group.datastore;
  if (!ds || ds.state === 'up') return null;
  return `its disk is on ${ds.spec.name}'s datastore, which is ${ds.state === 'failed' ? 'down' : `in ${ds.state}`}`;
}

export interface Relocation {
  vm: GroupRuntime;
  /** the hosts whose datastores the disk leaves and goes to */
  from: HostRuntime;
  to: HostRuntime;
  sizeMiB: number;
  copiedMiB: number;
  /** guest writes mirrored to the target meanwhile, MiB */
  mirroredMiB: number;
  startedMs: number;
  /** the data mover's read stream on the source and write stream (copy plus mirror) on the target */
  read: ForeignDisk;
  write: ForeignDisk;
  /** mirrored guest writes in the write stream's last post, commands/s */
  mirrorCmds: number;
  /** MiB/s copied in the last step */
  rateMiBs: number;
  by: string;
}

export interface RelocationInfo {
  vm: string;
  from: string;
  to: string;
  /** 0..1 */
  progress: number;
  rateMiBs: number;
  elapsedS: number;
  copiedMiB: number;
  sizeMiB: number;
}

/**
 * The copy's cost on a device in its own commands: the data mover moves large blocks, so a MiB
 * takes 1/bandwidth s of the device, i.e. capacity/bandwidth command slots.
 */
function slotsPerMiB(host: HostRuntime): number {
  const ds = host.io.datastore;
  return ds.capacity / ds.spec.bandwidthMiBs;
}

export class StorageMigrations {
  readonly active: Relocation[] = [];
  /** some VM's disk has been relocated (the samples then say where each disk is) */
  pinned = false;
  /** the time of the last step, for the elapsed time the hosts view shows */
  private nowMs = 0;

  constructor(private readonly ctx: ClusterContext) {}

  of(vm: string): Relocation | undefined {
    return this.active.find((r) => r.vm.name === vm);
  }

  /** The host whose datastore holds the VM's disk now. */
  static datastoreOf(place: VmPlace): HostRuntime {
    return place.group.datastore ?? place.host;
  }

  /** Why the VM's disk cannot move to `to`'s datastore now; null if it can. */
  block(place: VmPlace, to: HostRuntime): string | null {
    const { group, host } = place;
    const vm = group.name;
    // A powered-off or suspended VM is relocated cold: the same copy, with no guest writes to mirror.
    if (group.state === 'down') return `${vm} is down`;
    if (group.state === 'migrating') return `${vm} is migrating (vMotion) to another host`;
    if (this.of(vm)) return `${vm}'s disk is already moving`;
    const from = StorageMigrations.datastoreOf(place);
    if (to === from) return `${vm}'s disk is already on ${to.spec.name}'s datastore`;
    if (!traits(to.spec.hypervisor).runsVms) return `${to.spec.name} is a ${to.spec.hypervisor} host: its disk holds no VM datastore`;
    const targetDown = hostDown(to);
    if (targetDown) return targetDown;
    if (this.ctx.draining === to) return `${to.spec.name} is entering standby`;
    if (from.state !== 'up') return `${vm}'s datastore on ${from.spec.name} is unreachable (${from.state})`;
    if (host.state !== 'up') return `${host.spec.name}, which runs ${vm}, is ${host.state}`;
    return null;
  }

  /** Start moving `vmName`'s disk to `toName`'s datastore; false (and a refusal) when it may not. */
  start(tMs: number, vmName: string, toName: string, by = 'user'): boolean {
    const ctx = this.ctx;
    const refuse = (why: string) => { ctx.emit(tMs, 'refused', vmName, `relocate: ${why}`); return false; };
    const place = ctx.find(vmName);
    if (!place) return refuse(`no VM named "${vmName}"`);
    const to = ctx.host(toName);
    if (!to) return refuse(`no host named "${toName}"`);
    const why = this.block(place, to);
    if (why) return refuse(why);
    const { group } = place;
    const from = StorageMigrations.datastoreOf(place);
    const sizeMiB = group.spec?.diskSizeMiB ?? DEFAULT_DISK_MIB;
    const r: Relocation = {
      vm: group, from, to, sizeMiB, copiedMiB: 0, mirroredMiB: 0, startedMs: tMs,
      read: foreignDisk(true, COPY_SHARES), write: foreignDisk(true, COPY_SHARES), mirrorCmds: 0, rateMiBs: 0, by,
    };
    this.active.push(r);
    ctx.relocating.set(group.name, { from, to });
    this.post(tMs, r, place.host);
    const cold = group.state === 'running' ? '' : ` (${group.state}: a cold relocation)`;
    ctx.emit(tMs, 'svmotion-start', vmName,
      `disk ${Math.round(sizeMiB)} MiB: ${from.spec.name} -> ${to.spec.name} datastore, up to ${Math.round(this.wantMiBs(r))} MiB/s${cold}`);
    return true;
  }

  /** What the copy asks for: the share of the slower of the two datastores' bandwidth. */
  private wantMiBs(r: Relocation): number {
    return SVMOTION_SHARE * Math.min(r.from.io.datastore.spec.bandwidthMiBs, r.to.io.datastore.spec.bandwidthMiBs);
  }

  /** Offer the next step's streams to both datastores. */
  private post(tMs: number, r: Relocation, host: HostRuntime): void {
    const want = this.wantMiBs(r);
    const g = host.groups.indexOf(r.vm);
    const running = r.vm.state === 'running' && g >= 0;
    // the guest's writes to what is already copied go to both datastores
    r.mirrorCmds = running ? host.io.diskRate(g) * (1 - READ_FRACTION) * (r.copiedMiB / r.sizeMiB) : 0;
    r.read.offered = want * slotsPerMiB(r.from);
    r.write.offered = want * slotsPerMiB(r.to) + r.mirrorCmds;
    r.read.postedMs = r.write.postedMs = tMs;
    r.from.io.datastore.foreign.set(`svmotion-read:${r.vm.name}`, r.read);
    r.to.io.datastore.foreign.set(`svmotion-write:${r.vm.name}`, r.write);
  }

  /** Advance every copy by one quantum at what the datastores served it; finish those done. */
  step(tMs: number, dtMs: number): void {
    const dtS = dtMs / 1000;
    this.nowMs = tMs;
    for (let i = 0; i < this.active.length; i++) {
      const r = this.active[i];
      const place = this.ctx.find(r.vm.name);
      const lost = !place ? 'the VM is gone'
        : r.from.state !== 'up' ? `${r.from.spec.name} (the source datastore) went ${r.from.state}`
        : r.to.state !== 'up' ? `${r.to.spec.name} (the target datastore) went ${r.to.state}`
        : place.host.state !== 'up' || r.vm.state === 'down' ? `${place.host.spec.name}, which runs ${r.vm.name}, went ${place.host.state}`
        : null;
      if (lost || !place) {
        this.drop(r);
        this.active.splice(i--, 1);
        this.ctx.emit(tMs, 'svmotion-abort', r.vm.name, `${lost}: the disk stays on ${r.from.spec.name}'s datastore`);
        continue;
      }
      const mirrorServed = Math.min(r.write.served, r.mirrorCmds);
      const readMiBs = r.read.served / slotsPerMiB(r.from);
      const writeMiBs = (r.write.served - mirrorServed) / slotsPerMiB(r.to);
      r.rateMiBs = Math.min(readMiBs, writeMiBs);
      r.copiedMiB = Math.min(r.sizeMiB, r.copiedMiB + r.rateMiBs * dtS);
      r.mirroredMiB += mirrorServed * MIB_PER_CMD * dtS;
      if (r.copiedMiB >= r.sizeMiB) {
        this.finish(tMs, r);
        this.active.splice(i--, 1);
        continue;
      }
      this.post(tMs, r, place.host);
    }
  }

  private drop(r: Relocation): void {
    r.from.io.datastore.foreign.delete(`svmotion-read:${r.vm.name}`);
    r.to.io.datastore.foreign.delete(`svmotion-write:${r.vm.name}`);
    this.ctx.relocating.delete(r.vm.name);
  }

  private finish(tMs: number, r: Relocation): void {
    this.drop(r);
    r.vm.datastore = r.to;
    this.pinned = true;
    const s = (tMs - r.startedMs) / 1000;
    this.ctx.emit(tMs, 'svmotion-end', r.vm.name,
      `on ${r.to.spec.name}'s datastore after ${s.toFixed(1)} s: ${Math.round(r.sizeMiB)} MiB copied` +
      `${r.mirroredMiB >= 0.5 ? `, ${Math.round(r.mirroredMiB)} MiB of guest writes mirrored` : ''}`);
  }

  info(): RelocationInfo[] {
    return this.active.map((r) => ({
      vm: r.vm.name, from: r.from.spec.name, to: r.to.spec.name, progress: r.copiedMiB / r.sizeMiB,
      rateMiBs: r.rateMiBs, elapsedS: Math.max(0, this.nowMs - r.startedMs) / 1000, copiedMiB: r.copiedMiB, sizeMiB: r.sizeMiB,
    }));
  }
}
