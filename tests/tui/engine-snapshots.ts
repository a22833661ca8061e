// Snapshots from a real engine run of a built-in profile, for panel tests that check the screen
// against the engine's own numbers; and helpers that read a cell by its column header.

import { Engine } from '../../src/engine/engine.js';
import type { Snapshot } from '../../src/engine/snapshot.js';
import type { Tui } from './render-tui.js';
import { builtinProfile } from '../helpers/builtin.js';

/** An engine on a built-in profile. */
export function builtinEngine(name: string): Engine {
  return new Engine(builtinProfile(name));
}

/** The row whose name (after the marker, an ID, ▸/▾ and indentation) is `name`; '' if none. */
export const nameRow = (t: Tui, name: string) => t.lines().find((l) => new RegExp(`^[> ] +(?:\\d+ +)?(?:[▸▾] )?${name}( |$)`).test(l)) ?? '';

/** Samples of `profile` every 2 simulated seconds, keeping those at `times` (seconds). */
export function engineSnapshots(profile: string, times: readonly number[]): Map<number, Snapshot> {
  const engine = builtinEngine(profile);
  const out = new Map<number, Snapshot>();
  const last = Math.max(...times);
  for (let t = 2; t <= last; t += 2) {
    engine.advance(2000);
    const s = engine.sample();
    if (times.includes(t)) out.set(t, s);
  }
  return out;
}

/** The column header line: the new panels have two header lines after the title and clock. */
export function headerLine(t: Tui): string {
  return t.lines()[4] ?? '';
}

/** The row whose NAME cell is `name` (after the ID, indentation and a service's ▸/▾). */
export function rowLine(t: Tui, name: string): string | undefined {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return t.lines().find((l) => new RegExp(`^[> ]*(?:\\d+ +)?(?:[▸▾] )?${escaped}(?= )`).test(l));
}

/** The cell under a right-aligned column header: the last word before the header's right edge. */
export function cell(t: Tui, name: string, label: string): string {
  const header = headerLine(t);
  const at = header.search(new RegExp(` ${label.replace(/[.*+?^${}()|[\]\\/%]/g, '\\$&')}(?= |$)`));
  if (at < 0) throw new Error(`no column ${label} in: ${header}`);
  const end = at + 1 + label.length;
  const row = rowLine(t, name);
  if (!row) throw new Error(`no row ${name}`);
  return row.slice(0, end).trim().split(/ +/).at(-1) ?? '';
}

/** Column labels of the panel's header line. */
export function labels(t: Tui): string[] {
  return headerLine(t).trim().split(/ +/);
}

/** Names in the NAME column, top to bottom (data rows only). */
export function names(t: Tui, pattern: RegExp): string[] {
  return t.lines().map((l) => pattern.exec(l)?.[1]).filter((n): n is string => !!n);
}
