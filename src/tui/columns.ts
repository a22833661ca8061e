// Fixed-width text shared by the panels: a styled run of text, a cell cut to its width with an
// ellipsis, and esxtop's two-decimal numbers that give up decimals before they overflow.

import type { Level } from '../fields/cpu.js';

/** A run of text in one style; `level` colours a value that crossed a threshold. */
export interface Segment {
  text: string;
  level?: Level;
}

export function fit(text: string, width: number): string {
  if (text.length <= width) return text.padEnd(width);
  return width <= 1 ? text.slice(0, width) : text.slice(0, width - 1) + '…';
}

/** esxtop prints two decimals; wide sums (16 vCPUs at 100 %) give up decimals to fit. */
export function formatPct(value: number, width: number): string {
  // a counter a real capture lacks: absent, never a 0 the host did not report
  if (Number.isNaN(value)) return '-'.padStart(width);
  for (const digits of [2, 1, 0]) {
    const text = value.toFixed(digits);
    if (text.length <= width) return text.padStart(width);
  }
  return '#'.repeat(width);
}
