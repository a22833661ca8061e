// The `events:` timeline: the same commands the keys send, each at a simulated time.
import { COMMAND_NAMES, type Command, type CommandName, type HostSpec, type TimedCommand, type VmSpec } from './types.js';
import { actionsWith, commandSpec } from './commands.js';
import { PARTITION_NAME } from './partitions.js';
import { didYouMean } from './errors.js';
import { name, oneOf, positive, unit } from './fields.js';
import type { Kind, NameBook } from './names.js';
import { MapReader, type Ctx, type Item } from './reader.js';
import { parseDuration, parseSize } from './units.js';
import { unknownName } from './vms.js';
import { CPU_FRACTION, THREADS } from './workload.js';
import { isCgroup, isContainerAction, readContainerCommand, readContainerLoad } from './container-events.js';

/** Keys beyond at/action/target, and the actions each belongs to (a `load`'s keys are its fields
 *  as the profile writes them: `for` is forMs, `active` activeMiB). */
const ACTION_KEYS: Record<string, readonly CommandName[]> = {
  cpu: ['load'], active: ['load'], for: ['load'], threads: ['load'], to: actionsWith('to'), replicas: actionsWith('replicas'),
  partition: actionsWith('partition'), boot: actionsWith('bootMs'),
};

/**
 * The kind of target a cluster or partition command needs, unless it carries a destination (a
 * migration's or a deploy's target is checked where it is read).
 */
function targetKind(action: CommandName): Kind | undefined {
  const spec = commandSpec(action);
  const owned = spec.owner === 'cluster' || spec.owner === 'partition';
  return owned && !spec.fields.includes('to') && spec.target !== 'vm, container or service' ? spec.target : undefined;
}
export const EVENT_KEYS = ['at', 'action', 'target', ...Object.keys(ACTION_KEYS)];

const AT = unit(parseDuration);
const FOR = unit(parseDuration, positive('expected a duration above 0 like 60s'));
const ACTIVE = unit(parseSize);
const BOOT = unit(parseDuration, positive('expected a duration above 0 like 30s'));

export function readEvents(
  ctx: Ctx, items: readonly Item[], names: NameBook, vms: readonly VmSpec[], hosts: readonly HostSpec[] = [],
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
    const command = readCommand(m, action, target, names, vms);
    const withPartition = command && (action === 'fail' || action === 'recover' || action === 'restart')
      ? readPartition(m, command, hosts) : command;
    if (atMs !== undefined && withPartition) events.push({ atMs, command: withPartition });
  }
  // Array.prototype.sort is stable: events at the same time keep the order they were written in.
  return events.sort((a, b) => a.atMs - b.atMs);
}

function readCommand(
  m: MapReader, action: CommandName, target: string | undefined, names: NameBook, vms: readonly VmSpec[],
): Command | undefined {
  if (action === 'load' && target !== undefined && isCgroup(names, target)) return readContainerLoad(m, target);
  if (action === 'load') return readLoad(m, target, names, vms);
  if (isContainerAction(action)) return readContainerCommand(m, action, target, names);
  if (action === 'migrate' || action === 'relocate') {
    const to = readTo(m, names);
    if (target !== undefined && names.kindOf(target) !== 'vm') m.fail('target', unknownName('vm', target, names));
    return target === undefined || to === undefined || !m.valid('target') ? undefined : { action, target, to };
  }
  if (action === 'deploy') {
    const to = m.has('to') ? readTo(m, names) : undefined;
    if (target !== undefined && names.kindOf(target) !== 'template') m.fail('target', unknownName('template', target, names));
    if (target === undefined || !m.valid('target', 'to')) return undefined;
    return to === undefined ? { action, target } : { action, target, to };
  }
  if (target === undefined) return undefined;
  const wanted = targetKind(action);
  if (wanted && names.kindOf(target) !== undefined && names.kindOf(target) !== wanted) {
    m.fail('target', unknownName(wanted, target, names));
    return undefined;
  }
  if (names.kindOf(target) === undefined) {
    m.fail('target', `unknown target "${target}"${didYouMean(target, names.all())} ${names.listing()}`);
    return undefined;
  }
  return { action, target };
}

function readLoad(m: MapReader, target: string | undefined, names: NameBook, vms: readonly VmSpec[]): Command | undefined {
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
 * is for a partition only (a patch reboot), with an optional `boot:` time.
 */
function readPartition(m: MapReader, command: Command, hosts: readonly HostSpec[]): Command | undefined {
  if (command.action === 'load') return command;
  const host = hosts.find((h) => h.name === command.target);
  const own = host ? PARTITION_NAME[host.hypervisor] : undefined;
  const partition = m.get('partition', name);
  const bootMs = m.get('boot', BOOT);
  if (command.action === 'restart' && partition === undefined && m.valid('partition')) {
    m.fail('action', `restart applies to a driver partition: add partition: ${own ?? 'Domain-0'}${own ? '' : ` (on a xen or hyperv host; ${command.target} is ${host?.hypervisor ?? 'not a host'})`}`);
    return undefined;
  }
  if (partition === undefined) return m.valid('partition', 'boot') ? command : undefined;
  if (host && partition !== own) {
    const why = own ? `${host.name}'s driver partition is ${own}` : `${host.name} is ${host.hypervisor}, which has no driver partition (xen: Domain-0, hyperv: Parent-Partition)`;
    m.fail('partition', `unknown partition "${partition}": ${why}`);
    return undefined;
  }
  if (!m.valid('boot')) return undefined;
  return { ...command, partition, ...(bootMs === undefined ? {} : { bootMs }) };
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
