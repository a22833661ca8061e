// The tests' own hygiene: temporary files go through tempDir() (removed after the file) under the
// run's $TMPDIR (checked empty at the end, tests/global-tmp.ts), never to a hard-coded /tmp.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';
import { ROOT } from './cli.js';
import { tempDir } from './tmp.js';

const dir = tempDir('vmtop-hygiene-');

function sources(d: string): string[] {
  return readdirSync(d, { withFileTypes: true }).flatMap((e) => {
    const p = join(d, e.name);
    return e.isDirectory() ? sources(p) : /\.(ts|tsx|mjs)$/.test(e.name) ? [p] : [];
  });
}

test('no test or bench writes to a hard-coded /tmp', () => {
  const files = [...sources(join(ROOT, 'tests')), ...sources(join(ROOT, 'bench'))];
  expect(files.length).toBeGreaterThan(20);
  const hardCoded = files.filter((f) => /['"`]\/tmp\//.test(readFileSync(f, 'utf8'))).map((f) => relative(ROOT, f));
  expect(hardCoded).toEqual([]);
});

test('tempDir gives a directory under the run\'s own $TMPDIR', () => {
  expect(existsSync(dir)).toBe(true);
  expect(dir.startsWith(tmpdir())).toBe(true);
  expect(tmpdir()).toMatch(/vmtop-run-/);
});
