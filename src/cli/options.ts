// Flag values checked once, with a message that says which flag and what was expected.

import { isTheme, THEMES, type ThemeName } from '../tui/theme.js';
import { UsageError } from './usage-error.js';

export function positiveNumber(flag: string, what = 'a positive number of seconds') {
  return (raw: string): number => {
    const x = Number(raw);
    if (!/^\s*[0-9.]+(e[+-]?\d+)?\s*$/i.test(raw) || !Number.isFinite(x) || x <= 0) {
      throw new UsageError(`${flag}: expected ${what}, got "${raw}"`);
    }
    return x;
  };
}

export function positiveInteger(flag: string) {
  return (raw: string): number => {
    if (!/^\d+$/.test(raw.trim()) || Number(raw) <= 0) {
      throw new UsageError(`${flag}: expected a positive whole number, got "${raw}"`);
    }
    return Number(raw);
  };
}

export function seedValue(raw: string): number {
  if (!/^\d+$/.test(raw.trim()) || Number(raw) > 0xffffffff) {
    throw new UsageError(`--seed: expected a whole number 0..4294967295, got "${raw}"`);
  }
  return Number(raw);
}

export function speedValue(raw: string): number {
  const x = positiveNumber('--speed', 'a positive number (simulated seconds per wall second)')(raw);
  if (x < 0.01 || x > 1000) throw new UsageError(`--speed: expected 0.01..1000 simulated seconds per second, got "${raw}"`);
  return x;
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
