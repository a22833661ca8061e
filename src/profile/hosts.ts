// The `hosts:` section.
import { isScalar } from 'yaml';
import { HYPERVISORS, NIC_OFFLOADS, TPS_MODES, type DiskSpec, type HostSpec, type Hypervisor, type NicOffload, type ServiceConsoleSpec } from './types.js';
import { num } from './errors.js';
import { familiesThat, traits } from './hypervisors.js';
import { atMost, bool, integer, name, oneOf, positive, unit } from './values.js';
import { cloneNames, type NameBook } from './names.js';
import { listItems, MapReader, type Ctx, type Item } from './reader.js';
import { parseBitRate, parseByteRate, parseDuration, parseFraction, parseFrequency, parseSize } from './units.js';

export const HOST_KEYS = [
  'name', 'hypervisor', 'coscheduling', 'pcpus', 'mhz', 'memory', 'reserved', 'nic', 'disk', 'hz',
  'host_os_load', 'tps', 'share_scan_time', 'nic_offload', 'ioat', 'clock', 'console_memory', 'console_load', 'site', 'count',
] as const;
const DISK_KEYS = ['iops', 'bandwidth', 'latency', 'capacity'] as const;

export const DEFAULT_DISK: DiskSpec = { iops: 20000, bandwidthMiBs: 1000, latencyMs: 0.5 };
export const DEFAULT_MHZ = 2000;
export const DEFAULT_NIC_MBIT = 10000;
export const DEFAULT_HZ = 1000;
/** A desktop under VirtualBox is never idle: browsers, indexers and the like. */
export const DEFAULT_VBOX_HOST_OS_LOAD = 0.15;
/** ESX 3.x's default service console memory, and the most it can be given (VMware KB 1016239). */
export const DEFAULT_CONSOLE_MIB = 272;
const CONSOLE_MIB_MIN = 272;
const CONSOLE_MIB_MAX = 800;
/** hostd, vpxa, the HA agent and the hardware agents in the console: a few % of its CPU [assumption] */
export const DEFAULT_CONSOLE_LOAD = 0.05;

export const COUNT = integer(1, 1000);
const PCPUS = integer(1, 1024);
const MHZ = unit((v) => parseFrequency(v, { bare: true }), positive('expected a frequency above 0'));
const MEMORY = unit(parseSize, positive('expected a size above 0 like 8GiB'));
const RESERVED = unit(parseSize);
const NIC = unit(parseBitRate, positive('expected a rate above 0 like 10Gbit'));
const HZ = integer(1, 100000);
const OS_LOAD = unit(parseFraction, atMost(1, 'expected a percentage 0%..100%'));
const DISK_IOPS = integer(1, 100_000_000);
const DISK_BANDWIDTH = unit(parseByteRate, positive('expected a rate above 0 like 1000MiB/s'));
const DISK_LATENCY = unit(parseDuration);
/** esxtop's %A/MPERF: P-states and C1E clock a pCPU below nominal, turbo above (its 6.5 docs show 130%) */
const CLOCK = unit(parseFraction, { test: (n) => n > 0 && n <= 2, message: 'expected a percentage above 0% and at most 200% (the actual clock against nominal)' });
const DISK_CAPACITY = unit(parseSize, positive('expected a size above 0 like 2TiB'));
const SCAN_TIME = unit(parseDuration, positive('expected a duration above 0 like 60m'));
const CONSOLE_MEMORY = unit(parseSize, {
  test: (v) => v >= CONSOLE_MIB_MIN && v <= CONSOLE_MIB_MAX,
  message: `expected ${CONSOLE_MIB_MIN}MiB..${CONSOLE_MIB_MAX}MiB (ESX gives its service console 272 to 800 MB)`,
});

