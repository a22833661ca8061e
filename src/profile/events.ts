// The `events:` timeline: the same commands the keys send, each at a simulated time. The command
// table (commands.ts) says which keys go with which action and what each target must be.
import { actionsWith, COMMAND_FIELDS, COMMAND_NAMES, COMMAND_SPECS, unhandled, type Command, type CommandField, type CommandName, type CommandOf } from './commands.js';
import type { HostSpec, TimedCommand, VmSpec } from './types.js';
import { PARTITION_NAME } from './partitions.js';
import { didYouMean } from './errors.js';
import { name, oneOf, positive, unit } from './values.js';
import type { Kind, NameBook } from './names.js';
import { MapReader, type Ctx, type Item } from './reader.js';
import { parseDuration, parseSize } from './units.js';
import { unknownName } from './vms.js';
import { CPU_FRACTION, THREADS } from './workload.js';
import { isCgroup, readContainerCommand, readContainerLoad } from './container-events.js';

/** Keys beyond at/action/target, and the actions each belongs to: the table's fields under their
 *  profile keys (`for` is forMs, `active` activeMiB). */
const ACTION_KEYS: Record<string, readonly CommandName[]> = Object.fromEntries(
  (Object.keys(COMMAND_FIELDS) as CommandField[]).map((field) => [COMMAND_FIELDS[field].key, actionsWith(field)]),
);

export const EVENT_KEYS = ['at', 'action', 'target', ...Object.keys(ACTION_KEYS)];

const AT = unit(parseDuration);
const FOR = unit(parseDuration, positive('expected a duration above 0 like 60s'));
const ACTIVE = unit(parseSize);
const BOOT = unit(parseDuration, positive('expected a duration above 0 like 30s'));

export function readEvents(
  ctx: Ctx, items: readonly Item[], names: NameBook, vms: readonly VmSpec[], hosts: readonly HostSpec[],
): TimedCommand[] {
  const events: TimedCommand[] = [];
  for (const item of items) {
    const what = 'an event like { at: 30s, action: load, target: web-1, cpu: 100%, for: 60s }';
    const m = MapReader.open(ctx, item.node, item.at, item.path, EVENT_KEYS, what);
    if (!m) continue;
    const atMs = m.need('at', AT);
    const action = m.need('action', oneOf(COMMAND_NAMES));
    const target = m.need('target', name);
    if (action === undefined) continue;
    for (const key of Object.keys(ACTION_KEYS)) {
      if (m.has(key) && !ACTION_KEYS[key].includes(action)) {
        m.fail(key, `"${key}" applies only to ${listActions(ACTION_KEYS[key])} events`, m.keyPos(key));
      }
    }
    const command = readCommand(m, action, target, names, vms, hosts);
    if (atMs !== undefined && command) events.push({ atMs, command });
  }
  // Array.prototype.sort is stable: events at the same time keep the order they were written in.
  return events.sort((a, b) => a.atMs - b.atMs);
}

function readCommand(
  m: MapReader, action: CommandName, target: string | undefined, names: NameBook, vms: readonly VmSpec[], hosts: readonly HostSpec[],
): Command | undefined {
  switch (action) {
    case 'load':
      return target !== undefined && isCgroup(names, target) ? readContainerLoad(m, target) : readLoad(m, target, names, vms);
    case 'freeze': case 'thaw': case 'checkpoint': case 'restore': case 'scale':
      return readContainerCommand(m, action, target, names);
    case 'migrate': case 'relocate': {
      const to = readTo(m, names);
      if (target !== undefined && names.kindOf(target) !== kindFor(action)) m.fail('target', unknownName(kindFor(action), target, names));
      return target === undefined || to === undefined || !m.valid('target') ? undefined : { action, target, to };
    }
    case 'deploy': {
      const to = m.has('to') ? readTo(m, names) : undefined;
      if (target !== undefined && names.kindOf(target) !== kindFor(action)) m.fail('target', unknownName(kindFor(action), target, names));
      if (target === undefined || !m.valid('target', 'to')) return undefined;
      return to === undefined ? { action, target } : { action, target, to };
    }
    case 'power_on': case 'power_off': case 'suspend': case 'resume': case 'reset': case 'shutdown': case 'fail_site': {
      const of = readTarget(m, action, target, names);
      return of === undefined ? undefined : { action, target: of };
    }
    case 'fail': case 'recover': {
      const of = readTarget(m, action, target, names);
      const p = of === undefined ? undefined : readPartition(m, action, of, hosts);
      if (of === undefined || p === undefined) return undefined;
      return p.partition === undefined ? { action, target: of } : { action, target: of, partition: p.partition };
    }
    case 'restart': {
      const of = readTarget(m, action, target, names);
      const p = of === undefined ? undefined : readPartition(m, action, of, hosts);
      if (of === undefined || p?.partition === undefined) return undefined;
      return { action, target: of, partition: p.partition, ...(p.bootMs === undefined ? {} : { bootMs: p.bootMs }) };
    }
    default:
      return unhandled(action);
  }
}

