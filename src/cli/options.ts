// Flag values checked once, with a message that says which flag and what was expected.

import { isTheme, THEMES, type ThemeName } from '../tui/theme.js';
import { range, within, wholeQuanta, type LimitName } from '../limits.js';
import { UsageError } from './usage-error.js';

const NUMBER = /^\s*[0-9.]+(e[+-]?\d+)?\s*$/i;

/** A number within its row of the limits table; `what` says what it is ("simulated seconds"). */
export function limitedNumber(flag: string, name: LimitName, what: string) {
  return (raw: string): number => {
    const x = Number(raw);
    if (!NUMBER.test(raw) || !within(name, x)) throw new UsageError(`${flag}: expected ${range(name)} ${what}, got "${raw}"`);
    return x;
  };
}

export function limitedInteger(flag: string, name: LimitName) {
  return (raw: string): number => {
    const x = Number(raw);
    if (!/^\s*\d+\s*$/.test(raw) || !within(name, x)) throw new UsageError(`${flag}: expected a whole number ${range(name)}, got "${raw}"`);
    return x;
  };
}

export const seedValue = limitedInteger('--seed', 'seed');

/** --speed: the monitor's, a demo's or batch's row of the table. */
export function speedValue(name: 'monitorSpeed' | 'demoSpeed' | 'batchSpeed') {
  return limitedNumber('--speed', name, 'simulated seconds per wall second');
}

/**
 * batch -d against the profile's quantum, once it is known: the engine samples between quanta,
 * so a delay between two (0.015 s at 10 ms) gave unevenly spaced samples.
 */
export function checkBatchDelay(seconds: number, quantumMs: number): void {
  if (!wholeQuanta(seconds, quantumMs)) {
    throw new UsageError(`--delay: expected a whole number of the profile's ${quantumMs} ms quanta ` +
      `(${(quantumMs / 1000).toString()}, ${((2 * quantumMs) / 1000).toString()}, ...), got "${seconds}"`);
  }
}

export function formatValue(raw: string): 'csv' | 'csv-vmtop' | 'jsonl' {
  if (raw !== 'csv' && raw !== 'csv-vmtop' && raw !== 'jsonl') {
    throw new UsageError(`--format: expected csv, csv-vmtop or jsonl, got "${raw}"`);
  }
  return raw;
}

/** --theme: one of the monitor's colour themes. */
export function themeValue(raw: string): ThemeName {
  if (!isTheme(raw)) throw new UsageError(`--theme: expected one of ${THEMES.join(', ')}, got "${raw}"`);
  return raw;
}

/** NO_COLOR (non-empty) and --no-color both turn colour off (no-color.org). */
export function colorWanted(flag: boolean | undefined, env: NodeJS.ProcessEnv = process.env): boolean {
  if (flag === false) return false;
  return !(env.NO_COLOR !== undefined && env.NO_COLOR !== '');
}
