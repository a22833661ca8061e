// Security virtual appliances: a VM on a host (`appliance: sva`) that watches the host's other
// VMs through the hypervisor instead of an agent in each guest (VMsafe, vShield Endpoint, NSX
// Guest Introspection). Watching costs it CPU and memory per VM watched, charged as a standing
// load on its own row, and a watched VM whose transmit rate jumps above its rule is reported.
// Stepped once a simulated second; pure and deterministic (docs/model/appliances.md).

import type { IntrospectionSpec } from '../../profile/types.js';
import type { GroupRuntime, HostRuntime } from '../runtime.js';
import type { ApplianceSample, VmSample } from '../snapshot.js';

/** The appliance looks at the VMs it watches once a second [assumption]. */
export const SVA_STEP_MS = 1000;
/**
 * A watched VM's normal transmit rate: an exponential average over this time constant, s; the rule
 * is applied only once the appliance has watched the VM that long (it learns first) [assumption].
 */
export const BASELINE_TAU_S = 60;

type Emit = (tMs: number, kind: string, target: string, detail: string) => void;

/** What the appliance keeps about one VM it watches. */
interface Watch {
  /** the VM's cumulative transmitted Mbit and when it was read */
  txMbit: number;
  atMs: number;
  /** its normal transmit rate, Mbit/s; NaN until a second has been seen */
  baseline: number;
  /** above the rule now: reported once until it falls back */
  alarmed: boolean;
  /** since when it is watched, ms: the baseline is learned for BASELINE_TAU_S before the rule applies */
  sinceMs: number;
}

interface Appliance {
  watches: Map<GroupRuntime, Watch>;
  /** the names watched at the last step, to report changes */
  watching: string[];
  alerts: number;
}

const round = (x: number) => Math.round(x);

export class SecurityAppliances {
  private readonly state = new Map<GroupRuntime, Appliance>();

  constructor(private readonly hosts: readonly HostRuntime[], private readonly emit: Emit) {}

  /** Every SVA_STEP_MS: each running appliance's cost for the VMs it watches now, and its rule. */
  step(tMs: number): void {
    for (const host of this.hosts) {
      if (host.state !== 'up') continue;
      for (const g of host.groups) {
        const rule = g.spec?.appliance === 'sva' ? g.spec.introspection : undefined;
        if (rule) this.watch(tMs, host, g, rule);
      }
    }
  }

  private watch(tMs: number, host: HostRuntime, sva: GroupRuntime, rule: IntrospectionSpec): void {
    let a = this.state.get(sva);
    if (!a) this.state.set(sva, (a = { watches: new Map(), watching: [], alerts: 0 }));
    const on = sva.state === 'running' || sva.state === 'migrating';
    const watched = on ? host.groups.filter((v) => v !== sva && watchable(v)) : [];
    // the cost: per VM watched, CPU spread over the appliance's busy threads and memory it keeps in use
    const threads = Math.max(1, Math.min(sva.vcpus, sva.workload.spec.threads || sva.vcpus));
    const cpu = Math.min(1, (watched.length * rule.cpuPerVm) / threads);
    sva.workload.setStanding(cpu, threads, watched.length * rule.memoryPerVmMiB);
    sva.memory?.setExtraActive(sva.workload.extraActiveMiB());
    const names = watched.map((v) => v.name);
    if (on && names.join() !== a.watching.join()) {
      this.emit(tMs, 'sva-watch', sva.name, `watches ${names.length} VM${names.length === 1 ? '' : 's'} on ${host.spec.name}` +
        `${names.length ? ` (${names.join(', ')})` : ''}: ${round(cpu * threads * 100)} % of a vCPU and ${round(watched.length * rule.memoryPerVmMiB)} MiB for introspection`);
    }
    a.watching = names;
    for (const v of [...a.watches.keys()]) if (!watched.includes(v)) a.watches.delete(v);
    for (const v of watched) this.rule(tMs, host, sva, a, v, rule);
  }

  /** A watched VM's transmit rate over the last step against its baseline: a burst is reported once. */
  private rule(tMs: number, host: HostRuntime, sva: GroupRuntime, a: Appliance, v: GroupRuntime, rule: IntrospectionSpec): void {
    const tx = host.io.counters.tx[host.groups.indexOf(v)];
    const w = a.watches.get(v);
    if (!w) {
      a.watches.set(v, { txMbit: tx, atMs: tMs, baseline: NaN, alarmed: false, sinceMs: tMs });
      return;
    }
    const dtS = (tMs - w.atMs) / 1000;
    if (!(dtS > 0)) return;
    const rate = Math.max(0, tx - w.txMbit) / dtS;
    w.txMbit = tx;
    w.atMs = tMs;
    if (Number.isNaN(w.baseline)) {
      w.baseline = rate;
      return;
    }
    const limit = Math.max(rule.netBurst * w.baseline, rule.netBurstMinMbit);
    const learned = tMs - w.sinceMs >= BASELINE_TAU_S * 1000;
    // reported when it crosses the rule; a burst under way while the baseline is still learned is not
    if (rate > limit && !w.alarmed && learned) {
      a.alerts++;
      const times = w.baseline > 0 ? `${(rate / w.baseline).toFixed(1)}x its baseline of ${round(w.baseline)} Mbit/s` : 'from silence';
      this.emit(tMs, 'sva-alert', v.name, `${sva.name} (introspection): a network burst, ${round(rate)} Mbit/s sent, ${times} ` +
        `(rule: above ${rule.netBurst}x its baseline and ${round(rule.netBurstMinMbit)} Mbit/s)`);
    }
    w.alarmed = rate > limit;
    w.baseline += (rate - w.baseline) * Math.min(1, dtS / BASELINE_TAU_S);
  }

  /** The appliances' rows: what they watch and what it costs them, their alerts so far. */
  annotate(vms: VmSample[]): void {
    for (const host of this.hosts) {
      for (const g of host.groups) {
        const role = g.spec?.appliance;
        if (!role) continue;
        const row = vms.find((v) => v.gid === g.gid);
        if (!row) continue;
        const a = this.state.get(g);
        const rule = g.spec?.introspection;
        const watching = a?.watching ?? [];
        row.appliance = {
          role,
          watching: [...watching],
          introspectionCpu: rule ? watching.length * rule.cpuPerVm * 100 : 0,
          introspectionMiB: rule ? watching.length * rule.memoryPerVmMiB : 0,
          alerts: a?.alerts ?? 0,
        } satisfies ApplianceSample;
      }
    }
  }
}

/** A VM an appliance watches: a running guest, not another appliance's introspection, not an FT secondary. */
function watchable(v: GroupRuntime): boolean {
  return v.kind === 'vm' && v.spec?.appliance !== 'sva' && v.ftOf === undefined && (v.state === 'running' || v.state === 'migrating');
}
