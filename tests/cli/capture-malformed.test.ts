// Malformed captures through the CLI: `vmtop FILE.csv` (the monitor: without a terminal it still
// reads sample 1 first, so a file it cannot show is refused for the file) and `vmtop import`.
// Either one clear message and exit 2, or the good rows used and the bad ones named; never a stack.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { realText } from '../helpers/capture.js';
import { vmtop } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const dir = tempDir('vmtop-malformed-');
const lines = realText('small-esxtop-data.csv').split('\n').filter((l) => l !== '');
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
/** deterministic bytes that are not text */
const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));

const noStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at |Error:|node:internal/);

describe('a file that is no capture at all: one message, exit 2, from the monitor and import alike', () => {
  const cases: [string, string | Buffer, RegExp][] = [
    ['empty.csv', '', /the file is empty: expected an esxtop batch capture/],
    ['header-only.csv', `${lines[0]}\n`, /a header line and no sample after it: expected one line per sample after line 1/],
    ['binary.csv', junk, /line 1, column 1: expected "\(PDH-CSV 4\.0\) \.\.\.".*; found binary data, not text/],
    ['cut-in-header.csv', lines[0].slice(0, 50000), /ends inside line 1 \(the header\), in a quoted cell: it is truncated/],
  ];
  for (const [name, content, message] of cases) {
    test(name, () => {
      const path = file(name, content);
      for (const args of [[path], ['import', path, '-o', join(dir, 'x.yaml')]]) {
        const r = vmtop(args);
        expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr.trimEnd().split('\n'), r.stderr).toHaveLength(1);
        expect(r.stderr).toMatch(new RegExp(`^vmtop: ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not an esxtop batch capture: `));
        expect(r.stderr).toMatch(message);
        noStack(r.stderr);
      }
    });
  }
});

describe('good rows with bad ones: the good are used, each bad one named by its line', () => {
  test('a row with fewer fields (cut short by a full disk, say) is skipped and named', () => {
    const path = file('fewer.csv', [lines[0], lines[1], lines[2].split(',').slice(0, 3000).join(','), lines[3], ''].join('\n'));
    const r = vmtop(['import', path]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(`vmtop: ${path}: line 3: 3000 fields where the header has 7632: row skipped (truncated?)\n`);
    // the profile is made from the two good samples
    expect(r.stdout).toMatch(/poseidon/);
  });

  test('a truncated last row: the samples before it are used, and the file is said to be cut', () => {
    const path = file('truncated.csv', [lines[0], lines[1], lines[2], lines[3].slice(0, 50000)].join('\n'));
    const r = vmtop(['import', path]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`^vmtop: .*truncated\\.csv: line 4: \\d+ fields where the header has 7632: row skipped \\(truncated\\?\\)\\n`));
    expect(r.stderr).toMatch(/the file ends inside a quoted cell: its last line is truncated\n$/);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(2);
    noStack(r.stderr);
    expect(r.stdout).toMatch(/poseidon/);
  });

  test('cells that are not numbers read as absent, and the line and column are named', () => {
    const cells = lines[2].split('","');
    cells[5328] = 'n/a';
    const path = file('text-cell.csv', [lines[0], lines[1], cells.join('","'), lines[3], ''].join('\n'));
    const r = vmtop(['import', path]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(`vmtop: ${path}: line 3: 1 cell is not a number (first at column 5329: "n/a"): shown as -\n`);
  });
});
