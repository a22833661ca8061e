// What the loader reports, and the "did you mean" it attaches to unknown names.

export interface ProfileError {
  file: string;
  /** 1-based; 0 only when the file itself could not be read (there is no position). */
  line: number;
  /** 1-based; 0 together with line 0. */
  col: number;
  /** Key path such as `vms[2].workload.cpu`; empty for YAML syntax errors and whole-file errors. */
  path: string;
  message: string;
}

/** `file:line:col: path: message` on one line; parts that do not apply are left out. */
export function formatProfileError(e: ProfileError): string {
  const where = e.line > 0 ? `${e.file}:${e.line}:${e.col}` : e.file;
  const path = e.path ? `${e.path}: ` : '';
  return `${where}: ${path}${e.message}`.replace(/\s*\n\s*/g, ' ');
}

/** Optimal-string-alignment distance: Levenshtein plus adjacent transpositions (`vpcus`). */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0].push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, rows[i - 2][j - 2] + 1);
      }
      rows[i].push(d);
    }
  }
  return rows[a.length][b.length];
}

/**
 * The closest candidate, or undefined. Close means distance <= 2 (but less than the typed word's
 * length, so `io` does not suggest `ft`) or one being a prefix of the other (`mem` -> `memory`).
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  let best: { name: string; score: number } | undefined;
  for (const name of candidates) {
    const c = name.toLowerCase();
    const d = editDistance(w, c);
    const near = d <= 2 && d < w.length;
    const prefix = w.length >= 2 && (c.startsWith(w) || w.startsWith(c));
    if (!near && !prefix) continue;
    // A prefix match ranks just behind a two-letter edit, so typos win over abbreviations.
    const score = near ? d : 2.5;
    if (!best || score < best.score) best = { name, score };
  }
  return best?.name;
}

/** `; did you mean "X"?` or the empty string. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const hit = closest(word, candidates);
  return hit === undefined ? '' : `; did you mean "${hit}"?`;
}

/** `a, b, c` shortened to a readable number of names. */
export function listNames(names: readonly string[], max = 8): string {
  if (names.length === 0) return 'none';
  const shown = names.slice(0, max).join(', ');
  return names.length > max ? `${shown}, … (${names.length} in all)` : shown;
}

/** A number for a message: at most three decimals, no trailing zeros. */
export function num(n: number): string {
  return String(Number(n.toFixed(3)));
}
