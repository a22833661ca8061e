// The VServer panel's header: the host's guests, W, the sum of their R/T against the CPUs, and
// the holds.

import type { HostSample, Snapshot } from '../../../engine/snapshot.js';
import type { Segment } from '../../columns.js';
import { blank, coloured, line, plural, two } from '../header-line.js';

export function vserverLines(snap: Snapshot, host: HostSample, width: number): Segment[][] {
  const guests = snap.vservers.filter((v) => v.host === host.name);
  if (guests.length === 0) return [line([[`VSERVER: no guests on ${host.name}`]], width), blank(width)];
  const share = guests.reduce((n, v) => n + v.share, 0);
  const held = guests.filter((v) => v.held).map((v) => v.name);
  const heldSeg = held.length ? coloured(held.join(', '), 'alarm') : 'none';
  const hz = guests[0].hz;
  const summary = line([
    [`VSERVER: ${plural(guests.length, 'guest')}, W = ${hz} ticks/s, R/T summed ${two(share)} of ${plural(host.pcpus, 'CPU')}; held now: `, heldSeg],
    [`VSERVER: ${guests.length} guests, W ${hz}, R/T ${two(share)} of ${host.pcpus}; held: `, heldSeg],
  ], width);
  const holds = guests.reduce((n, v) => n + v.holds, 0);
  const heldS = guests.reduce((n, v) => n + v.held_s, 0);
  const totals = line([
    [`HOLDS: ${holds} since start, ${two(heldS)} s held in all; an empty bucket holds a guest until it refills to M tokens`],
    [`HOLDS: ${holds} since start, ${two(heldS)} s held; held until M tokens`],
    [`HOLDS: ${holds}, ${two(heldS)} s held`],
  ], width);
  return [summary, totals];
}
