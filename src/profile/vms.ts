// The `vms:` section. Runs after hosts, since every VM names the host it starts on.
import { CPU_VIRT, FT_KINDS, IO_MODELS, RESTART_PRIORITIES, type FtKind, type HostSpec, type VmSpec } from './types.js';
import { z } from 'zod';
import { closest, num } from './errors.js';
import { familiesThat, traits } from './hypervisors.js';
import { integer, limitOf, name, nonEmpty, oneOf, positive, sharesOf, unit, type Preset } from './values.js';
import { COUNT } from './hosts.js';
import { DISK_SHARES, NET_SHARES } from './io-shares.js';
import { cloneNames, kindLabel, type Kind, type NameBook } from './names.js';
import { MapReader, type Ctx, type Item } from './reader.js';
import { parseDuration, parseFrequency, parseSize } from './units.js';
import { readAppliance } from './appliance.js';
import { readWorkload } from './workload.js';

export const VM_KEYS = [
  'name', 'host', 'vcpus', 'memory', 'guest', 'shares', 'reservation', 'limit', 'mem_shares',
  'mem_reservation', 'mem_limit', 'io', 'net_shares', 'disk_shares', 'cpu_virt', 'restart_priority', 'ft', 'disk_size',
  'appliance', 'introspection', 'workload', 'count',
  'rpo', 'recovery_priority',
] as const;
/** What a template may not carry: it has no host, so no site to replicate from. */
export const VM_ONLY_KEYS = ['host', 'rpo', 'recovery_priority'] as const;

/** CPU share presets per vCPU, as ESXi does it. */
export const CPU_SHARES: Record<Preset, number> = { low: 500, normal: 1000, high: 2000 };
/** Memory share presets per MiB of configured memory, as ESXi does it. */
export const MEM_SHARES: Record<Preset, number> = { low: 5, normal: 10, high: 20 };
export const DEFAULT_VM_MEMORY_MIB = 1024;
export const DEFAULT_GUEST = 'linux';
/** Container and VServer hosts share one kernel; there is no hypervisor to run a VM on. */

const VCPUS = integer(1, 128);
const MEMORY = unit(parseSize, positive('expected a size above 0 like 1GiB'));
const GUEST = nonEmpty('expected a guest OS name like ubuntu-24.04');
const MHZ = unit(parseFrequency);
const MHZ_LIMIT = limitOf(unit(parseFrequency, positive('expected a frequency above 0 like 1000MHz')));
const MIB = unit(parseSize);
/** `ft: true | false | legacy | smp` (true: smp, vSphere 6's fault tolerance) */
const FT = z.union([z.boolean(), z.enum(FT_KINDS)], { error: 'expected true, false, legacy or smp' }) as z.ZodType<boolean | FtKind>;
const DISK_SIZE = unit(parseSize, positive('expected a size above 0 like 16GiB'));
const MIB_LIMIT = limitOf(unit(parseSize, positive('expected a size above 0 like 512MiB')));

export function readVms(ctx: Ctx, items: readonly Item[], names: NameBook, hosts: readonly HostSpec[]): VmSpec[] {
  const vms: VmSpec[] = [];
  for (const item of items) {
    const m = MapReader.open(ctx, item.node, item.at, item.path, VM_KEYS, 'a VM mapping (name, host, vcpus, memory, …)');
    if (!m) continue;
    const spec = readVm(m, names, hosts);
    const base = m.need('name', name);
    const count = m.get('count', COUNT);
    if (base === undefined) continue;
    const clones = cloneNames(base, count);
    names.claim(clones, 'vm', m);
    for (const n of clones) vms.push({ name: n, ...spec, workload: { ...spec.workload } });
  }
  return vms;
}

function readVm(m: MapReader, names: NameBook, hosts: readonly HostSpec[]): Omit<VmSpec, 'name'> {
  const host = readHostRef(m, names, hosts) ?? '';
  return { host, ...readVmBody(m), ...readProtection(m, hosts.find((h) => h.name === host), hosts) };
}

/**
 * vSphere Replication's RPO, 5 min .. 24 h; a lab may scale time down, so from 10 s (the
 * replication model steps every second).
 */
const RPO = unit(parseDuration, { test: (ms) => ms >= 10_000 && ms <= 86_400_000, message: 'expected a duration 10s..24h like 15m' });
/** SRM's priority groups: 1 powers on first, 5 last. */
const RECOVERY_PRIORITY = integer(1, 5);
/** SRM puts a VM in priority group 3 unless told otherwise. */
export const DEFAULT_RECOVERY_PRIORITY = 3;

/**
 * `rpo:` protects the VM: it is replicated to the other site, and a site failure recovers it
 * there; `recovery_priority:` is its group in the recovery plan. The VM's host must be at a site,
 * and the lab must have a second one.
 */
