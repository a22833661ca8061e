// The `cluster:` settings a profile does not give. Defaults: DRS off, threshold 3 (vSphere's
// default), HA on with the slot policy tolerating one host failure, 25 % reserved under the
// percentage policy [assumption], DPM off, migrations may use half a NIC, QEMU's 300 ms downtime
// goal, and HA's 15 s failure detection (docs/model/cluster.md, "Pre-copy rounds" and "HA"). The
// engine uses them for migrations in a profile without a cluster section too.
import type { ClusterSpec } from './types.js';

export const DEFAULT_CLUSTER: Readonly<ClusterSpec> = Object.freeze({
  drs: 'off', drsThreshold: 3, ha: true, admission: 'slots', failuresTolerated: 1, failoverReserve: 0.25,
  dpm: 'off', vmotionShare: 0.5, downtimeMs: 300, nonConvergence: 'stop_and_copy', haDetectionMs: 15_000,
});
