// Every container of the lab, on the kernels that run them, stepped with the host schedulers:
// before a host's quantum their demand goes onto its CPUs (offer); after it, what ran is divided
// among them, their memory moves, and memory.max, pids.max and cpu.max take effect (settle).

import type { CommandFor, CommandOf } from '../../profile/commands.js';
import type { Profile } from '../../profile/types.js';
import type { Rng } from '../rng.js';
import type { HostRuntime } from '../runtime.js';
import { traits } from '../../profile/hypervisors.js';
import { THROTTLE_EVENT_QUIET_MS } from './constants.js';
import { Container, MemoryBounds } from './container.js';
import { apply, load, runs } from './commands.js';
import { Kernel } from './kernel.js';
import { kill, tick } from './lifecycle.js';
import { highSleepMs } from './memory-high.js';
import { sampleCgroups } from './sample.js';
import { Service } from './service.js';
import type { ContainerSample, ServiceSample } from './types.js';

/** Hosts without containers: nothing to do, and nothing allocated every quantum. */
const NONE: readonly Kernel[] = [];

export type Emit = (tMs: number, kind: string, target: string, detail: string) => void;

export class CgroupSystem {
  readonly containers = new Map<string, Container>();
  readonly services = new Map<string, Service>();
  /** the kernel each container and service is on */
  readonly where = new Map<Container | Service, Kernel>();
  /** lone containers and services as the profile lists them: the order samples come in */
  readonly order: (Container | Service)[] = [];
  private readonly kernels = new Map<string, Kernel>();
  private readonly byHost = new Map<HostRuntime, Kernel[]>();
  private readonly lastThrottle = new Map<string, number>();
  /** memory's bounds, refilled for each container (this runs every quantum: no new object) */
  private readonly bounds = new MemoryBounds();
  /** settle's time, for `onThrottled` */
  private settleMs = 0;
  /** settle's callback for throttling, made once rather than a closure per kernel per quantum */
  private readonly onThrottled = (name: string): void => this.throttled(name, this.settleMs);

  constructor(
    profile: Profile,
    readonly hosts: readonly HostRuntime[],
    readonly rng: Rng,
    readonly emit: Emit,
    readonly quantumMs: number,
  ) {
    for (const spec of profile.containers ?? []) {
      const k = this.kernel(spec.vm ?? spec.host);
      if (!k) continue; // the loader guarantees a kernel; a profile built in code may not
      const svcSpec = spec.service;
      let svc = svcSpec ? this.services.get(svcSpec.name) : undefined;
      if (svcSpec && !svc) {
        svc = new Service(svcSpec, spec, rng);
        this.services.set(svc.name, svc);
        this.place(svc, k);
      }
      const c = new Container(spec.name, spec, svc ?? null, rng, 0);
      this.containers.set(c.name, c);
      if (svc) {
        svc.replicas.push(c);
        this.where.set(c, k);
      } else {
        this.place(c, k);
      }
    }
  }

  get empty(): boolean {
    return this.containers.size === 0 && this.services.size === 0;
  }

  /** Whether `target` is one of its containers or services (a `load` on it is this model's). */
  runs(target: string): boolean {
    return runs(this, target);
  }

  /** freeze, thaw, checkpoint, restore, scale: carried out or refused with a reason. */
  apply(tMs: number, c: CommandFor<'cgroups'>): void {
    apply(this, tMs, c);
  }

  /** `load` on one of its containers or services. */
  load(tMs: number, c: CommandOf<'load'>): void {
    load(this, tMs, c);
  }

  sample(intervalMs: number): { containers: ContainerSample[]; services: ServiceSample[] } {
    return sampleCgroups(this, intervalMs);
  }

  /** A new top-level cgroup on kernel `k`. */
  place(node: Container | Service, k: Kernel): void {
    k.nodes.push(node);
    this.where.set(node, k);
    if (!this.order.includes(node)) this.order.push(node);
  }

  /**
   * The kernel named so: a host's own (a linux, kvm or vserver host of a profile with containers)
   * or a VM's guest, made when first needed. Undefined when the name cannot run containers.
   */
  kernel(name: string): Kernel | undefined {
    const known = this.kernels.get(name);
    if (known) return known;
    for (const host of this.hosts) {
      let k: Kernel | undefined;
      if (host.spec.name === name && host.containerGroup >= 0) k = new Kernel(name, host, null, host.containerGroup);
      const gi = host.groups.findIndex((g) => g.kind === 'vm' && g.name === name);
      if (gi >= 0) k = new Kernel(name, host, host.groups[gi], gi);
      if (!k) continue;
      this.kernels.set(name, k);
      this.byHost.set(host, [...(this.byHost.get(host) ?? []), k]);
      return k;
    }
    return undefined;
  }

  /** The host's groups were laid out anew (a VM came or went): its kernels find their groups again. */
  reindex(host: HostRuntime): void {
    for (const k of this.byHost.get(host) ?? NONE) k.g = k.vm ? host.groups.indexOf(k.vm) : host.containerGroup;
  }

  /** True when the VM's guest runs containers: they would have to move with it. */
  hostsContainers(vmName: string): boolean {
    const k = this.kernels.get(vmName);
    return k !== undefined && k.vm !== null && k.nodes.length > 0;
  }

