// Small clusters built in code for the cluster tests.
import { DEFAULT_CLUSTER } from '../../../src/profile/cluster-defaults.js';
import type { ClusterSpec, HostSpec, Profile, VmSpec } from '../../../src/profile/types.js';
import { Engine } from '../../../src/engine/engine.js';
import type { Snapshot } from '../../../src/engine/snapshot.js';
import { host, profile, vm } from '../../helpers/profile.js';

export { host, vm, profile };

export function cluster(over: Partial<ClusterSpec> = {}): ClusterSpec {
  return { ...DEFAULT_CLUSTER, ...over };
}

export function lab(hosts: HostSpec[], vms: VmSpec[], c: Partial<ClusterSpec> | null = {}, over: Partial<Profile> = {}): Profile {
  return profile(hosts, vms, { ...(c ? { cluster: cluster(c) } : {}), ...over });
}

/** Run in steps of `stepMs`, sampling each, until `untilMs`; returns every sample. */
export function run(e: Engine, untilMs: number, stepMs = 1000): Snapshot[] {
  const out: Snapshot[] = [];
  while (e.timeMs < untilMs - 1e-9) {
    e.advance(stepMs);
    out.push(e.sample());
  }
  return out;
}

export function events(samples: readonly Snapshot[], kind?: string) {
  return samples.flatMap((s) => s.events).filter((e) => kind === undefined || e.kind === kind);
}
