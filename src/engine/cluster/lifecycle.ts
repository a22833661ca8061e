// The hypervisor's management of a VM's life: power on (with admission control), power off,
// suspend (its memory written out, no CPU) and resume, reset (the guest reboots where it is), a
// guest's own shutdown (intercepted: only that VM powers off), and deploy — a new VM from a
// template under a fresh name, on the given host or where DRS would put it. Every refusal carries
// its reason; power on and resume are refused while the VM's disk is on a down host's datastore.

import { unhandled, type CommandOf } from '../../profile/commands.js';
import type { TemplateSpec, VmSpec } from '../../profile/types.js';
import { Rng } from '../rng.js';
import { vmGroup, type GroupRuntime, type HostRuntime } from '../runtime.js';
import { admit } from './admission.js';
import type { ClusterContext, VmPlace } from './context.js';
import type { HostChoice } from './eligibility.js';
import { capacityOf, claimOf, runningClaims, startBlock } from './placement.js';
import { diskUnreachable } from './storage-migration.js';

export interface LifecycleHooks {
  /** the VM started or stopped: HA and FT follow */
  started(tMs: number, group: GroupRuntime): void;
  stopped(tMs: number, group: GroupRuntime): void;
  /** a VM is migrating: power commands wait until it is done */
  migrating(vm: string): boolean;
  /** CPU demand of each host now, 0..1 of its capacity (DRS placement) */
  load(host: HostRuntime): number;
}

/** The cluster's commands that are a VM's life (the cluster routes migrations and host failures itself). */
export type LifecycleCommand = CommandOf<'deploy' | 'power_on' | 'power_off' | 'suspend' | 'resume' | 'reset' | 'shutdown'>;

/** A reset guest boots this long before its workload runs again [assumption: a small server OS]. */
export const GUEST_BOOT_MS = 5000;

export class Lifecycle {
  private nextGid: number;
  /** reset guests still booting: their workload waits (`booting`) until then */
  private readonly boots: { group: GroupRuntime; untilMs: number }[] = [];

  constructor(
    private readonly ctx: ClusterContext,
    private readonly rng: Rng,
    private readonly hooks: LifecycleHooks,
  ) {
    let max = 1000;
    for (const h of ctx.hosts) for (const g of h.groups) max = Math.max(max, g.gid);
    this.nextGid = max + 21;
  }

  /** Admission control for one more VM (off without a cluster or with `admission: off`). */
  private admission(group: GroupRuntime): string | null {
    if (!this.ctx.enabled || !group.spec) return null;
    const { claims } = runningClaims(this.ctx);
    const up = this.ctx.hosts.filter((h) => h.state === 'up').map(capacityOf);
    const s = this.ctx.spec;
    return admit({ policy: s.admission, failuresTolerated: s.failuresTolerated, reserve: s.failoverReserve }, up, claims, claimOf(group.spec, group));
  }

  apply(tMs: number, c: LifecycleCommand): void {
    const ctx = this.ctx;
    const refuse = (why: string) => ctx.emit(tMs, 'refused', c.target, `${c.action}: ${why}`);
    if (c.action === 'deploy') return this.deploy(tMs, c.target, c.to);
    const place = ctx.find(c.target);
    if (!place) return refuse(`no VM named "${c.target}"`);
    const { group } = place;
    if (group.state === 'migrating' || this.hooks.migrating(group.name)) return refuse(`${c.target} is migrating`);
    switch (c.action) {
      case 'power_on':
        if (group.state === 'running') return refuse(`${c.target} is already running`);
        if (group.state === 'suspended') return refuse(`${c.target} is suspended; resume it`);
        return this.start(tMs, place, 'power-on', (host) => `powered on, running on ${host}`, refuse);
      case 'resume':
        if (group.state !== 'suspended') return refuse(`${c.target} is ${group.state}, not suspended`);
        return this.start(tMs, place, 'resume', (host) => `resumed on ${host}: memory read back from the suspend file as it is touched`, refuse);
      case 'power_off':
        if (group.state === 'off') return refuse(`${c.target} is already off`);
        return this.stop(tMs, place, 'off', 'power-off', 'powered off');
      case 'suspend':
        if (group.state !== 'running') return refuse(`${c.target} is ${group.state}, not running`);
        if (group.passthrough) return refuse(`${c.target} has a passthrough (DirectPath I/O) device: suspend and resume are not available`);
        return this.stop(tMs, place, 'suspended', 'suspend', `suspended: ${Math.round(group.memory?.touched() ?? 0)} MiB written out, no CPU`);
      case 'reset':
        if (group.state !== 'running') return refuse(`${c.target} is ${group.state}, not running: there is no guest to reset`);
        return this.reset(tMs, place);
      case 'shutdown':
        if (group.state !== 'running') return refuse(`${c.target} is ${group.state}: only a running guest can shut itself down`);
        return this.stop(tMs, place, 'off', 'guest-shutdown', guestShutdownText(place));
      default:
        return unhandled(c);
    }
  }

