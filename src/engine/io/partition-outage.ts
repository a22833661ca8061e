// A driver partition that fails or is restarted (a patch reboot): the chapter's single point of
// failure. Every guest's network and disk I/O goes through Domain-0 (Xen) or the parent partition
// (Hyper-V), so while it is down they keep their vCPUs but their I/O stops — the I/O model holds
// their disk commands in its rings and drops their packets (host-io.ts, driver-ring.ts) — and it drains when the
// partition is back. `fail` keeps it down until `recover`; `restart` brings it back after a boot.

import type { PartitionCommand } from '../../profile/commands.js';
import type { HostRuntime } from '../runtime.js';
import { PARTITION_BOOT_MS } from './constants.js';

type Emit = (tMs: number, kind: string, target: string, detail: string) => void;

export class PartitionOutages {
  /** partitions restarting: their host and when their boot ends, simulated ms */
  private readonly booting = new Map<HostRuntime, number>();

  constructor(private readonly hosts: readonly HostRuntime[], private readonly emit: Emit) {}

  get busy(): boolean {
    return this.booting.size > 0;
  }

  apply(tMs: number, c: PartitionCommand): void {
    const what = `${c.action} ${c.partition}`;
    const host = this.hosts.find((h) => h.spec.name === c.target);
    if (!host) return this.emit(tMs, 'refused', c.target, `${what}: no host named "${c.target}"`);
    const p = host.io.partition;
    const group = p >= 0 ? host.groups[p] : undefined;
    if (!group || group.name !== c.partition) {
      return this.emit(tMs, 'refused', c.target, `${what}: ${c.target} has no partition named ${c.partition}${group ? ` (its driver partition is ${group.name})` : ` (${host.spec.hypervisor} has none)`}`);
    }
    if (host.state !== 'up') return this.emit(tMs, 'refused', c.target, `${what}: ${c.target} is ${host.state}`);
    const down = group.state !== 'running';
    if (c.action === 'recover') {
      if (!down) return this.emit(tMs, 'refused', c.target, `${what}: ${group.name} is running`);
      return this.up(tMs, host, 'recovered');
    }
    if (down) return this.emit(tMs, 'refused', c.target, `${what}: ${group.name} is already down${this.booting.has(host) ? ' (booting)' : ''}`);
    group.state = 'down';
    host.cpu.setOn(p, false);
    const guests = host.groups.filter((g) => g.kind === 'vm' && g.state === 'running' && !g.passthrough).length;
    const effect = `${guests} guest${guests === 1 ? '' : 's'} keep their CPU but their network and disk I/O stops (passthrough devices go on)`;
    if (c.action === 'fail') return this.emit(tMs, 'partition-failed', c.target, `${group.name} failed: ${effect}`);
    const bootMs = c.bootMs ?? PARTITION_BOOT_MS;
    this.booting.set(host, tMs + bootMs);
    this.emit(tMs, 'partition-restart', c.target, `${group.name} restarting (patch reboot, ${bootMs / 1000} s boot): ${effect}`);
  }

  /** Every quantum while a partition boots: it comes back when its boot ends. */
  step(tMs: number): void {
    for (const [host, until] of this.booting) if (tMs >= until) this.up(tMs, host, 'booted');
  }

  /** A host that failed and came back boots its partition with it. */
  hostRecovered(host: HostRuntime): void {
    this.booting.delete(host);
    const p = host.io.partition;
    if (p < 0 || host.groups[p].state === 'running') return;
    host.groups[p].state = 'running';
    host.cpu.setOn(p, true);
  }

  private up(tMs: number, host: HostRuntime, how: string): void {
    this.booting.delete(host);
    const p = host.io.partition;
    const group = host.groups[p];
    group.state = 'running';
    host.cpu.setOn(p, true);
    this.emit(tMs, 'partition-up', host.spec.name, `${group.name} ${how}: the guests' queued I/O drains`);
  }
}