/** The kind of entity an action's target names (a `load`'s is read apart: a VM or a cgroup). */
const kindFor = (action: Exclude<CommandName, 'load'>): Kind => COMMAND_SPECS[action].target;

/** The target of a command on a host or a VM: unknown or of another kind is an error here. */
function readTarget(m: MapReader, action: Exclude<CommandName, 'load'>, target: string | undefined, names: NameBook): string | undefined {
  if (target === undefined) return undefined;
  const wanted = kindFor(action);
  const kind = names.kindOf(target);
  if (kind !== undefined && kind !== wanted) {
    m.fail('target', unknownName(wanted, target, names));
    return undefined;
  }
  if (kind === undefined) {
    // a site is only ever a site's target: name the sites, not every name
    if (wanted === 'site') m.fail('target', unknownName('site', target, names));
    else m.fail('target', `unknown target "${target}"${didYouMean(target, names.all())} ${names.listing()}`);
    return undefined;
  }
  return target;
}

function readLoad(m: MapReader, target: string | undefined, names: NameBook, vms: readonly VmSpec[]): CommandOf<'load'> | undefined {
  // A load adds CPU demand, working-set memory, or both.
  const activeMiB = m.get('active', ACTIVE);
  const cpu = activeMiB !== undefined || !m.valid('active') ? m.get('cpu', CPU_FRACTION) ?? 0 : m.need('cpu', CPU_FRACTION);
  const forMs = m.need('for', FOR);
  const threads = m.get('threads', THREADS);
  if (target === undefined) return undefined;
  const vm = vms.find((v) => v.name === target);
  if (!vm) {
    m.fail('target', unknownName('vm', target, names));
    return undefined;
  }
  if (threads !== undefined && threads > vm.vcpus) {
    m.fail('threads', `threads (${threads}) must be <= vcpus (${vm.vcpus}) of "${vm.name}"`);
  }
  if (activeMiB !== undefined && activeMiB > vm.memoryMiB) {
    m.fail('active', `active (${activeMiB} MiB) must be <= memory (${vm.memoryMiB} MiB) of "${vm.name}"`);
  }
  if (cpu === undefined || forMs === undefined || !m.valid('threads', 'active')) return undefined;
  return {
    action: 'load', target, cpu, forMs,
    ...(threads === undefined ? {} : { threads }),
    ...(activeMiB === undefined ? {} : { activeMiB }),
  };
}

/**
 * `partition:` names the host's driver partition (a Xen host's Domain-0, a Hyper-V host's
 * Parent-Partition): the command fails, recovers or restarts it instead of the host. `restart`
 * is for a partition only (a patch reboot), with an optional `boot:` time. Undefined when either
 * key is wrong (reported).
 */
function readPartition(
  m: MapReader, action: 'fail' | 'recover' | 'restart', target: string, hosts: readonly HostSpec[],
): { partition?: string; bootMs?: number } | undefined {
  const host = hosts.find((h) => h.name === target);
  const own = host ? PARTITION_NAME[host.hypervisor] : undefined;
  const partition = m.get('partition', name);
  const bootMs = m.get('boot', BOOT);
  if (action === 'restart' && partition === undefined && m.valid('partition')) {
    m.fail('action', `restart applies to a driver partition: add partition: ${own ?? 'Domain-0'}${own ? '' : ` (on a xen or hyperv host; ${target} is ${host?.hypervisor ?? 'not a host'})`}`);
    return undefined;
  }
  if (partition === undefined) return m.valid('partition', 'boot') ? {} : undefined;
  if (host && partition !== own) {
    const why = own ? `${host.name}'s driver partition is ${own}` : `${host.name} is ${host.hypervisor}, which has no driver partition (xen: Domain-0, hyperv: Parent-Partition)`;
    m.fail('partition', `unknown partition "${partition}": ${why}`);
    return undefined;
  }
  if (!m.valid('boot')) return undefined;
  return { partition, ...(bootMs === undefined ? {} : { bootMs }) };
}

/** `migrate`, `migrate and restore`, `migrate, restore and deploy` */
function listActions(a: readonly string[]): string {
  return a.length < 2 ? a.join('') : `${a.slice(0, -1).join(', ')} and ${a[a.length - 1]}`;
}

function readTo(m: MapReader, names: NameBook): string | undefined {
  const to = m.need('to', name);
  if (to !== undefined && names.kindOf(to) !== 'host') {
    m.fail('to', unknownName('host', to, names));
    return undefined;
  }
  return to;
}
