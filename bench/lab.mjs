// Synthetic labs of a given size for the benchmark: hosts of 16 pCPUs, 2- and 4-vCPU VMs with
// mixed patterns, about 1.5x CPU overcommit so the contended (sorting) path runs.
/** `memoryPressure`: hosts hold 1.6x their memory in working sets, so balloon, zip and swap all run. */
export function benchProfile(totalVcpus, memoryPressure = false) {
  const hosts = [];
  const vms = [];
  const pcpus = totalVcpus <= 16 ? 4 : 16;
  const perHost = Math.round(pcpus * 1.5 / 0.75); // vCPUs per host at ~75% demand each
  let h = -1;
  let onHost = perHost;
  let n = 0;
  const patterns = ['steady', 'sine', 'bursty', 'steady'];
  for (let i = 0; n < totalVcpus; i++) {
    if (onHost >= perHost) {
      h++;
      onHost = 0;
      hosts.push({ name: `h${h}`, hypervisor: 'esxi', coscheduling: h % 4 === 3 ? 'strict' : 'relaxed', pcpus, mhz: 2000,
        memoryMiB: memoryPressure ? 16384 : 262144, reservedMiB: 1024, nicMbit: 10000, disk: { iops: 20000, bandwidthMiBs: 1000, latencyMs: 0.5 }, hz: 1000, hostOsLoad: 0 });
    }
    const vcpus = Math.min(i % 3 === 0 ? 4 : 2, totalVcpus - n);
    n += vcpus;
    onHost += vcpus;
    vms.push({ name: `vm${i}`, host: `h${h}`, vcpus, memoryMiB: 4096, guest: 'linux', shares: 1000 * vcpus,
      reservationMHz: 0, limitMHz: i % 7 === 0 ? 1500 : null, memShares: 40960, memReservationMiB: 0, memLimitMiB: null,
      io: 'paravirtual', cpuVirt: 'hardware', restartPriority: 'medium', ft: false,
      workload: { type: i % 5 === 0 ? 'jvm' : 'generic', heapMiB: i % 5 === 0 ? 1024 : 0, jitWarmupMs: i % 5 === 0 ? 60000 : 0, cpu: 0.75, threads: vcpus, pattern: patterns[i % 4],
        periodMs: 30000, activeMiB: memoryPressure ? 2048 : 1024, dirtyMiBs: 8, netMbit: 0, iops: 0 } });
  }
  return { name: `bench-${totalVcpus}`, description: '', seed: 1, quantumMs: 10, hosts, vms, containers: [], vservers: [], events: [] };
}