export function readHosts(ctx: Ctx, items: readonly Item[], names: NameBook): HostSpec[] {
  const hosts: HostSpec[] = [];
  const entries: { m: MapReader; hypervisor: Hypervisor; site?: string }[] = [];
  for (const item of items) {
    const m = MapReader.open(ctx, item.node, item.at, item.path, HOST_KEYS, 'a host mapping (name, hypervisor, pcpus, memory, …)');
    if (!m) continue;
    const spec = readHost(m);
    const base = m.need('name', name);
    const count = m.get('count', COUNT);
    // a site is named by each of its hosts: the first claims the name, the others share it
    const site = m.get('site', name);
    if (site !== undefined) names.claim([site], 'site', m, 'site');
    if (base === undefined) continue;
    const clones = cloneNames(base, count);
    names.claim(clones, 'host', m);
    const at = site !== undefined && m.valid('site') ? { site } : {};
    for (const n of clones) hosts.push({ name: n, ...spec, disk: { ...spec.disk }, ...at });
    entries.push({ m, hypervisor: spec.hypervisor, ...at });
  }
  checkSites(entries);
  return hosts;
}

/**
 * Site Recovery pairs two sites (a protected site and its recovery site, each the other's), and
 * a VM host outside both would belong to neither's HA, DRS or recovery plan: once one host names
 * a site, every host that runs VMs names one of two.
 */
function checkSites(entries: readonly { m: MapReader; hypervisor: Hypervisor; site?: string }[]): void {
  const sites: string[] = [];
  for (const e of entries) {
    if (e.site === undefined || sites.includes(e.site)) continue;
    if (sites.length === 2) e.m.fail('site', `Site Recovery pairs two sites, and the hosts already name ${sites[0]} and ${sites[1]}`);
    else sites.push(e.site);
  }
  if (sites.length === 0) return;
  for (const e of entries) {
    if (e.site !== undefined || !e.m.valid('site') || !traits(e.hypervisor).runsVms) continue;
    e.m.fail('site', `missing key "site": the other hosts are at sites (${sites.join(', ')}), so every VM host names one`, e.m.at);
  }
}

function readHost(m: MapReader): Omit<HostSpec, 'name'> {
  const hypervisor = m.need('hypervisor', oneOf(HYPERVISORS));
  const memoryMiB = m.need('memory', MEMORY);
  const reserved = m.get('reserved', RESERVED);
  const console = readConsole(m, hypervisor);
  // classic ESX keeps its service console's memory beside the VMkernel's
  const reservedMiB = (reserved ?? traits(hypervisor ?? 'esxi').reservedMiB) + (console?.memoryMiB ?? 0);
  if (memoryMiB !== undefined && m.valid('reserved', 'hypervisor', 'console_memory') && reservedMiB >= memoryMiB) {
    const at = m.has('reserved') ? m.pos('reserved') : m.pos('memory');
    const why = m.has('reserved') ? '' : ` (the ${hypervisor} default; set reserved: to change it)`;
    const cos = console ? ` with the service console's ${num(console.memoryMiB)} MiB` : '';
    m.fail('reserved', `reserved (${num(reservedMiB)} MiB${cos}) must be < memory (${num(memoryMiB)} MiB)${why}`, at);
  }
  const coscheduling = m.get('coscheduling', oneOf(['relaxed', 'strict']));
  if (coscheduling !== undefined && hypervisor !== undefined && !traits(hypervisor).coschedules && m.valid('hypervisor')) {
    m.fail('coscheduling', `coscheduling applies to ESXi hosts only: ${hypervisor} schedules each vCPU on its own`, m.keyPos('coscheduling'));
  }
  return {
    hypervisor: hypervisor ?? 'esxi',
    coscheduling: coscheduling ?? 'relaxed',
    pcpus: m.need('pcpus', PCPUS) ?? 1,
    mhz: m.get('mhz', MHZ) ?? DEFAULT_MHZ,
    memoryMiB: memoryMiB ?? 0,
    reservedMiB,
    nicMbit: m.get('nic', NIC) ?? DEFAULT_NIC_MBIT,
    disk: readDisk(m),
    hz: m.get('hz', HZ) ?? DEFAULT_HZ,
    hostOsLoad: readHostOsLoad(m, hypervisor),
    ...(m.has('tps') ? { tps: m.get('tps', oneOf(TPS_MODES)) } : {}),
    ...(m.has('nic_offload') ? { nicOffload: readOffloads(m) } : {}),
    ...(m.has('ioat') ? { ioat: m.get('ioat', bool) ?? false } : {}),
    ...(m.has('clock') ? { clock: m.get('clock', CLOCK) ?? 1 } : {}),
    ...(m.has('share_scan_time') ? { shareScanTimeS: (m.get('share_scan_time', SCAN_TIME) ?? 3_600_000) / 1000 } : {}),
    ...(console ? { console } : {}),
  };
}

