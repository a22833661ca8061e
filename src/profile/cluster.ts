// The `cluster:` section: one cluster of all hosts, with its services (DRS, HA with admission
// control, DPM) and the migration settings (docs/model/cluster.md).
import { ADMISSION_POLICIES, DRS_MODES, NONCONVERGENCE, type ClusterSpec } from './types.js';
import { atMost, bool, integer, oneOf, positive, unit } from './values.js';
import { DEFAULT_CLUSTER } from './cluster-defaults.js';
import { MapReader, type Ctx } from './reader.js';
import { parseDuration, parseFraction } from './units.js';

export const CLUSTER_KEYS = [
  'drs', 'drs_threshold', 'ha', 'admission', 'failures_tolerated', 'failover_reserve', 'dpm',
  'vmotion_share', 'downtime', 'nonconvergence', 'ha_detection',
] as const;


const SHARE = unit(parseFraction, { test: (x) => x > 0 && x <= 1, message: 'expected a percentage above 0% up to 100%' });
const RESERVE = unit(parseFraction, atMost(1, 'expected a percentage 0%..100%'));
const DURATION = unit(parseDuration, positive('expected a duration above 0 like 300ms'));

export function readCluster(ctx: Ctx, top: MapReader): ClusterSpec | null {
  if (!top.has('cluster')) return null;
  const what = 'a mapping like { drs: auto, ha: true, admission: slots, vmotion_share: 50% }';
  const m = MapReader.open(ctx, top.node('cluster'), top.pos('cluster'), top.sub('cluster'), CLUSTER_KEYS, what);
  if (!m) return null;
  const d = DEFAULT_CLUSTER;
  return {
    drs: m.get('drs', oneOf(DRS_MODES)) ?? d.drs,
    drsThreshold: m.get('drs_threshold', integer(1, 5)) ?? d.drsThreshold,
    ha: m.get('ha', bool) ?? d.ha,
    admission: m.get('admission', oneOf(ADMISSION_POLICIES)) ?? d.admission,
    failuresTolerated: m.get('failures_tolerated', integer(0, 31)) ?? d.failuresTolerated,
    failoverReserve: m.get('failover_reserve', RESERVE) ?? d.failoverReserve,
    dpm: m.get('dpm', oneOf(['off', 'auto'])) ?? d.dpm,
    vmotionShare: m.get('vmotion_share', SHARE) ?? d.vmotionShare,
    downtimeMs: m.get('downtime', DURATION) ?? d.downtimeMs,
    nonConvergence: m.get('nonconvergence', oneOf(NONCONVERGENCE)) ?? d.nonConvergence,
    haDetectionMs: m.get('ha_detection', DURATION) ?? d.haDetectionMs,
  };
}
