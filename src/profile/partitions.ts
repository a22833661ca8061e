// Hypervisors whose guests' I/O goes through a driver partition, and that partition's name: a
// profile's `partition:` must name its host's (the engine runs it, docs/model/io.md).
import type { Hypervisor } from './types.js';

export const PARTITION_NAME: Partial<Record<Hypervisor, string>> = { xen: 'Domain-0', hyperv: 'Parent-Partition' };
