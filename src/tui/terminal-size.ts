// Ink 6.8 never reads the terminal height and ink-testing-library's stdout has no rows, so the
// monitor tracks both dimensions itself; tests pass the size in.

import { useEffect, useState } from 'react';
import { useStdout } from 'ink';

export interface TerminalSize {
  columns: number;
  rows: number;
}

export const MIN_SIZE: TerminalSize = { columns: 60, rows: 15 };

export function useTerminalSize(override?: TerminalSize): TerminalSize {
  const { stdout } = useStdout();
  const read = (): TerminalSize => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    if (override) return;
    const onResize = () => setSize({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, override]);
  return override ?? size;
}

/** Lines the frame may use: one short of the terminal, or Ink 6.8 clears the screen every frame. */
export function frameHeight(size: TerminalSize): number {
  return Math.max(1, size.rows - 1);
}

/** Columns a line may use: the last one stays free so no terminal scrolls on the corner cell. */
export function frameWidth(size: TerminalSize): number {
  return Math.max(1, size.columns - 1);
}
