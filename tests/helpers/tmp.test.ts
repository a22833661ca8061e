// The tests' own hygiene: temporary files go through tempDir() (removed after the file) under the
// run's $TMPDIR (checked empty at the end, tests/global-tmp.ts), never to a hard-coded /tmp.

import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';
import { ROOT } from './cli.js';
import { filesUnder } from './files.js';
import { tempDir } from './tmp.js';

const dir = tempDir('vmtop-hygiene-');

const sources = (d: string) => filesUnder(d, /\.(ts|tsx|mjs)$/);

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
