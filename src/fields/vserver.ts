// The VServer field table: one row per token-bucket field of a guest. The tokens panel, the help
// screen and the CSV and JSONL writers all read it, so a field's name and meaning are written once.
// Symbols are Stallings': R, T, S, M and W (the host's ticks per second), as in
// docs/model/vserver.md, "The parameters and their textbook names".

import type { VServerSample } from '../engine/snapshot.js';
import type { FieldDef } from './cpu.js';

export type VServerFieldKey = keyof Pick<VServerSample,
  'R' | 'T' | 'S' | 'M' | 'tokens' | 'held' | '%USED' | 'holds' | 'held_s' | 'share' | '%HELD' | 'prio'>;

/** The batch fields after name, host and context, in their JSONL order (docs/cli.md). */
export const VSERVER_FIELDS: readonly FieldDef<VServerFieldKey>[] = [
  { key: 'R', csv: 'Fill Rate', unit: 'tokens', importance: 6, width: 5,
    meaning: 'fill_rate: tokens added to the bucket every T ticks' },
  { key: 'T', csv: 'Fill Interval', unit: 'ticks', importance: 6, width: 5,
    meaning: 'interval: kernel ticks between fills (W = the host\'s hz per second); R/T is the CPU the bucket grants' },
  { key: 'S', csv: 'Tokens Max', unit: 'tokens', importance: 7, width: 7,
    meaning: 'tokens_max, the bucket size: a full bucket lets a busy guest burst for S/(1-R/T) ticks' },
  { key: 'M', csv: 'Tokens Min', unit: 'tokens', importance: 7, width: 7,
    meaning: 'tokens_min: a guest held from an empty bucket runs again at M tokens, after M/(W*R/T) s' },
  { key: 'tokens', csv: 'Tokens', unit: 'tokens', importance: 10, width: 7,
    meaning: 'bucket level now; a running guest spends one token per tick on each CPU it runs on' },
  { key: 'held', csv: 'On Hold', unit: 'flag', importance: 10, width: 4, warn: 0,
    meaning: 'on hold now: hard scheduling, the bucket ran dry and has not refilled to M (1 in the CSV)' },
  { key: '%USED', csv: '% Used', unit: '%', importance: 10, width: 7,
    meaning: 'CPU used over the interval, % of one CPU summed over the guest\'s threads' },
  { key: 'holds', csv: 'Holds', unit: 'count', importance: 8, width: 6,
    meaning: 'times the guest was put on hold since start (cumulative)' },
  { key: 'held_s', csv: 'Held Seconds', unit: 's', importance: 8, width: 8,
    meaning: 'seconds spent on hold since start (cumulative)' },
];

/** Shown in the panel and the CSV, not in the JSONL (its keys are fixed: docs/cli.md). */
export const VSERVER_EXTRA_FIELDS: readonly FieldDef<VServerFieldKey>[] = [
  { key: 'share', csv: 'Share', unit: 'CPUs', importance: 9, width: 6,
    meaning: 'R/T: the CPU the bucket grants over the long run; over a host\'s guests it adds up to at most its pCPUs' },
  { key: '%HELD', csv: '% Held', unit: '%', importance: 9, width: 6, warn: 0,
    meaning: 'share of the interval the guest spent on hold' },
  { key: 'prio', csv: 'Priority Bonus', unit: 'nice', importance: 3, width: 5,
    meaning: 'soft scheduling only: the bucket level as a nice bonus, -5 (full, favoured) to +15 (empty); 0 when hard' },
];

/** A field's value as a number, for the CSV (a flag is 1 or 0). */
export function vserverNumber(v: VServerSample, key: VServerFieldKey): number {
  const x = v[key];
  return typeof x === 'boolean' ? (x ? 1 : 0) : x;
}
