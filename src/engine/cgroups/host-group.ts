// The containers on a host's own kernel as one group of the host's CPU scheduler.

import { traits } from '../../profile/hypervisors.js';
import type { HostSpec, Profile } from '../../profile/types.js';
import type { CpuGroupConfig } from '../cpu/cpu-state.js';

/**
 * One lane per pCPU, independent threads (no co-scheduling). Against VMs on a KVM host the group
 * weighs like a VM as wide as the host at normal shares [assumption]; inside it, cpu.weight
 * divides among the containers. Containers come and go (scale, restore), so every host that could
 * run them gets the group once the profile has any containers — and no other host does, so a
 * profile without containers schedules exactly as before.
 */
export function containerGroupConfig(profile: Profile, host: HostSpec): CpuGroupConfig | null {
  if (profile.containers.length === 0 || !traits(host.hypervisor).runsContainers) return null;
  return { vcpus: host.pcpus, shares: 1000 * host.pcpus, reservationMHz: 0, limitMHz: null, overhead: 0, gang: false };
}
