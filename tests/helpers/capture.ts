// The real captures (tests/fixtures/esxtop/SOURCE.md), whole, gunzipped once per test file.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { tempDir } from './tmp.js';

export function realText(name: 'small-esxtop-data.csv' | 'all-counters-header.csv'): string {
  return gunzipSync(readFileSync(new URL(`../fixtures/esxtop/${name}.gz`, import.meta.url))).toString('utf8');
}

/** the real default-counter capture as a file on disk, for the stream and the CLI */
export function realCaptureFile(dir: string = tempDir('vmtop-capture-')): string {
  const path = join(dir, 'small-esxtop-data.csv');
  writeFileSync(path, realText('small-esxtop-data.csv'));
  return path;
}