  /** Why `name` cannot run containers, for a refusal. */
  noKernel(name: string): string {
    const host = this.hosts.find((h) => h.spec.name === name);
    if (host && !traits(host.spec.hypervisor).runsContainers) {
      return `"${name}" is a ${host.spec.hypervisor} host with no Linux kernel of its own; restore into a VM on it`;
    }
    return `no host or VM named "${name}"`;
  }

  /** Before host's quantum at `tMs`: timers, pids.max, and the cgroups' demand on the CPUs. */
  offer(host: HostRuntime, tMs: number): void {
    const q = this.quantumMs;
    for (const k of this.byHost.get(host) ?? NONE) {
      for (const n of k.nodes) {
        this.expire(n, tMs);
        if (n instanceof Service) {
          let room = n.spec.pidsMax ?? Infinity;
          for (const r of n.replicas) {
            this.expire(r, tMs);
            tick(this, r, tMs);
            this.fork(r, r.prepare(tMs, q, Math.min(r.spec.pidsMax ?? Infinity, room)), tMs);
            room -= r.tasks;
          }
          n.prepare();
        } else {
          tick(this, n, tMs);
          this.fork(n, n.prepare(tMs, q, n.spec.pidsMax ?? Infinity), tMs);
        }
      }
      k.offer(q);
    }
  }

  /** After host's quantum at `tMs`: CPU divided, memory moved, limits enforced, periods rolled. */
  settle(host: HostRuntime, tMs: number): void {
    const q = this.quantumMs;
    for (const k of this.byHost.get(host) ?? NONE) {
      this.settleMs = tMs;
      k.settle(q, this.onThrottled);
      const containers = k.containerList();
      for (const c of containers) this.memory(c, tMs, q);
      let total = 0;
      let largest: Container | undefined;
      for (const c of containers) {
        total += c.anon;
        if (c.state === 'running' && (!largest || c.anon > largest.anon)) largest = c;
      }
      // the kernel itself out of memory: its OOM killer picks the largest container
      const cap = k.capacity();
      if (total > cap && largest) {
        total -= largest.anon;
        kill(this, largest, tMs, `${k.vm ? 'VM' : 'host'} ${k.name} out of memory (containers ${Math.round(total + largest.anon)} MiB, room ${Math.round(cap)} MiB)`);
      }
      if (k.vm?.memory) k.vm.memory.cgroupMiB = total;
      else host.memory.processMiB = total;
      for (const n of k.nodes) {
        n.bw.roll(tMs + q);
        if (n instanceof Service) for (const r of n.replicas) r.bw.roll(tMs + q);
      }
    }
  }

  /** memory.high and memory.max of the container and of its service, then one quantum of growth. */
  private memory(c: Container, tMs: number, q: number): void {
    const svc = c.parent instanceof Service ? c.parent : null;
    const high = c.spec.memoryHighMiB ?? Infinity;
    const sHigh = svc?.spec.memoryHighMiB ?? Infinity;
    const sCur = svc ? svc.memoryCurrent() : 0;
    const own = (c.spec.memoryMaxMiB ?? Infinity) - c.anon;
    const shared = svc ? (svc.spec.memoryMaxMiB ?? Infinity) - sCur : Infinity;
    const b = this.bounds;
    b.sleepMs = Math.max(high < Infinity ? highSleepMs(c.anon, high) : 0, sHigh < Infinity ? highSleepMs(sCur, sHigh) : 0);
    b.overHigh = c.anon > high || sCur > sHigh;
    b.room = Math.min(own, shared);
    if (c.grow(q, b)) return;
    if (svc && shared < own) {
      svc.events.max++;
      svc.events.oom++;
      svc.events.oomKill++;
      kill(this, c, tMs, `service ${svc.name} reached its memory.max ${Math.round(svc.spec.memoryMaxMiB ?? 0)} MiB`);
    } else {
      kill(this, c, tMs, `memory.max ${Math.round(c.spec.memoryMaxMiB ?? 0)} MiB reached (working set ${Math.round(c.target())} MiB)`);
    }
  }

  private expire(n: Container | Service, tMs: number): void {
    if (tMs < n.workload.nextEndMs) return;
    const ended = n.workload.expire(tMs);
    for (let i = 0; i < ended; i++) this.emit(tMs, 'load-end', n.name, 'injected load finished');
  }

  private fork(c: Container, refused: number, tMs: number): void {
    // reported once per process: its first refused fork
    if (refused > 0 && c.forkFails === refused) {
      this.emit(tMs, 'fork_failed', c.name, `pids.max ${c.spec.pidsMax}: ${refused} fork${refused === 1 ? '' : 's'} refused (EAGAIN)`);
    }
  }

  /** A cgroup's quota ran out; reported when it starts being throttled, not every period. */
  private throttled(name: string, tMs: number): void {
    const last = this.lastThrottle.get(name) ?? -Infinity;
    this.lastThrottle.set(name, tMs);
    if (tMs - last <= THROTTLE_EVENT_QUIET_MS) return;
    const max = (this.containers.get(name) ?? this.services.get(name))?.bw.quotaMs ?? 0;
    this.emit(tMs, 'throttled', name, `cpu.max ${Math.round(max * 1000)} 100000 used up: throttled until the period ends`);
  }
}