  /** `what` says it with the host's name (a plain "… on esx-a" read "powered on on esx-a"). */
  private start(tMs: number, place: VmPlace, kind: string, what: (host: string) => string, refuse: (why: string) => void): void {
    // a relocated disk on a down host's datastore: the VM's files are inaccessible
    const why = diskUnreachable(place.group) ?? startBlock(this.ctx, place.group, place.host) ?? this.admission(place.group);
    if (why) return refuse(why);
    this.ctx.power(place, 'running');
    this.hooks.started(tMs, place.group);
    this.ctx.emit(tMs, kind, place.group.name, what(place.host.spec.name));
  }

  private stop(tMs: number, place: VmPlace, state: 'off' | 'suspended', kind: string, what: string): void {
    this.unboot(place.group);
    this.ctx.power(place, state);
    this.hooks.stopped(tMs, place.group);
    this.ctx.emit(tMs, kind, place.group.name, what);
  }

  /**
   * Hard reset, the VM's reset button: it stays on its host, powered on, but its guest reboots.
   * Memory starts over as after a power-on (every page released: touched, shared, ballooned,
   * swapped and compressed; the VMM keeps its overhead), its vCPUs lose their queued work and
   * scheduling credit, and its workload runs again after a short boot. HA and FT see nothing:
   * the VM never stopped running (an FT secondary replays the reset in lockstep).
   */
  private reset(tMs: number, place: VmPlace): void {
    const { host, group } = place;
    const released = Math.round(group.memory?.touched() ?? 0);
    this.ctx.power(place, 'off');
    this.ctx.power(place, 'running');
    this.boot(tMs, group);
    this.ctx.emit(tMs, 'reset', group.name, `hard reset on ${host.spec.name}: the guest reboots, ${released} MiB of its memory released ` +
      `(it starts over as after a power-on); its workload runs again after a ${GUEST_BOOT_MS / 1000} s boot`);
  }

  /**
   * The guest boots: its workload waits GUEST_BOOT_MS (a reset; a VM Site Recovery powers on,
   * whose recovery plan waits for the guest's heartbeat as SRM waits for VMware Tools'). The boot
   * ends at the returned time.
   */
  boot(tMs: number, group: GroupRuntime): number {
    this.unboot(group);
    group.workload.booting = true;
    this.boots.push({ group, untilMs: tMs + GUEST_BOOT_MS });
    return tMs + GUEST_BOOT_MS;
  }

  /** Forget a boot in progress (the VM stopped or was reset again): its workload is not held. */
  private unboot(group: GroupRuntime): void {
    const i = this.boots.findIndex((b) => b.group === group);
    if (i < 0) return;
    this.boots.splice(i, 1);
    group.workload.booting = false;
  }

  /** Guests are booting after a reset: step() has work. */
  get busy(): boolean {
    return this.boots.length > 0;
  }

  /** Every quantum while a guest boots: its workload runs again once the boot is over. */
  step(tMs: number): void {
    for (let i = this.boots.length - 1; i >= 0; i--) {
      const b = this.boots[i];
      if (b.untilMs > tMs) continue;
      this.boots.splice(i, 1);
      b.group.workload.booting = false;
    }
  }

  /** NAME-1, NAME-2, …: the first not taken by a VM. */
  freshName(template: string): string {
    const base = template.replace(/-template$/, '');
    for (let i = 1; ; i++) {
      const n = `${base}-${i}`;
      if (!this.ctx.specs.has(n) && !this.ctx.host(n)) return n;
    }
  }

