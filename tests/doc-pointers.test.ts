// Comments in src/ point into the repository's own docs, as `docs/model/io.md` or
// `docs/model/io.md, "Device paths"`: each file must exist and each quoted heading be one of its
// headings; nothing points at a document the repository does not have.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder } from './helpers/files.js';

const ROOT = new URL('..', import.meta.url).pathname;
const sources = (dir: string) => filesUnder(dir, /\.tsx?$/);

/** `docs/x.md` with the headings quoted right after it (`, "A"`, `, "A" and "B"`, on the next comment line too). */
const POINTER = /(docs\/[\w/.-]+\.md)((?:,?\s*(?:\/\/|\*)?\s*"[^"\n]+"(?: and "[^"\n]+")*)?)/g;

function headings(file: string): string[] {
  return readFileSync(join(ROOT, file), 'utf8').split('\n').filter((l) => /^#+ /.test(l)).map((l) => l.replace(/^#+ /, '').trim());
}

const pointers = sources(join(ROOT, 'src')).flatMap((path) => {
  const text = readFileSync(path, 'utf8');
  return [...text.matchAll(POINTER)].map((m) => ({
    from: path.slice(ROOT.length), file: m[1].replace(/\.$/, ''), sections: [...m[2].matchAll(/"([^"]+)"/g)].map((s) => s[1]),
  }));
});

describe('pointers from src/ into docs/', () => {
  it('there are some, and none to a document outside the repository', () => {
    expect(pointers.length).toBeGreaterThan(30);
    const outside = sources(join(ROOT, 'src')).filter((p) => /reference §|SPEC §|reference model §|\.\.\/shared/.test(readFileSync(p, 'utf8')));
    expect(outside.map((p) => p.slice(ROOT.length))).toEqual([]);
  });

  it.each(pointers.map((p) => [`${p.from} -> ${p.file}${p.sections.map((s) => `, "${s}"`).join('')}`, p] as const))('%s', (_, p) => {
    expect(existsSync(join(ROOT, p.file)), p.file).toBe(true);
    const have = headings(p.file);
    for (const s of p.sections) expect(have, `${p.file} has no heading "${s}"`).toContain(s);
  });
});
