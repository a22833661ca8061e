// What a sample says about one Linux-VServer guest. The first twelve fields are its batch fields
// (docs/cli.md); the rest are what the tokens panel shows beside them.

import type { VServerSched } from '../../profile/types.js';

/** How many past samples of the bucket level a guest keeps for the panel's history. */
export const VSERVER_HISTORY = 60;

export interface VServerSample {
  name: string;
  host: string;
  /** chcontext id */
  context: number;
  /** fill_rate: tokens added every T ticks */
  R: number;
  /** interval, kernel ticks */
  T: number;
  /** tokens_max: the bucket's size */
  S: number;
  /** tokens_min: the level a held guest must reach to run again */
  M: number;
  /** bucket level now */
  tokens: number;
  /** on hold now (hard scheduling, bucket emptied and not yet back at M) */
  held: boolean;
  /** CPU used over the interval, % of one CPU summed over the guest's threads */
  '%USED': number;
  /** times put on hold since start (cumulative, like the kernel's counters) */
  holds: number;
  /** seconds spent on hold since start */
  held_s: number;
  sched: VServerSched;
  /** R/T: the CPU the bucket grants over the long run, in CPUs */
  share: number;
  /** the host kernel's ticks per second (W) */
  hz: number;
  /** chbind address, or null */
  ip: string | null;
  chroot: string;
  /** capabilities granted beyond the default guest set */
  capabilities: string[];
  threads: number;
  /** share of the interval spent on hold, % */
  '%HELD': number;
  /** soft scheduling's priority bonus: -5 (full bucket, favoured) .. +15 (empty); 0 when hard */
  prio: number;
  /** the bucket level at the last samples, oldest first, at most VSERVER_HISTORY of them */
  history: number[];
}
