// Share of a vCPU's pCPU time spent in the hypervisor rather than in guest code, by how the CPU is
// virtualized [assumption, docs/model/cpu.md, "Worlds and states"]: hardware-assisted guests exit
// to the VMM rarely; paravirtual guests make hypercalls for privileged work; a fully emulated CPU
// (QEMU-style translation) spends most of its time translating.

import type { CpuVirt } from '../../profile/types.js';

export const CPU_VIRT_OVERHEAD: Record<CpuVirt, number> = {
  hardware: 0,
  paravirtual: 0.04,
  emulated: 0.75,
};
