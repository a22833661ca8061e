// Shared by the I/O tests: run a lab, discard a warm-up, and return the next sample by name.
import type { Snapshot, VmSample } from '../../../src/engine/snapshot.js';
import type { Profile } from '../../../src/profile/types.js';
import { sampleAfter, vmsByName } from '../../helpers/profile.js';

export function measure(p: Profile, warmMs = 3000, ms = 10000): { vms: Map<string, VmSample>; snap: Snapshot } {
  const snap = sampleAfter(p, warmMs, ms);
  return { vms: vmsByName(snap), snap };
}
