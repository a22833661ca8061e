// What the panels' help sections share: the rows of a table's columns (their meanings come from
// the field tables, so the help cannot drift from what the panels show), and the VM columns the
// network and disk panels both start with.

import type { TableSpec } from './table.js';

export function columns<R>(spec: TableSpec<R>, fixed: readonly (readonly [string, string])[]): (readonly [string, string])[] {
  return [...fixed, ...spec.columns.map((c) => [c.label, c.meaning] as const)];
}

export const hostField = (fields: readonly { key: string; meaning: string }[], key: string) =>
  fields.find((f) => f.key === key)?.meaning ?? '';

export const VM_FIXED = [
  ['ID', 'group id (GID) of the VM, as in the CPU panel'],
  ['NAME', 'the VM; system groups first: Domain-0 (Xen) and Parent-Partition (Hyper-V), which carry the guests\' I/O, Host-OS (type 2), console (classic ESX\'s service console, its agents)'],
] as const;
