// A PDH-CSV reader that keeps what tools depend on: whether each cell was quoted, whether a line
// ends with esxtop's empty trailing field, and each counter path split into host, object,
// instance and counter. The same reader reads vmtop's files and the real capture.

export interface PdhLine {
  cells: string[];
  quoted: boolean[];
  /** the line ends with `,` after its last quoted cell: one empty, unquoted field */
  trailing: boolean;
}

export function parseLine(line: string): PdhLine {
  const cells: string[] = [];
  const quoted: boolean[] = [];
  let i = 0;
  for (;;) {
    let cell = '';
    let q = false;
    if (line[i] === '"') {
      q = true;
      i++;
      for (;;) {
        if (i >= line.length) throw new Error(`unterminated quote in ${line.slice(0, 80)}`);
        if (line[i] === '"' && line[i + 1] === '"') { cell += '"'; i += 2; continue; }
        if (line[i] === '"') { i++; break; }
        cell += line[i++];
      }
    } else {
      while (i < line.length && line[i] !== ',') cell += line[i++];
    }
    cells.push(cell);
    quoted.push(q);
    if (i >= line.length) break;
    if (line[i] !== ',') throw new Error(`junk after a quoted cell at ${i}: ${line.slice(i, i + 20)}`);
    i++;
  }
  const trailing = cells.length > 1 && cells[cells.length - 1] === '' && !quoted[quoted.length - 1];
  if (trailing) {
    cells.pop();
    quoted.pop();
  }
  return { cells, quoted, trailing };
}

export interface PdhFile {
  header: PdhLine;
  rows: PdhLine[];
}

export function parsePdh(text: string): PdhFile {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const [header, ...rows] = lines.map(parseLine);
  return { header, rows };
}

export interface CounterPath {
  host: string;
  object: string;
  instance: string | null;
  counter: string;
}

export function parsePath(path: string): CounterPath | null {
  const m = /^\\\\([^\\]+)\\([^\\(]+?)(?:\((.*)\))?\\([^\\]+)$/.exec(path);
  return m ? { host: m[1], object: m[2], instance: m[3] ?? null, counter: m[4] } : null;
}

/** What a CSV reader (pandas, a Perfmon-style viewer) infers from one cell. */
export function cellType(cell: string): 'int' | 'dec2' | 'float' | 'empty' | 'text' {
  if (cell === '') return 'empty';
  if (/^-?\d+$/.test(cell)) return 'int';
  if (/^-?\d+\.\d\d$/.test(cell)) return 'dec2';
  if (/^-?\d+\.\d+$/.test(cell)) return 'float';
  return 'text';
}

/** `(object, counter)` -> the types of its cells over every instance and row. */
export function typesByCounter(f: PdhFile): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  f.header.cells.forEach((path, col) => {
    const p = parsePath(path);
    if (!p) return;
    const key = `${p.object}\\${p.counter}`;
    const set = out.get(key) ?? new Set<string>();
    for (const r of f.rows) set.add(cellType(r.cells[col]));
    out.set(key, set);
  });
  return out;
}
