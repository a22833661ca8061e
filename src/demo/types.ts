// A demo is a story told on a built-in profile: at simulated times the monitor shows a panel,
// a host, a caption saying what to look at and why, and the timeline's commands play out. The
// numbers on screen are always the engine's; captions only point at them.

import type { Command } from '../profile/types.js';

export type PanelKey = 'c' | 'm' | 'n' | 'v' | 'g' | 't' | 'o';

export interface DemoStep {
  /** simulated seconds */
  at: number;
  caption?: string;
  panel?: PanelKey;
  /** host whose panel to show */
  host?: string;
  /** select this entity's row */
  select?: string;
  /** sort keys as the monitor knows them, e.g. 'R' for %RDY */
  sort?: string;
  /** more keys, as typed (e.g. 'e' to expand the selected VM) */
  keys?: string[];
  /** a command for the simulation at exactly `at` (recorded like a key's) */
  command?: Command;
}

export interface Demo {
  name: string;
  title: string;
  profile: string;
  /** simulated seconds per wall second */
  speed: number;
  /** refresh interval, simulated seconds */
  delayS: number;
  /** simulated seconds after which the demo ends by itself */
  endS: number;
  steps: DemoStep[];
}
