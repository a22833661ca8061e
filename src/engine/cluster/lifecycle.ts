// The hypervisor's management of a VM's life: power on (with admission control), power off,
// suspend (its memory written out, no CPU) and resume, and deploy — a new VM from a template under
// a fresh name, on the given host or where DRS would put it. Every refusal carries its reason.

import type { Command, TemplateSpec, VmSpec } from '../../profile/types.js';
import type { Rng } from '../rng.js';
import { vmGroup, type GroupRuntime, type HostRuntime } from '../runtime.js';
import { admit } from './admission.js';
import type { ClusterContext, VmPlace } from './context.js';
import { capacityOf, claimOf, runningClaims, startBlock } from './placement.js';

export interface LifecycleHooks {
  /** the VM started or stopped: HA and FT follow */
  started(tMs: number, group: GroupRuntime): void;
  stopped(tMs: number, group: GroupRuntime): void;
  /** a VM is migrating: power commands wait until it is done */
  migrating(vm: string): boolean;
  /** CPU demand of each host now, 0..1 of its capacity (DRS placement) */
  load(host: HostRuntime): number;
}

export class Lifecycle {
  private nextGid: number;

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

  apply(tMs: number, c: Command): void {
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
        return this.start(tMs, place, 'power-on', 'powered on', refuse);
      case 'resume':
        if (group.state !== 'suspended') return refuse(`${c.target} is ${group.state}, not suspended`);
        return this.start(tMs, place, 'resume', 'resumed: memory read back from the suspend file as it is touched', refuse);
      case 'power_off':
        if (group.state === 'off') return refuse(`${c.target} is already off`);
        return this.stop(tMs, place, 'off', 'power-off', 'powered off');
      case 'suspend':
        if (group.state !== 'running') return refuse(`${c.target} is ${group.state}, not running`);
        return this.stop(tMs, place, 'suspended', 'suspend', `suspended: ${Math.round(group.memory?.touched() ?? 0)} MiB written out, no CPU`);
      default:
        return refuse('not a lifecycle command');
    }
  }

  private start(tMs: number, place: VmPlace, kind: string, what: string, refuse: (why: string) => void): void {
    const why = startBlock(this.ctx, place.group, place.host) ?? this.admission(place.group);
    if (why) return refuse(why);
    this.ctx.power(place, 'running');
    this.hooks.started(tMs, place.group);
    this.ctx.emit(tMs, kind, place.group.name, `${what} on ${place.host.spec.name}`);
  }

  private stop(tMs: number, place: VmPlace, state: 'off' | 'suspended', kind: string, what: string): void {
    this.ctx.power(place, state);
    this.hooks.stopped(tMs, place.group);
    this.ctx.emit(tMs, kind, place.group.name, what);
  }

  /** NAME-1, NAME-2, …: the first not taken by a VM. */
  freshName(template: string): string {
    const base = template.replace(/-template$/, '');
    for (let i = 1; ; i++) {
      const n = `${base}-${i}`;
      if (!this.ctx.specs.has(n) && !this.ctx.host(n)) return n;
    }
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
    ctx.emit(tMs, 'deploy', name, `deployed from ${t.name} on ${host.spec.name}${toName === undefined ? ' (placed by DRS)' : ''}`);
  }
}