function readProtection(m: MapReader, host: HostSpec | undefined, hosts: readonly HostSpec[]): Pick<VmSpec, 'rpoMs' | 'recoveryPriority'> {
  const rpoMs = m.get('rpo', RPO);
  const priority = m.get('recovery_priority', RECOVERY_PRIORITY);
  if (priority !== undefined && !m.has('rpo')) {
    m.fail('recovery_priority', 'recovery_priority applies to a protected VM: add rpo: (like 15m) to replicate it to the other site', m.keyPos('recovery_priority'));
  }
  if (rpoMs === undefined) return {};
  const sites = [...new Set(hosts.flatMap((h) => (h.site ? [h.site] : [])))];
  if (host && !host.site) {
    m.fail('rpo', `rpo needs a site to replicate from: host "${host.name}" has no site: (give the hosts site: NAME, two sites in all)`, m.keyPos('rpo'));
    return {};
  }
  if (host && sites.length < 2) {
    m.fail('rpo', `rpo replicates to another site, and the hosts name one (${sites.join('')}): give the recovery site's hosts site: NAME`, m.keyPos('rpo'));
    return {};
  }
  return { rpoMs, recoveryPriority: priority ?? DEFAULT_RECOVERY_PRIORITY };
}

/** Everything of a VM but its name and host: what a template gives the VMs deployed from it. */
export function readVmBody(m: MapReader): Omit<VmSpec, 'name' | 'host'> {
  const vcpus = m.get('vcpus', VCPUS) ?? (m.valid('vcpus') ? 1 : undefined);
  const memoryMiB = m.get('memory', MEMORY) ?? (m.valid('memory') ? DEFAULT_VM_MEMORY_MIB : undefined);
  const reservationMHz = m.get('reservation', MHZ) ?? 0;
  const limitMHz = m.get('limit', MHZ_LIMIT) ?? null;
  checkOrder(m, 'reservation', reservationMHz, 'limit', limitMHz, 'MHz');
  const memReservationMiB = m.get('mem_reservation', MIB) ?? 0;
  const memLimitMiB = m.get('mem_limit', MIB_LIMIT) ?? null;
  checkOrder(m, 'mem_reservation', memReservationMiB, 'mem_limit', memLimitMiB, 'MiB');
  if (memoryMiB !== undefined && m.valid('mem_reservation') && memReservationMiB > memoryMiB) {
    m.fail('mem_reservation', `mem_reservation (${num(memReservationMiB)} MiB) must be <= memory (${num(memoryMiB)} MiB)`);
  }
  const shares = m.get('shares', sharesOf(1_000_000)) ?? 'normal';
  const memShares = m.get('mem_shares', sharesOf(1_000_000_000)) ?? 'normal';
  const diskSizeMiB = m.get('disk_size', DISK_SIZE);
  return {
    vcpus: vcpus ?? 1,
    memoryMiB: memoryMiB ?? DEFAULT_VM_MEMORY_MIB,
    guest: m.get('guest', GUEST) ?? DEFAULT_GUEST,
    shares: typeof shares === 'number' ? shares : CPU_SHARES[shares] * (vcpus ?? 1),
    reservationMHz,
    limitMHz,
    memShares: typeof memShares === 'number' ? memShares : Math.round(MEM_SHARES[memShares] * (memoryMiB ?? 0)),
    memReservationMiB,
    memLimitMiB,
    io: m.get('io', oneOf(IO_MODELS)) ?? 'paravirtual',
    netShares: preset(m.get('net_shares', sharesOf(100)) ?? 'normal', NET_SHARES),
    diskShares: preset(m.get('disk_shares', sharesOf(4000)) ?? 'normal', DISK_SHARES),
    cpuVirt: m.get('cpu_virt', oneOf(CPU_VIRT)) ?? 'hardware',
    restartPriority: m.get('restart_priority', oneOf(RESTART_PRIORITIES)) ?? 'medium',
    ft: m.get('ft', FT) ?? false,
    ...(diskSizeMiB === undefined ? {} : { diskSizeMiB }),
    ...readAppliance(m),
    workload: readWorkload(m, vcpus, memoryMiB),
  };
}

/** I/O shares are per device, not per vCPU or MiB: a preset is a fixed number. */
function preset(v: Preset | number, table: Record<Preset, number>): number {
  return typeof v === 'number' ? v : table[v];
}

/** A reservation above its limit could never be honoured. */
function checkOrder(m: MapReader, lowKey: string, low: number, highKey: string, high: number | null, u: string): void {
  if (high === null || !m.valid(lowKey, highKey) || low <= high) return;
  m.fail(lowKey, `${lowKey} (${num(low)} ${u}) must be <= ${highKey} (${num(high)} ${u})`);
}

function readHostRef(m: MapReader, names: NameBook, hosts: readonly HostSpec[]): string | undefined {
  const ref = m.need('host', name);
  if (ref === undefined) return undefined;
  const host = hosts.find((h) => h.name === ref);
  if (host && !traits(host.hypervisor).runsVms) {
    m.fail('host', `host "${ref}" is a ${host.hypervisor} host and cannot run VMs (VM hosts: ${familiesThat('runsVms').join(', ')})`);
  } else if (!host) {
    m.fail('host', unknownName('host', ref, names));
  }
  return ref;
}

/** `unknown host "esx"; did you mean "esx-1"? (hosts: esx-1, esx-2)`, or the kind it really is. */
export function unknownName(kind: Kind, ref: string, names: NameBook): string {
  const actual = names.kindOf(ref);
  const label = kindLabel(kind);
  if (actual) return `"${ref}" is a ${kindLabel(actual)}, not a ${label} ${names.listing(kind)}`;
  const hit = closest(ref, names.all(kind));
  const hint = hit === undefined ? '' : `; did you mean "${hit}"?`;
  return `unknown ${label} "${ref}"${hint} ${names.listing(kind)}`;
}
