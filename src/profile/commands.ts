// The command vocabulary: every action the timeline, the keys and a recording send. `Command` has
// one variant per action; `COMMAND_SPECS` says, per action, the fields it carries, what its target
// must be and which part of the engine carries it out, and the compiler holds the two to each
// other (below). The profile loader (events.ts: which event keys go with which action, what a
// target must be), the recording parser (record/parse.ts: which fields a recorded command may
// have, and what each must be) and the engine's router (engine.ts) all read them.
//
// Pure data, no I/O: the engine imports it.

import type { Kind } from './names.js';

/** In the order messages list them (`expected load | migrate | …`). */
export const COMMAND_NAMES = [
  'load', 'migrate', 'relocate', 'freeze', 'thaw', 'fail', 'recover', 'power_on', 'power_off',
  'suspend', 'resume', 'reset', 'shutdown', 'deploy', 'scale', 'checkpoint', 'restore', 'restart',
  'fail_site',
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

/** A command that carries nothing but its action and target. */
interface Plain<A extends CommandName> {
  action: A;
  target: string;
}

/** One command of the shared vocabulary, one variant per action: the timeline, the keys and
 *  replays all send these. */
export type Command =
  | (Plain<'load'> & {
    /** what each busy thread (vCPU) adds, a fraction of one (0..1) */
    cpu: number;
    forMs: number;
    /** busy threads; absent: all of the VM's vCPUs, or the container's own threads */
    threads?: number;
    /** working set added, MiB */
    activeMiB?: number;
  })
  /** vMotion of a running VM to another host */
  | (Plain<'migrate'> & { to: string })
  /** Storage vMotion: the VM's disk to another host's datastore */
  | (Plain<'relocate'> & { to: string })
  /** a checkpointed container read back, on its kernel or on `to` (a host or a VM) */
  | (Plain<'restore'> & { to?: string })
  /** a new VM from a template, on `to` or where placement puts it */
  | (Plain<'deploy'> & { to?: string })
  | (Plain<'scale'> & { replicas: number })
  | Plain<'freeze'> | Plain<'thaw'> | Plain<'checkpoint'>
  /** `partition`: the host's driver partition (Domain-0, Parent-Partition) instead of the host */
  | (Plain<'fail'> & { partition?: string })
  | (Plain<'recover'> & { partition?: string })
  | Plain<'power_on'> | Plain<'power_off'> | Plain<'suspend'> | Plain<'resume'> | Plain<'reset'> | Plain<'shutdown'>
  /** a driver partition's patch reboot; `bootMs`: how long it boots (absent: the partition's default) */
  | (Plain<'restart'> & { partition: string; bootMs?: number })
  /** every host of a site at once; Site Recovery's plan takes the protected VMs to the other site */
  | Plain<'fail_site'>;

/** The variant of one action. */
export type CommandOf<A extends CommandName> = Extract<Command, { action: A }>;

/** Every field a command can carry beyond `action` and `target`. */
export type CommandField = { [A in CommandName]: FieldOf<A> }[CommandName];

/** Who carries a command out: the cluster (placement, migration, lifecycle), the cgroup model,
 *  a workload (`load`: a VM's, or a container's or service's through the cgroup model), or the
 *  driver partitions' outages (`restart`, and any command that names a `partition`). */
export type CommandOwner = 'cluster' | 'cgroups' | 'workload' | 'partition';

export interface CommandSpec<F extends string = CommandField, R extends string = F> {
  /** the fields beyond `action` and `target`, in the order a recording's are checked */
  fields: readonly F[];
  /** those of `fields` a command must carry */
  required: readonly R[];
  /** the kind of entity the target names; `load` takes a VM, a container or a service */
  target: Kind | 'vm, container or service';
  owner: CommandOwner;
}

type FieldOf<A extends CommandName> = Exclude<Extract<keyof CommandOf<A>, string>, 'action' | 'target'>;
type RequiredFieldOf<A extends CommandName> = { [F in FieldOf<A>]-?: undefined extends CommandOf<A>[F] ? never : F }[FieldOf<A>];

/** In the order messages list them (`"to" applies only to migrate, relocate, restore and deploy`). */
export const COMMAND_SPECS = {
  load: { fields: ['cpu', 'forMs', 'threads', 'activeMiB'], required: ['cpu', 'forMs'], target: 'vm, container or service', owner: 'workload' },
  migrate: { fields: ['to'], required: ['to'], target: 'vm', owner: 'cluster' },
  relocate: { fields: ['to'], required: ['to'], target: 'vm', owner: 'cluster' },
  restore: { fields: ['to'], required: [], target: 'container', owner: 'cgroups' },
  deploy: { fields: ['to'], required: [], target: 'template', owner: 'cluster' },
  scale: { fields: ['replicas'], required: ['replicas'], target: 'service', owner: 'cgroups' },
  freeze: { fields: [], required: [], target: 'container', owner: 'cgroups' },
  thaw: { fields: [], required: [], target: 'container', owner: 'cgroups' },
  checkpoint: { fields: [], required: [], target: 'container', owner: 'cgroups' },
  fail: { fields: ['partition'], required: [], target: 'host', owner: 'cluster' },
  recover: { fields: ['partition'], required: [], target: 'host', owner: 'cluster' },
  power_on: { fields: [], required: [], target: 'vm', owner: 'cluster' },
  power_off: { fields: [], required: [], target: 'vm', owner: 'cluster' },
  suspend: { fields: [], required: [], target: 'vm', owner: 'cluster' },
  resume: { fields: [], required: [], target: 'vm', owner: 'cluster' },
  reset: { fields: [], required: [], target: 'vm', owner: 'cluster' },
  shutdown: { fields: [], required: [], target: 'vm', owner: 'cluster' },
  restart: { fields: ['partition', 'bootMs'], required: ['partition'], target: 'host', owner: 'partition' },
  fail_site: { fields: [], required: [], target: 'site', owner: 'cluster' },
} as const satisfies { [A in CommandName]: CommandSpec<FieldOf<A>, RequiredFieldOf<A>> };

// The table lists every field of each variant and every required one: a field added to a variant
// and not to its row (or made required in one and not the other) fails to compile here.
type Unlisted = {
  [A in CommandName]:
    | Exclude<FieldOf<A>, (typeof COMMAND_SPECS)[A]['fields'][number]>
    | Exclude<RequiredFieldOf<A>, (typeof COMMAND_SPECS)[A]['required'][number]>
}[CommandName];
const everyFieldListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyFieldListed;

export const commandSpec = (action: CommandName): CommandSpec => COMMAND_SPECS[action];

export interface FieldRule {
  /** the field's key in a profile's event (`for: 60s` is forMs) */
  key: string;
  /** whether a recording's value is one the engine takes */
  valid: (x: unknown) => boolean;
  /** what it must be, as a recording's refusal says it */
  must: string;
}

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const whole = (x: unknown): boolean => Number.isInteger(x) && (x as number) >= 0;
const positive = (x: unknown): boolean => finite(x) && x > 0;
const isString = (x: unknown): boolean => typeof x === 'string';

/** Each field: its profile key and what a recorded value must be. In the order the loader checks
 *  an event's keys against its action. */
export const COMMAND_FIELDS = {
  cpu: { key: 'cpu', valid: (x) => finite(x) && x >= 0 && x <= 1, must: 'cpu must be 0..1 (what each busy thread adds, a fraction of one vCPU)' },
  activeMiB: { key: 'active', valid: (x) => finite(x) && x >= 0, must: 'activeMiB must be >= 0' },
  forMs: { key: 'for', valid: positive, must: 'forMs must be a positive number' },
  threads: { key: 'threads', valid: whole, must: 'threads must be a whole number' },
  to: { key: 'to', valid: isString, must: '"to" must be a host name' },
  replicas: { key: 'replicas', valid: whole, must: 'replicas must be a whole number' },
  partition: { key: 'partition', valid: isString, must: '"partition" must be a partition\'s name (Domain-0, Parent-Partition)' },
  bootMs: { key: 'boot', valid: positive, must: 'bootMs must be a positive number' },
} as const satisfies Record<CommandField, FieldRule>;

const IN_TABLE_ORDER = Object.keys(COMMAND_SPECS) as CommandName[];

/** The actions that carry a field, in the table's order. */
export const actionsWith = (field: CommandField): CommandName[] =>
  IN_TABLE_ORDER.filter((a) => commandSpec(a).fields.includes(field));

/** The commands one model carries out, by the table's owner column. */
export type CommandFor<O extends CommandOwner> = CommandOf<{ [A in CommandName]: (typeof COMMAND_SPECS)[A]['owner'] extends O ? A : never }[CommandName]>;

/** What the partition model carries out: `restart`, and `fail`/`recover` naming a partition. */
export type PartitionCommand = CommandFor<'partition'> | (CommandOf<'fail' | 'recover'> & { partition: string });

/** Whether `c` is the partition model's: its owner says so, or it names a driver partition. */
export function isPartitionCommand(c: Command): c is PartitionCommand {
  return COMMAND_SPECS[c.action].owner === 'partition' || ('partition' in c && c.partition !== undefined);
}

/** Whether the table gives `c` to `owner` (ask `isPartitionCommand` first: it takes precedence). */
export function ownedBy<O extends Exclude<CommandOwner, 'partition'>>(c: Command, owner: O): c is CommandFor<O> {
  return COMMAND_SPECS[c.action].owner === owner;
}

/**
 * The end of a switch over actions that handles every one: `c` is `never` there, so an action
 * added to the vocabulary and not to the switch fails to compile. Nothing reaches it at run time.
 */
export function unhandled(c: never): never {
  throw new Error(`no case for ${JSON.stringify(c)}`);
}
