// The VServer panel's rows (`t`): one per guest on the host, by %USED or by name.

import type { VServerSample } from '../../../engine/snapshot.js';
import { orderIn, type PanelRow, type PanelSorts, type SortKey } from '../rows.js';

export const VSERVER_SORTS: PanelSorts = { default: '%USED', accepts: ['%USED', 'NAME'] };

export interface VServerRow extends PanelRow {
  kind: 'vserver';
  values: VServerSample;
}

export function vserverRows(guests: readonly VServerSample[], host: string | undefined, sort: SortKey): VServerRow[] {
  const byName = (a: VServerSample, b: VServerSample) => a.name.localeCompare(b.name) || a.context - b.context;
  const order = orderIn(VSERVER_SORTS, sort) === 'NAME'
    ? byName
    : (a: VServerSample, b: VServerSample) => b['%USED'] - a['%USED'] || a.context - b.context;
  return guests.filter((v) => v.host === host).sort(order)
    .map((v) => ({ key: `vs:${v.name}`, kind: 'vserver', id: v.context, name: v.name, vcpus: 1, gid: 0, values: v }));
}

/** Hosts with VServer guests, in the given host order. */
export function hostsWithGuests(guests: readonly VServerSample[], hosts: readonly string[]): string[] {
  const used = new Set(guests.map((v) => v.host));
  return hosts.filter((h) => used.has(h));
}
