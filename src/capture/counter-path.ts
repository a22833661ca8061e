// A Perfmon counter path as esxtop writes it: `\\host\Object(instance)\Counter`, or
// `\\host\Object\Counter` for an object without instances. Instances may hold colons, spaces and
// parentheses (`1:system:65751:tq:incompatTQ`, `PCPU Power State(PCPU 0)`); counters may hold
// parentheses (`Cpu Load (1 Minute Avg)`) but never a backslash.

export interface CounterPath {
  host: string;
  object: string;
  instance: string | null;
  counter: string;
}

/** The first cell of every esxtop batch file: `(PDH-CSV 4.0) (UTC)(0)` or a local time zone. */
export const PDH_FIRST_CELL = /^\(PDH-CSV 4\.0\)/;

export function parseCounterPath(cell: string): CounterPath | null {
  if (!cell.startsWith('\\\\')) return null;
  const hostEnd = cell.indexOf('\\', 2);
  const counterStart = cell.lastIndexOf('\\');
  if (hostEnd <= 2 || counterStart <= hostEnd + 1 || counterStart === cell.length - 1) return null;
  const host = cell.slice(2, hostEnd);
  const middle = cell.slice(hostEnd + 1, counterStart);
  const counter = cell.slice(counterStart + 1);
  const open = middle.indexOf('(');
  if (open < 0) return { host, object: middle, instance: null, counter };
  if (!middle.endsWith(')') || open === 0) return null;
  return { host, object: middle.slice(0, open), instance: middle.slice(open + 1, -1), counter };
}
