// Timeline events aimed at containers and services: freeze, thaw, checkpoint, restore, scale and
// load. Whether a command can be carried out at its time (a frozen container to freeze) is the
// engine's call; here only what the profile itself can tell is checked.
import type { CommandFor, CommandOf } from './commands.js';
import { integer, name, positive, unit } from './values.js';
import type { NameBook } from './names.js';
import type { MapReader } from './reader.js';
import { parseDuration, parseSize } from './units.js';
import { unknownName } from './vms.js';
import { CPU_FRACTION, THREADS } from './workload.js';

/** The actions the command table gives the cgroup model. */
export type ContainerAction = CommandFor<'cgroups'>['action'];

/** A service may be scaled to zero (stopped) and back. */
export const REPLICAS = integer(0, 1000);
const FOR = unit(parseDuration, positive('expected a duration above 0 like 60s'));
const ACTIVE = unit(parseSize);

export function isCgroup(names: NameBook, target: string): boolean {
  const kind = names.kindOf(target);
  return kind === 'container' || kind === 'service';
}

export function readContainerCommand(
  m: MapReader, action: ContainerAction, target: string | undefined, names: NameBook,
): CommandFor<'cgroups'> | undefined {
  if (action === 'scale') {
    const replicas = m.need('replicas', REPLICAS);
    if (target !== undefined && names.kindOf(target) !== 'service') {
      m.fail('target', `${unknownName('service', target, names)}; scale acts on a service (an entry with replicas:)`);
    }
    return target === undefined || replicas === undefined || !m.valid('target') ? undefined : { action, target, replicas };
  }
  if (target !== undefined && names.kindOf(target) !== 'container') m.fail('target', unknownName('container', target, names));
  let to: string | undefined;
  if (action === 'restore' && m.has('to')) {
    to = m.get('to', name);
    const kind = to === undefined ? undefined : names.kindOf(to);
    if (to !== undefined && kind !== 'host' && kind !== 'vm') {
      m.fail('to', `${unknownName('host', to, names)}; restore goes to a host or a VM`);
    }
  }
  if (target === undefined || !m.valid('target', 'to')) return undefined;
  return to === undefined ? { action, target } : { action, target, to };
}

/** `load` on a container adds to its busy threads; on a service it is shared by its replicas. */
export function readContainerLoad(m: MapReader, target: string): CommandOf<'load'> | undefined {
  const activeMiB = m.get('active', ACTIVE);
  const cpu = activeMiB !== undefined || !m.valid('active') ? m.get('cpu', CPU_FRACTION) ?? 0 : m.need('cpu', CPU_FRACTION);
  const forMs = m.need('for', FOR);
  const threads = m.get('threads', THREADS);
  if (cpu === undefined || forMs === undefined || !m.valid('threads', 'active')) return undefined;
  return {
    action: 'load', target, cpu, forMs,
    ...(threads === undefined ? {} : { threads }),
    ...(activeMiB === undefined ? {} : { activeMiB }),
  };
}
