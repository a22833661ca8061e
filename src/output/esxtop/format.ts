// The PDH-CSV line as `esxtop -b` writes it: every cell quoted, one empty field after the last
// (each line ends in `",`), the time column first.

export const TIME_COLUMN = '(PDH-CSV 4.0) (UTC)(0)';

/** Simulated time zero, so timestamps are stable for a given seed. */
const EPOCH_MS = Date.UTC(2026, 0, 1, 0, 0, 0);

function quote(cell: string): string {
  return `"${cell.replace(/"/g, '""')}"`;
}

export function pdhLine(cells: readonly string[]): string {
  return `${cells.map(quote).join(',')},`;
}

/**
 * esxtop's `MM/DD/YYYY HH:MM:SS`, whole seconds only: the CLI refuses a schedule that is not,
 * since two samples in one second would share a label and tools drop or merge the repeats.
 */
export function pdhTimestamp(t: number): string {
  const ms = Math.round(t * 1000);
  if (ms % 1000 !== 0) throw new RangeError(`esxtop CSV timestamps are whole seconds, got t = ${t} s`);
  const d = new Date(EPOCH_MS + ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())}/${d.getUTCFullYear()} ` +
    `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}
