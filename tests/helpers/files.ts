// The repository's own files, for tests that read the code (hygiene, docs pointers).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `dir` whose name matches `pattern`, depth first. */
export function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? filesUnder(p, pattern) : pattern.test(e.name) ? [p] : [];
  });
}