/** Classic ESX's service console (its memory and its agents' CPU); the keys on another family are errors. */
function readConsole(m: MapReader, hypervisor: Hypervisor | undefined): ServiceConsoleSpec | undefined {
  const memoryMiB = m.get('console_memory', CONSOLE_MEMORY);
  const load = m.get('console_load', OS_LOAD);
  if (hypervisor === undefined) return undefined;
  if (traits(hypervisor).serviceConsole) {
    return { memoryMiB: memoryMiB ?? DEFAULT_CONSOLE_MIB, load: load ?? DEFAULT_CONSOLE_LOAD };
  }
  for (const key of ['console_memory', 'console_load']) {
    if (!m.has(key)) continue;
    const ours = familiesThat('serviceConsole').join(', ');
    m.fail(key, `${key} applies only to ${ours} hosts, whose service console it sizes (${hypervisor} has none)`, m.keyPos(key));
  }
  return undefined;
}

/** `nic_offload: [tso, lro, toe]`: what the uplink NIC does in place of the host's CPU. */
function readOffloads(m: MapReader): NicOffload[] {
  const got: NicOffload[] = [];
  for (const item of listItems(m.ctx, m, 'nic_offload', 'NIC offloads like tso')) {
    const raw = isScalar(item.node) ? item.node.value : undefined;
    const o = NIC_OFFLOADS.find((x) => x === raw);
    if (o) {
      if (!got.includes(o)) got.push(o);
    } else m.ctx.report(item.at, item.path, `expected a NIC offload: ${NIC_OFFLOADS.join(', ')}`);
  }
  return got;
}

function readDisk(host: MapReader): DiskSpec {
  if (!host.has('disk')) return { ...DEFAULT_DISK };
  const what = 'a mapping like { iops: 20000, bandwidth: 1000MiB/s, latency: 0.5ms, capacity: 2TiB }';
  const m = MapReader.open(host.ctx, host.node('disk'), host.pos('disk'), host.sub('disk'), DISK_KEYS, what);
  if (!m) return { ...DEFAULT_DISK };
  const capacityMiB = m.get('capacity', DISK_CAPACITY);
  return {
    iops: m.get('iops', DISK_IOPS) ?? DEFAULT_DISK.iops,
    bandwidthMiBs: m.get('bandwidth', DISK_BANDWIDTH) ?? DEFAULT_DISK.bandwidthMiBs,
    latencyMs: m.get('latency', DISK_LATENCY) ?? DEFAULT_DISK.latencyMs,
    ...(capacityMiB === undefined ? {} : { capacityMiB }),
  };
}

/** Only a type-2 host has a host OS of its own competing for the CPUs. */
function readHostOsLoad(m: MapReader, hypervisor: Hypervisor | undefined): number {
  const load = m.get('host_os_load', OS_LOAD);
  if (hypervisor !== undefined && traits(hypervisor).hostOs) return load ?? DEFAULT_VBOX_HOST_OS_LOAD;
  if (m.has('host_os_load') && hypervisor !== undefined) {
    const ours = familiesThat('hostOs').join(', ');
    m.fail('host_os_load', `host_os_load applies only to ${ours} hosts (this one is ${hypervisor})`, m.keyPos('host_os_load'));
  }
  return 0;
}
