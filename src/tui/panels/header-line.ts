// The pieces a panel's header lines are built from: a line given as variants from the longest
// wording to the shortest (the first that fits is used, padded to the width; else the last one is
// cut), coloured parts, and the small number formats the headers share.

import type { HostSample, Snapshot } from '../../engine/snapshot.js';
import type { Level } from '../../fields/cpu.js';
import { fit, type Segment } from '../columns.js';

/** A line as parts; a part may be coloured. */
export type Parts = readonly (string | Segment)[];

export const seg = (p: string | Segment): Segment => (typeof p === 'string' ? { text: p } : p);
export const length = (parts: Parts) => parts.reduce((n, p) => n + seg(p).text.length, 0);

/** The first variant that fits, padded to the width; else the last one cut. */
export function line(variants: readonly Parts[], width: number): Segment[] {
  const found = variants.find((v) => length(v) <= width);
  if (!found) return [{ text: fit(variants.at(-1)!.map((p) => seg(p).text).join(''), width) }];
  return [...found.map(seg), { text: ' '.repeat(width - length(found)) }];
}

/** A figure a real capture may lack (NaN) reads `-`, never `NaN` or a made-up 0. */
export const two = (n: number) => (Number.isNaN(n) ? '-' : n.toFixed(2));
export const whole = (n: number) => (Number.isNaN(n) ? '-' : String(Math.round(n)));
export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
/** A span of seconds as a narrow column and a full header say it: `16s`, `1m58s`, `5m`, `1h05m`. */
export function dur(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return s % 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s / 60}m`;
  const m = Math.round(s / 60);
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}
export const pct = (part: number, of: number) => (Number.isNaN(part) || Number.isNaN(of) ? '-' : of > 0 ? ((part * 100) / of).toFixed(1) : '0.0');
export const blank = (width: number): Segment[] => [{ text: ' '.repeat(width) }];
export const coloured = (text: string, level: Level): Segment => ({ text, level });
export const count = (n: number, level: Level = 'warn'): Segment => coloured(String(n), n > 0 ? level : 'ok');

/** A panel's header lines for the host on screen, or blank lines when the profile has none. */
export const forHost = (lines: number, make: (snap: Snapshot, host: HostSample, width: number) => Segment[][]) =>
  (snap: Snapshot, host: HostSample | undefined, width: number): Segment[][] =>
    host ? make(snap, host, width) : Array.from({ length: lines }, () => blank(width));
