// The command vocabulary: every action the timeline, the keys and a recording send, the fields it
// carries, what it targets and which part of the engine carries it out. The profile loader (which
// event keys go with which action, what a target must be), the recording parser (which fields a
// recorded command may have) and the engine's router all read this one table.
//
// Pure data, no I/O: the engine imports it.

import type { CommandName } from './types.js';
import type { Kind } from './names.js';

/** Who carries a command out: the cluster (placement, migration, lifecycle), the cgroup model,
 *  a workload (`load`: a VM's, or a container's or service's through the cgroup model), or the
 *  driver partitions' outages (`restart`, and `fail`/`recover` when they name a `partition`). */
export type CommandOwner = 'cluster' | 'cgroups' | 'workload' | 'partition';

export interface CommandSpec {
  /** the fields beyond `action` and `target` a command carries (the normalized names) */
  fields: readonly string[];
  /** the kind of entity the target names; `load` takes a VM, a container or a service */
  target: Kind | 'vm, container or service';
  owner: CommandOwner;
}

/** In the order messages list them (`"to" applies only to migrate, relocate, restore and deploy`). */
export const COMMAND_SPECS = {
  load: { fields: ['cpu', 'forMs', 'threads', 'activeMiB'], target: 'vm, container or service', owner: 'workload' },
  migrate: { fields: ['to'], target: 'vm', owner: 'cluster' },
  relocate: { fields: ['to'], target: 'vm', owner: 'cluster' },
  restore: { fields: ['to'], target: 'container', owner: 'cgroups' },
  deploy: { fields: ['to'], target: 'template', owner: 'cluster' },
  scale: { fields: ['replicas'], target: 'service', owner: 'cgroups' },
  freeze: { fields: [], target: 'container', owner: 'cgroups' },
  thaw: { fields: [], target: 'container', owner: 'cgroups' },
  checkpoint: { fields: [], target: 'container', owner: 'cgroups' },
  fail: { fields: ['partition'], target: 'host', owner: 'cluster' },
  recover: { fields: ['partition'], target: 'host', owner: 'cluster' },
  power_on: { fields: [], target: 'vm', owner: 'cluster' },
  power_off: { fields: [], target: 'vm', owner: 'cluster' },
  suspend: { fields: [], target: 'vm', owner: 'cluster' },
  resume: { fields: [], target: 'vm', owner: 'cluster' },
  reset: { fields: [], target: 'vm', owner: 'cluster' },
  shutdown: { fields: [], target: 'vm', owner: 'cluster' },
  restart: { fields: ['partition', 'bootMs'], target: 'host', owner: 'partition' },
} as const satisfies Record<CommandName, CommandSpec>;

export const commandSpec = (action: CommandName): CommandSpec => COMMAND_SPECS[action];

/** The actions that carry a field, in the table's order. */
export const actionsWith = (field: string): CommandName[] =>
  (Object.keys(COMMAND_SPECS) as CommandName[]).filter((a) => commandSpec(a).fields.includes(field));
