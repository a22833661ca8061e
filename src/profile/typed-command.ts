// One command typed as the timeline writes an event (the monitor's `:` line, `migrate web-1
// to=esx-b`): its fields go through the profile loader's own event reader, against the loaded
// profile's names, so a typed command is read with the same units and refused with the same
// messages as an `events:` entry of the profile. Each value is read as the YAML scalar it would
// be after `key: ` in the profile (`threads=2` a number, `cpu=80%` text for the unit parser).

import { Document, isNode, LineCounter, Pair, parseDocument, Scalar, YAMLMap, type Node } from 'yaml';
import { COMMAND_FIELDS, commandSpec } from './commands.js';
import { readEvents } from './events.js';
import { NameBook, type Kind } from './names.js';
import { Ctx } from './reader.js';
import { COMMAND_NAMES, type Command, type CommandName, type Profile } from './types.js';

export interface TypedField {
  key: string;
  value: string;
}

/** What is wrong, and with which field ('' for the command as a whole, a missing key say). */
export interface CommandProblem {
  field: string;
  message: string;
}

export type TypedCommandResult = { ok: true; command: Command } | { ok: false; problems: CommandProblem[] };

const books = new WeakMap<Profile, NameBook>();

/** The loaded profile's names by kind, in the order the loader registers them. */
export function profileNames(profile: Profile): NameBook {
  let book = books.get(profile);
  if (book) return book;
  book = new NameBook(new Ctx('profile', new LineCounter(), new Document()));
  for (const h of profile.hosts) {
    // the loader claims a host's site before its name: `fail_site dc1`
    if (h.site && book.kindOf(h.site) === undefined) book.register(h.site, 'site');
    book.register(h.name, 'host');
  }
  for (const v of profile.vms) book.register(v.name, 'vm');
  for (const c of profile.containers) {
    if (c.service && book.kindOf(c.service.name) === undefined) book.register(c.service.name, 'service');
    book.register(c.name, 'container');
  }
  for (const g of profile.vservers) book.register(g.name, 'vserver');
  for (const t of profile.templates ?? []) book.register(t.name, 'template');
  books.set(profile, book);
  return book;
}

/** The kinds an action's target may be, from the command table. */
export function targetKinds(action: CommandName): Kind[] {
  const target = commandSpec(action).target;
  return target === 'vm, container or service' ? ['vm', 'container', 'service'] : [target];
}

/** The keys an event of this action takes beyond action and target, as a profile writes them (`for`, not forMs), in the command table's order. */
export function eventKeys(action: CommandName): string[] {
  return commandSpec(action).fields.map((f) => COMMAND_FIELDS[f].key);
}

export const isAction = (word: string): word is CommandName => (COMMAND_NAMES as readonly string[]).includes(word);

/** A value as YAML reads it after `key: `; text YAML cannot read stays text for the field to refuse. */
function valueNode(value: string): Node {
  const doc = parseDocument(value);
  return doc.errors.length === 0 && isNode(doc.contents) ? doc.contents : new Scalar(value);
}

/**
 * Reads `action target key=value …` as the event `{ at: 0s, action, target, key: value, … }` of a
 * profile: the command, or every problem the loader finds with it.
 */
export function readTypedCommand(profile: Profile, action: string, target: string | undefined, fields: readonly TypedField[]): TypedCommandResult {
  const map = new YAMLMap();
  const add = (key: string, value: Node) => map.items.push(new Pair(new Scalar(key), value));
  // a typed command runs now: the timeline's `at` is the one key it never takes
  add('at', new Scalar('0s'));
  add('action', valueNode(action));
  if (target !== undefined) add('target', valueNode(target));
  for (const f of fields) add(f.key, valueNode(f.value));
  const ctx = new Ctx('command', new LineCounter(), new Document());
  const events = readEvents(ctx, [{ node: map, at: 0, index: 0, path: '' }], profileNames(profile), profile.vms, profile.hosts);
  if (ctx.errors.length > 0 || events.length !== 1) {
    const problems = ctx.errors.map((e) => ({ field: e.path, message: e.message }));
    return { ok: false, problems: problems.length ? problems : [{ field: '', message: 'not a command' }] };
  }
  return { ok: true, command: events[0].command };
}
