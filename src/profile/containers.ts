// The `containers:` section: cgroup v2 containers on a host's Linux kernel or inside a VM. Runs
// after hosts and VMs, since a container names the kernel it runs on.
import { familiesThat, traits } from './hypervisors.js';
import { type CgroupLimits, type ContainerSpec, type HostSpec, type VmSpec } from './types.js';
import { z } from 'zod';
import { integer, name, nonEmpty, unit, type ValueSchema } from './values.js';
import { COUNT } from './hosts.js';
import { cloneNames, type NameBook } from './names.js';
import { MapReader, type Ctx, type Item } from './reader.js';
import { parseFraction, parseSize } from './units.js';
import { unknownName } from './vms.js';
import { readWorkload } from './workload.js';
import { imageMiB } from './images.js';

export const CONTAINER_KEYS = [
  'name', 'host', 'vm', 'image', 'image_size', 'cpu_weight', 'cpu_max', 'memory_max', 'memory_high',
  'pids_max', 'io_weight', 'workload', 'replicas', 'service',
] as const;
/** The parent cgroup of a service: limits that bound all its replicas together. */
export const SERVICE_KEYS = ['cpu_weight', 'cpu_max', 'memory_max', 'memory_high', 'pids_max'] as const;

export const DEFAULT_WEIGHT = 100;
export const DEFAULT_IMAGE = 'busybox';

const WEIGHT = integer(1, 10000);
const IMAGE = nonEmpty('expected an image name like node:20');
const IMAGE_SIZE = unit(parseSize, { test: (n) => n > 0, message: 'expected a size above 0 like 190MiB' });

/** `max` (null) or a value; the value's own "expected …" is kept. */
function maxOr(quantity: ValueSchema<number>): ValueSchema<number | null> {
  return z.unknown().transform((v, ctx) => {
    if (v === 'max') return null;
    const r = quantity.safeParse(v);
    if (r.success) return r.data;
    const inner = r.error.issues[0]?.message.replace(/^expected /, '') ?? 'a limit';
    ctx.issues.push({ code: 'custom', message: `expected max or ${inner}`, input: v });
    return z.NEVER;
  });
}

/** cpu.max quota is at least 1 ms per 100 ms period: 1% of one CPU. */
const CPU_MAX = maxOr(unit(parseFraction, { test: (f) => f >= 0.01, message: 'expected a percentage of one CPU, at least 1%, like 50% or 200%' }));
const MEMORY = maxOr(unit(parseSize, { test: (n) => n > 0, message: 'expected a size above 0 like 512MiB' }));
const PIDS = maxOr(integer(1, 4_194_304));

export function readContainers(
  ctx: Ctx, items: readonly Item[], names: NameBook, hosts: readonly HostSpec[], vms: readonly VmSpec[],
): ContainerSpec[] {
  const out: ContainerSpec[] = [];
  for (const item of items) {
    const m = MapReader.open(ctx, item.node, item.at, item.path, CONTAINER_KEYS, 'a container mapping (name, host or vm, image, …)');
    if (!m) continue;
    const where = readKernel(m, names, hosts, vms);
    const image = m.get('image', IMAGE) ?? DEFAULT_IMAGE;
    const limits = readLimits(m);
    const ioWeight = m.get('io_weight', WEIGHT) ?? DEFAULT_WEIGHT;
    const workload = readWorkload(m, undefined, undefined);
    const base = m.need('name', name);
    const replicas = m.get('replicas', COUNT);
    const service = readService(m, base, replicas);
    if (base === undefined) continue;
    const clones = cloneNames(base, replicas);
    if (replicas !== undefined) names.claim([base], 'service', m);
    names.claim(clones, 'container', m);
    const spec = {
      ...where, image, imageMiB: m.get('image_size', IMAGE_SIZE) ?? imageMiB(image), ioWeight, ...limits, service,
    };
    for (const n of clones) out.push({ name: n, ...spec, workload: { ...workload } });
  }
  return out;
}

function readLimits(m: MapReader): CgroupLimits {
  return {
    cpuWeight: m.get('cpu_weight', WEIGHT) ?? DEFAULT_WEIGHT,
    cpuMax: m.get('cpu_max', CPU_MAX) ?? null,
    memoryMaxMiB: m.get('memory_max', MEMORY) ?? null,
    memoryHighMiB: m.get('memory_high', MEMORY) ?? null,
    pidsMax: m.get('pids_max', PIDS) ?? null,
  };
}

/** `service:` sets the parent cgroup's own limits; it only means something for replicas. */
function readService(m: MapReader, base: string | undefined, replicas: number | undefined): ContainerSpec['service'] {
  if (m.has('service') && replicas === undefined && m.valid('replicas')) {
    m.fail('service', 'service limits apply to the parent cgroup of replicas; add replicas: N', m.keyPos('service'));
  }
  if (replicas === undefined || base === undefined) return null;
  const what = 'a mapping of the service\'s own limits, like { cpu_max: 150%, memory_max: 1GiB }';
  const s = m.has('service') ? MapReader.open(m.ctx, m.node('service'), m.pos('service'), m.sub('service'), SERVICE_KEYS, what) : undefined;
  const limits = s ? readLimits(s) : { cpuWeight: DEFAULT_WEIGHT, cpuMax: null, memoryMaxMiB: null, memoryHighMiB: null, pidsMax: null };
  return { name: base, replicas, ...limits };
}

/** `host:` a host with a Linux kernel, or `vm:` a VM; exactly one. */
function readKernel(m: MapReader, names: NameBook, hosts: readonly HostSpec[], vms: readonly VmSpec[]): { host: string; vm: string | null } {
  if (m.has('host') && m.has('vm')) {
    m.fail('vm', 'give either host: (the host\'s own kernel) or vm: (inside that VM), not both', m.keyPos('vm'));
    return { host: '', vm: null };
  }
  if (m.has('vm')) {
    const ref = m.get('vm', name);
    if (ref === undefined) return { host: '', vm: null };
    const vm = vms.find((v) => v.name === ref);
    if (!vm) m.fail('vm', unknownName('vm', ref, names));
    return { host: vm?.host ?? '', vm: ref };
  }
  if (!m.has('host')) {
    m.fail('host', 'missing required key "host" (or "vm" to run it inside a VM)');
    return { host: '', vm: null };
  }
  const ref = m.get('host', name);
  if (ref === undefined) return { host: '', vm: null };
  const host = hosts.find((h) => h.name === ref);
  if (!host) {
    m.fail('host', unknownName('host', ref, names));
  } else if (!traits(host.hypervisor).runsContainers) {
    const a = /^[aeiou]/.test(host.hypervisor) ? 'an' : 'a';
    m.fail('host', `host "${ref}" is ${a} ${host.hypervisor} host: its hypervisor has no Linux kernel to run containers; ` +
      `run them inside a VM on it (vm: NAME) or on a ${familiesThat('runsContainers').join(', ')} host`);
  }
  return { host: ref, vm: null };
}
