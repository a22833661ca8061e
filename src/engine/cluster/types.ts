// The cluster part of a snapshot: what the hosts view (`o`) shows.
import type { AdmissionPolicy, DrsMode } from '../../profile/types.js';
import type { HostState } from '../snapshot.js';
import type { Recommendation } from './drs.js';
import type { FtInfo } from './ft.js';
import type { DownVm } from './ha.js';
import type { MigrationInfo } from './migration.js';
import type { RelocationInfo } from './storage-migration.js';
import type { StorageDrsInfo } from './storage-drs.js';
import type { SiteRecoveryInfo } from './site-recovery.js';

export type { Recommendation } from './drs.js';
export type { FtInfo } from './ft.js';
export type { DownVm } from './ha.js';
export type { MigrationInfo } from './migration.js';
export type { RelocationInfo } from './storage-migration.js';
export type { DatastoreInfo, StorageDrsInfo, StorageRecommendation } from './storage-drs.js';
export type { PlanInfo, RecoveryState, SiteInfo, SiteRecoveryInfo } from './site-recovery.js';

export interface ClusterHost {
  name: string;
  state: HostState;
  /** CPU demand of its VMs over its capacity, 0..1 (the DRS host load) */
  cpuLoad: number;
  /** memory in use over its size, 0..1 */
  memUsed: number;
  /**
   * memory demand of its VMs (active, a quarter of idle consumed, overhead) over its memory for
   * VMs (the DRS memory load; above 1 when they want more than it has)
   */
  memLoad: number;
  runningVms: number;
  /** every VM registered on it, whatever its state */
  vms: string[];
  /** DPM is moving its VMs off to put it in standby */
  draining: boolean;
}

export interface ClusterSample {
  /** the profile has a `cluster:` section (HA, DRS, DPM run) */
  enabled: boolean;
  drs: DrsMode;
  drsThreshold: number;
  ha: boolean;
  admission: AdmissionPolicy;
  dpm: 'off' | 'auto';
  vmotionShare: number;
  hosts: ClusterHost[];
  /**
   * the larger of the CPU and memory imbalances (standard deviations of the up hosts' loads,
   * LoadImbalanceMetric), and what the threshold tolerates
   */
  imbalance: number;
  cpuImbalance: number;
  memImbalance: number;
  targetImbalance: number;
  /** the priority a load-balancing move would have now (6: none) */
  priority: number;
  /** DRS's last proposals (manual mode: for the user to apply with a migrate) */
  recommendations: Recommendation[];
  migrations: MigrationInfo[];
  /** Storage vMotions in flight: disks moving to another host's datastore */
  relocations: RelocationInfo[];
  ft: FtInfo[];
  /** VMs down: waiting for HA, or left down with the reason */
  down: DownVm[];
  /** the datastore cluster under Storage DRS: each member's space and latency, the proposals */
  storageDrs?: StorageDrsInfo;
  /** the sites, their replicas' ages, and the recovery plan after a site failed */
  siteRecovery?: SiteRecoveryInfo;
  /** running VMs per powered-on host */
  consolidation: number;
  runningVms: number;
  hostsOn: number;
  /** host failures the cluster tolerates (slot policy), and the unreserved shares (percentage policy) */
  failoverCapacity: number;
  failoverPercent: { cpu: number; mem: number };
}
