// A VM's or template's `appliance:` and `introspection:` keys: a virtual appliance (a guest
// packaged ready to run, with the resource settings its vendor gave it) and the security virtual
// appliance that watches the other VMs of its host through the hypervisor (docs/model/appliances.md).
import { z } from 'zod';
import type { ApplianceRole, IntrospectionSpec } from './types.js';
import { atMost, unit } from './values.js';
import { MapReader } from './reader.js';
import { parseBitRate, parseFraction, parseSize } from './units.js';

const INTROSPECTION_KEYS = ['cpu_per_vm', 'memory_per_vm', 'net_burst', 'net_burst_min'] as const;

/**
 * What watching one VM costs the appliance, and its rule, when the profile does not say
 * [assumption]: docs/model/appliances.md.
 */
export const DEFAULT_INTROSPECTION: IntrospectionSpec = { cpuPerVm: 0.02, memoryPerVmMiB: 32, netBurst: 3, netBurstMinMbit: 100 };

const ROLE = z.union([z.boolean(), z.literal('sva')], { error: 'expected true (a virtual appliance), sva (a security virtual appliance) or false' });
const CPU_PER_VM = unit(parseFraction, atMost(1, 'expected a percentage 0%..100% (of one of the appliance\'s vCPUs per VM watched)'));
const MEMORY_PER_VM = unit(parseSize, atMost(65536, 'expected a size up to 64GiB like 32MiB'));
const BURST = z.number({ error: 'expected a factor 1..1000 like 3' }).min(1, { error: 'expected a factor 1..1000 like 3' })
  .max(1000, { error: 'expected a factor 1..1000 like 3' });
const BURST_MIN = unit(parseBitRate);

export interface ApplianceKeys {
  appliance?: ApplianceRole;
  introspection?: IntrospectionSpec;
}

export function readAppliance(m: MapReader): ApplianceKeys {
  const raw = m.get('appliance', ROLE);
  const role: ApplianceRole | undefined = raw === 'sva' ? 'sva' : raw === true ? 'appliance' : undefined;
  if (m.has('introspection') && role !== 'sva') {
    if (m.valid('appliance')) m.fail('introspection', 'introspection is only for a security virtual appliance (appliance: sva)', m.keyPos('introspection'));
    return role ? { appliance: role } : {};
  }
  if (role !== 'sva') return role ? { appliance: role } : {};
  return { appliance: role, introspection: readIntrospection(m) };
}

function readIntrospection(vm: MapReader): IntrospectionSpec {
  if (!vm.has('introspection')) return { ...DEFAULT_INTROSPECTION };
  const what = 'a mapping like { cpu_per_vm: 2%, memory_per_vm: 32MiB, net_burst: 3, net_burst_min: 100Mbit }';
  const m = MapReader.open(vm.ctx, vm.node('introspection'), vm.pos('introspection'), vm.sub('introspection'), INTROSPECTION_KEYS, what);
  if (!m) return { ...DEFAULT_INTROSPECTION };
  return {
    cpuPerVm: m.get('cpu_per_vm', CPU_PER_VM) ?? DEFAULT_INTROSPECTION.cpuPerVm,
    memoryPerVmMiB: m.get('memory_per_vm', MEMORY_PER_VM) ?? DEFAULT_INTROSPECTION.memoryPerVmMiB,
    netBurst: m.get('net_burst', BURST) ?? DEFAULT_INTROSPECTION.netBurst,
    netBurstMinMbit: m.get('net_burst_min', BURST_MIN) ?? DEFAULT_INTROSPECTION.netBurstMinMbit,
  };
}
