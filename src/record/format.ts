// The recording file: small, versioned and line-oriented, so it can be read, diffed and mailed.
//
//   vmtop-recording 1
//   profile "<the profile's YAML, as a JSON string>"
//   seed 42
//   cmd 30000 {"action":"load","target":"web-1","cpu":1,"forMs":60000}
//   sample 2000
//   ...
//   end 120000 3 60
//
// `cmd` lines carry every command applied, with its simulated time in ms (the timeline's and
// the keyboard's alike); `sample` lines the simulated instants samples were taken; `end` the
// final time and the counts of commands and samples, so that a truncated file is detected.

import type { TimedCommand } from '../profile/types.js';

export const MAGIC = 'vmtop-recording';
export const VERSION = 1;
/** The largest seed: the engine's random source takes 32 bits, as --seed and a profile's `seed:` do. */
export const SEED_MAX = 2 ** 32 - 1;

export interface Recording {
  profileText: string;
  seed: number;
  commands: TimedCommand[];
  samples: number[];
  endMs: number;
}

export function formatRecording(r: Recording): string {
  const lines = [
    `${MAGIC} ${VERSION}`,
    `profile ${JSON.stringify(r.profileText)}`,
    `seed ${r.seed}`,
  ];
  // Commands and samples interleaved in time order reads like a log; commands first at a tie,
  // since a command at t is applied before the quantum that starts at t.
  let c = 0;
  for (const s of r.samples) {
    while (c < r.commands.length && r.commands[c].atMs <= s) lines.push(cmdLine(r.commands[c++]));
    lines.push(`sample ${s}`);
  }
  while (c < r.commands.length) lines.push(cmdLine(r.commands[c++]));
  lines.push(`end ${r.endMs} ${r.commands.length} ${r.samples.length}`);
  return lines.join('\n') + '\n';
}

function cmdLine(tc: TimedCommand): string {
  return `cmd ${tc.atMs} ${JSON.stringify(tc.command)}`;
}