  /**
   * Every host with whether a VM from the template could be deployed there now, and why not: the
   * deploy picker's rows, by the same checks `deploy` makes (a host's room, then admission control).
   */
  deployTargets(templateName: string): HostChoice[] {
    const ctx = this.ctx;
    const t = (ctx.profile.templates ?? []).find((x: TemplateSpec) => x.name === templateName);
    if (!t) return [];
    const spec: VmSpec = { ...t, name: this.freshName(t.name), host: '', workload: { ...t.workload } };
    // a random source of its own: asking draws nothing from the simulation's
    const group = vmGroup(spec, this.nextGid, new Rng(0));
    const admission = this.admission(group);
    return ctx.hosts.map((h) => {
      const why = startBlock(ctx, group, h) ?? admission;
      return { host: h.spec.name, eligible: why === null, reason: why };
    });
  }

  deploy(tMs: number, templateName: string, toName?: string): void {
    const ctx = this.ctx;
    const refuse = (why: string) => ctx.emit(tMs, 'refused', templateName, `deploy: ${why}`);
    const t = (ctx.profile.templates ?? []).find((x: TemplateSpec) => x.name === templateName);
    if (!t) return refuse(`no template named "${templateName}"`);
    const name = this.freshName(t.name);
    const probe = (host: string): { spec: VmSpec; group: GroupRuntime } => {
      const spec: VmSpec = { ...t, name, host, workload: { ...t.workload } };
      return { spec, group: vmGroup(spec, this.nextGid, this.rng) };
    };
    let host: HostRuntime | undefined;
    let made = probe(toName ?? '');
    if (toName !== undefined) {
      host = ctx.host(toName);
      if (!host) return refuse(`no host named "${toName}"`);
      const why = startBlock(ctx, made.group, host);
      if (why) return refuse(why);
    } else {
      // DRS places it: the least loaded host that can start it
      const why: string[] = [];
      for (const h of ctx.hosts) {
        const block = startBlock(ctx, made.group, h);
        if (block) { why.push(block); continue; }
        if (!host || this.hooks.load(h) < this.hooks.load(host)) host = h;
      }
      if (!host) return refuse(`no host can start it: ${why.join('; ')}`);
    }
    const admission = this.admission(made.group);
    if (admission) return refuse(admission);
    made = probe(host.spec.name);
    this.nextGid += 21;
    ctx.specs.set(name, made.spec);
    ctx.add(made.group, host);
    ctx.power({ host, group: made.group }, 'running');
    this.hooks.started(tMs, made.group);
    ctx.emit(tMs, 'deploy', name, `deployed from ${t.name} on ${host.spec.name}${toName === undefined ? ' (placed by DRS)' : ''}${applianceNote(made.spec)}`);
  }
}

/**
 * What a guest's own shutdown looks like from the hypervisor: the guest's `poweroff` ends in a
 * request only the platform can carry out (an ACPI S5 write to the virtual power-management port,
 * or a shutdown hypercall from a paravirtual guest), which traps; the hypervisor powers off that
 * VM alone. HA leaves it off: vSphere HA restarts VMs after failures, not after a shutdown from
 * inside the guest.
 */
function guestShutdownText(place: VmPlace): string {
  const { host, group } = place;
  const how = group.spec?.cpuVirt === 'paravirtual' ? 'its shutdown hypercall' : 'its ACPI power-off (a write to the virtual PM port)';
  const others = host.groups.filter((g) => g !== group && g.kind === 'vm' && (g.state === 'running' || g.state === 'migrating')).length;
  const ft = group.spec?.ft ? '; its FT secondary stops with it' : '';
  return `the guest shut itself down: ${host.spec.hypervisor} intercepted ${how} and powered off only ${group.name}; ` +
    `${host.spec.name} and its ${others} other running VM${others === 1 ? '' : 's'} keep running; HA does not restart it (a guest shutdown is not a failure)${ft}`;
}

/** A virtual appliance arrives as its vendor packaged it: its guest and its own resource settings. */
function applianceNote(spec: VmSpec): string {
  if (!spec.appliance) return '';
  const what = spec.appliance === 'sva' ? 'a security virtual appliance' : 'a virtual appliance';
  const reserved = [spec.reservationMHz > 0 ? `${spec.reservationMHz} MHz` : '', spec.memReservationMiB > 0 ? `${spec.memReservationMiB} MiB` : '']
    .filter(Boolean).join(' and ');
  return `: ${what}, ready to run with its own settings (${spec.vcpus} vCPU${spec.vcpus === 1 ? '' : 's'}, ${spec.memoryMiB} MiB` +
    `, ${spec.shares} shares${reserved ? `, ${reserved} reserved` : ''})`;
}
