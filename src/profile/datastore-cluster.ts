// The `datastore_cluster:` section: the datastores Storage DRS balances by space and I/O latency,
// with vSphere's defaults (80 % space, 15 ms latency, a 5 % difference between source and
// destination). Every host's `disk:` is a datastore named after its host; the members default to
// every VM host's.
import { isScalar } from 'yaml';
import { SDRS_MODES, type DatastoreClusterSpec, type HostSpec } from './types.js';
import { didYouMean } from './errors.js';
import { bool, oneOf, unit } from './values.js';
import { traits } from './hypervisors.js';
import { listItems, MapReader, type Ctx } from './reader.js';
import { parseDuration, parseFraction } from './units.js';

export const DATASTORE_CLUSTER_KEYS = [
  'sdrs', 'datastores', 'space_threshold', 'latency_threshold', 'space_difference', 'interval', 'io_metric',
] as const;

/**
 * vSphere's defaults (StorageDrsSpaceLoadBalanceConfig, StorageDrsIoLoadBalanceConfig), but the
 * interval: vSphere runs Storage DRS every 8 hours (loadBalanceInterval 480 min) and judges
 * latency over a day; a lab that shows it in minutes runs it every 5 min [assumption].
 */
export const DEFAULT_DATASTORE_CLUSTER: Readonly<Omit<DatastoreClusterSpec, 'datastores'>> = Object.freeze({
  sdrs: 'manual', spaceThreshold: 0.8, latencyThresholdMs: 15, spaceDifference: 0.05, intervalMs: 300_000, ioMetric: true,
});

/** vSphere's ranges: space 50..100 %, latency 5..100 ms, difference 1..50 %. */
const SPACE = unit(parseFraction, { test: (x) => x >= 0.5 && x <= 1, message: 'expected a percentage 50%..100%' });
const LATENCY = unit(parseDuration, { test: (ms) => ms >= 5 && ms <= 100, message: 'expected a latency 5ms..100ms' });
const DIFFERENCE = unit(parseFraction, { test: (x) => x >= 0.01 && x <= 0.5, message: 'expected a percentage 1%..50%' });
/** From a lab's 10 s to vSphere's longest, 30 days (43200 min). */
const INTERVAL = unit(parseDuration, { test: (ms) => ms >= 10_000 && ms <= 43_200 * 60_000, message: 'expected a duration 10s..30d like 5m or 8h' });

export function readDatastoreCluster(ctx: Ctx, top: MapReader, hosts: readonly HostSpec[]): DatastoreClusterSpec | null {
  if (!top.has('datastore_cluster')) return null;
  const what = 'a mapping like { sdrs: manual, space_threshold: 80%, latency_threshold: 15ms }';
  const m = MapReader.open(ctx, top.node('datastore_cluster'), top.pos('datastore_cluster'), top.sub('datastore_cluster'), DATASTORE_CLUSTER_KEYS, what);
  if (!m) return null;
  const d = DEFAULT_DATASTORE_CLUSTER;
  const vmHosts = hosts.filter((h) => traits(h.hypervisor).runsVms).map((h) => h.name);
  const { members: datastores, bad } = m.has('datastores') ? readMembers(ctx, m, hosts, vmHosts) : { members: vmHosts, bad: false };
  if (!bad && m.valid('datastores') && datastores.length < 2) {
    const at = m.has('datastores') ? m.pos('datastores') : m.at;
    m.fail('datastores', `a datastore cluster balances two datastores or more; ${datastores.length === 1 ? `only ${datastores[0]}'s is` : 'none is'} a member` +
      `${m.has('datastores') ? '' : ' (every VM host\'s datastore, by default)'}`, at);
  }
  return {
    sdrs: m.get('sdrs', oneOf(SDRS_MODES)) ?? d.sdrs,
    datastores,
    spaceThreshold: m.get('space_threshold', SPACE) ?? d.spaceThreshold,
    latencyThresholdMs: m.get('latency_threshold', LATENCY) ?? d.latencyThresholdMs,
    spaceDifference: m.get('space_difference', DIFFERENCE) ?? d.spaceDifference,
    intervalMs: m.get('interval', INTERVAL) ?? d.intervalMs,
    ioMetric: m.get('io_metric', bool) ?? d.ioMetric,
  };
}

/** `datastores: [esx-a, esx-b]`: hosts that run VMs, each once; `bad` when an entry was not one. */
function readMembers(ctx: Ctx, m: MapReader, hosts: readonly HostSpec[], vmHosts: readonly string[]): { members: string[]; bad: boolean } {
  const out: string[] = [];
  let bad = false;
  for (const item of listItems(ctx, m, 'datastores', 'hosts whose datastores are members')) {
    const raw = isScalar(item.node) ? item.node.value : undefined;
    const host = hosts.find((h) => h.name === raw);
    if (typeof raw !== 'string') ctx.report(item.at, item.path, 'expected a host\'s name (its datastore is a member)');
    else if (!host) ctx.report(item.at, item.path, `unknown host "${raw}"${didYouMean(raw, vmHosts)} (hosts: ${vmHosts.join(', ')})`);
    else if (!vmHosts.includes(raw)) ctx.report(item.at, item.path, `${raw} is a ${host.hypervisor} host: its disk holds no VM datastore`);
    else if (out.includes(raw)) ctx.report(item.at, item.path, `${raw} is listed twice`);
    else {
      out.push(raw);
      continue;
    }
    bad = true;
  }
  return { members: out, bad };
}
