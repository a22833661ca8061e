// A service: the parent cgroup of a container's replicas. Its own limits bound them together
// (cpu.max on the sum of their CPU, memory.max on the sum of their memory), its weight competes
// with its siblings for the whole service, and its load is shared by however many replicas run.

import { psiStates } from './container.js';
import type { ContainerSpec, ServiceSpec } from '../../profile/types.js';
import { WorkloadState } from '../cpu/workload.js';
import type { Rng } from '../rng.js';
import { AS_DOUBLE } from '../shapes.js';
import { Bandwidth } from './bandwidth.js';
import { CFS_PERIOD_MS } from './constants.js';
import type { Container, MemoryEvents, Parent, SampleBase } from './container.js';
import { Psi } from './psi.js';
import { divide, weightToShares } from './weights.js';

export class Service implements Parent {
  readonly replicas: Container[] = [];
  readonly workload: WorkloadState;
  readonly bw: Bandwidth;
  readonly n0: number;
  readonly cpuPsi = new Psi();
  readonly memPsi = new Psi();
  /** memory.events of the parent itself (its own memory.max) */
  readonly events: MemoryEvents = { high: 0, max: 0, oom: 0, oomKill: 0 };
  // perf: double field
  usageMs = AS_DOUBLE;
  wanted = AS_DOUBLE;
  want = AS_DOUBLE;
  base: SampleBase = { usageMs: 0, nrPeriods: 0, nrThrottled: 0 };
  /** give's division among the replicas, reused every quantum */
  private got: Float64Array = new Float64Array(0);

  /** `template` is the profile's entry: what a new replica is made from. */
  constructor(readonly spec: ServiceSpec, readonly template: ContainerSpec, rng: Rng) {
    this.workload = new WorkloadState(template.workload, 1, rng, 0);
    this.bw = new Bandwidth(spec.cpuMax === null ? null : spec.cpuMax * CFS_PERIOD_MS);
    this.n0 = spec.replicas;
    this.usageMs = this.wanted = this.want = 0;
  }

  get name(): string {
    return this.spec.name;
  }

  get shares(): number {
    return weightToShares(this.spec.cpuWeight);
  }

  count(): number {
    return this.replicas.length;
  }

  memoryCurrent(): number {
    let m = 0;
    for (const r of this.replicas) m += r.anon;
    return m;
  }

  /** After the replicas prepared: what the service as a whole may claim, its cpu.max applied. */
  prepare(): void {
    let w = 0;
    for (const r of this.replicas) w += r.want;
    this.wanted = w;
    this.want = Math.min(w, this.bw.left());
  }

  /** It got `x` ms: divided among the replicas by their weights. Calls `throttled` for new throttling. */
  give(x: number, q: number, throttled: (name: string) => void, cpus: number): void {
    const got = (this.got = divide(this.replicas, x, this.got));
    let memStall = 0;
    const replicas = this.replicas;
    for (let i = 0; i < replicas.length; i++) {
      const r = replicas[i];
      if (r.account(got[i], q, cpus)) throttled(r.name);
      memStall = Math.max(memStall, r.memStall);
    }
    this.usageMs += x;
    if (this.bw.charge(this.wanted, this.want, x)) throttled(this.name);
    // psi.c counts the parent's tasks together: all the replicas' runnable and running tasks
    const psi = psiStates(this.wanted / q, x / q, cpus);
    this.cpuPsi.add(psi.some * q, q);
    // a task stalled on memory anywhere below counts for the parent; the busiest child is a lower bound
    this.memPsi.add(memStall * q, q);
  }
}
