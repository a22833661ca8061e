// Every frame fits the terminal: at most rows - 1 lines (Ink 6.8 clears the screen each frame
// otherwise) and columns - 1 wide (the last column would wrap).
import { expect } from 'vitest';
import type { Tui } from './render-tui.js';

export function expectFits(t: Tui, columns: number, rows: number): void {
  const lines = t.lines();
  expect(lines.length).toBeLessThanOrEqual(rows - 1);
  for (const line of lines) expect(line.length).toBeLessThanOrEqual(columns - 1);
}
