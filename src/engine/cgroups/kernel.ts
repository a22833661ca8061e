// A Linux kernel that runs containers: a host's own (linux, kvm, vserver) or a VM's guest. Its
// root cgroup's children are lone containers and services. Each quantum their demand goes onto
// the CPUs the kernel has, and what those CPUs actually ran is divided among them by weight.
//
// On a host, the containers are one group of independent threads in the host's scheduler, one
// lane per pCPU, whose queues this model keeps itself (so a frozen container leaves nothing
// queued behind). In a VM, their demand joins the guest's on its vCPUs, and they can only ever
// get part of what those vCPUs ran.

import type { GroupRuntime, HostRuntime } from '../runtime.js';
import type { Container } from './container.js';
import { AS_DOUBLE } from '../shapes.js';
import { Service } from './service.js';
import { divide } from './weights.js';

export type Node = Container | Service;

export class Kernel {
  /** top-level cgroups, in the order they were created */
  readonly nodes: Node[] = [];
  // CPU time, ms (perf: double field)
  private ranBefore = AS_DOUBLE;
  private demandMs = AS_DOUBLE;
  private ownMs = AS_DOUBLE;
  /** settle's division, reused every quantum */
  private shares: Float64Array = new Float64Array(0);
  private readonly list: Container[] = [];

  constructor(
    readonly name: string,
    readonly host: HostRuntime,
    /** the VM whose guest kernel this is; null for the host's own */
    readonly vm: GroupRuntime | null,
    /** the HostCpu group: the host's container group, or the VM */
    public g: number,
  ) {
    this.ranBefore = this.demandMs = this.ownMs = 0;
  }

  *containers(): Generator<Container> {
    for (const n of this.nodes) {
      if (n instanceof Service) yield* n.replicas;
      else yield n;
    }
  }

  /**
   * The same containers in an array, refilled on each call (the array is reused: the engine asks
   * every quantum, and a generator allocates on every step).
   */
  containerList(): readonly Container[] {
    const out = this.list;
    out.length = 0;
    for (const n of this.nodes) {
      if (n instanceof Service) for (const r of n.replicas) out.push(r);
      else out.push(n);
    }
    return out;
  }

  /** Memory its containers may use beyond what the kernel's own work holds, MiB. */
  capacity(): number {
    const m = this.vm?.memory;
    if (m) return m.memoryMiB - Math.min(m.memoryMiB, m.ownUsed());
    const hm = this.host.memory;
    return hm.free + hm.processMiB;
  }

  /** Put this quantum's container demand on the kernel's CPUs (before the host's scheduler runs). */
  offer(q: number): void {
    const cpu = this.host.cpu;
    const start = cpu.gStart[this.g];
    const end = start + cpu.gCount[this.g];
    let d = 0;
    for (const n of this.nodes) d += n.want;
    this.demandMs = d;
    if (!this.vm) {
      cpu.clearBacklog(this.g);
      // Each lane's share of the demand, clamped after dividing (the same numbers: q / q is 1).
      // perf: same path every time
      for (let v = start; v < end; v++) {
        cpu.demand[v] = Math.min(1, Math.max(0, (d - (v - start) * q) / q));
      }
    } else {
      // the guest's own work is already there; containers fill what headroom its vCPUs have
      let own = 0;
      let room = 0;
      for (let v = start; v < end; v++) {
        own += cpu.demand[v];
        room += 1 - cpu.demand[v];
      }
      this.ownMs = own * q;
      const add = Math.min(d / q, room);
      for (let v = start; v < end && add > 0; v++) {
        const before = cpu.demand[v];
        const a = ((1 - before) * add) / room;
        cpu.useful[v] = before + a > 0 ? (cpu.useful[v] * before + a) / (before + a) : 0;
        cpu.demand[v] = before + a;
      }
    }
    this.ranBefore = this.ran();
  }

  /** Divide what the kernel's CPUs ran this quantum among its cgroups (after the scheduler ran). */
  settle(q: number, throttled: (name: string) => void): void {
    const got = this.ran() - this.ranBefore;
    const d = this.demandMs;
    // In a VM the guest's own processes compete too: a proportional part of the time is theirs.
    const pool = this.vm ? (d > 0 ? Math.min(d, (got * d) / (d + this.ownMs)) : 0) : Math.min(got, d);
    const shares = (this.shares = divide(this.nodes, pool, this.shares));
    const nodes = this.nodes;
    const cpus = this.host.cpu.gCount[this.g];
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      if (n instanceof Service) n.give(shares[i], q, throttled, cpus);
      else if (n.account(shares[i], q, cpus)) throttled(n.name);
    }
  }

  /** Guest (or container) CPU time the kernel's lanes have run since start, ms. */
  private ran(): number {
    const cpu = this.host.cpu;
    const start = cpu.gStart[this.g];
    let s = 0;
    for (let v = start; v < start + cpu.gCount[this.g]; v++) s += cpu.cRun[v];
    return s;
  }
}
