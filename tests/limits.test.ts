// The one table of limits: every flag refuses what is outside its row with a message that states
// the row, --help states the same ranges, the README holds the table as limitsMarkdown() makes it,
// and batch without -n no longer floods.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { limitsMarkdown, LIMITS, range, wholeQuanta } from '../src/limits.js';
import { BIN, ROOT, vmtop } from './helpers/cli.js';

describe('the limits table', () => {
  it('is in the README as the code states it', () => {
    expect(readFileSync(new URL('../README.md', import.meta.url), 'utf8')).toContain(limitsMarkdown());
  });

  it('whole quanta: float noise is not a remainder, a part of a quantum is', () => {
    expect(wholeQuanta(0.07, 10)).toBe(true);
    expect(wholeQuanta(2, 10)).toBe(true);
    expect(wholeQuanta(0.015, 10)).toBe(false);
    expect(wholeQuanta(0.015, 5)).toBe(true);
  });
});

describe('flags outside the table are refused, with the range', () => {
  const refused: [string[], string][] = [
    // three samples at t=0 with every counter 0
    [['batch', 'lab', '-d', '0.001', '-n', '3'], `--delay: expected ${range('batchDelayS')} simulated seconds, got "0.001"`],
    // samples 10 and 20 ms apart in turn
    [['batch', 'lab', '-d', '0.015', '-n', '3'], '--delay: expected a whole number of the profile\'s 10 ms quanta (0.01, 0.02, ...), got "0.015"'],
    [['batch', 'lab', '-d', '100000', '-n', '1'], `--delay: expected ${range('batchDelayS')} simulated seconds, got "100000"`],
    [['lab', '-d', '0.1'], `--delay: expected ${range('monitorDelayS')} simulated seconds, got "0.1"`],
    [['lab', '-d', '7200'], `--delay: expected ${range('monitorDelayS')} simulated seconds, got "7200"`],
    // it silently became x64
    [['lab', '--speed', '1000'], `--speed: expected ${range('monitorSpeed')} simulated seconds per wall second, got "1000"`],
    [['replay', 'x.vmtrec', '--speed', '0.1'], `--speed: expected ${range('monitorSpeed')} simulated seconds per wall second, got "0.1"`],
    [['demo', 'overcommit', '--speed', '5000'], `--speed: expected ${range('demoSpeed')} simulated seconds per wall second, got "5000"`],
    [['batch', 'lab', '--realtime', '--speed', '0.001'], `--speed: expected ${range('batchSpeed')} simulated seconds per wall second, got "0.001"`],
    [['batch', 'lab', '-n', '0'], `--count: expected a whole number ${range('count')}, got "0"`],
    [['batch', 'lab', '-n', '2000000'], `--count: expected a whole number ${range('count')}, got "2000000"`],
    [['batch', 'lab', '-n', '1', '--seed', '4294967296'], `--seed: expected a whole number ${range('seed')}, got "4294967296"`],
  ];
  it.each(refused)('vmtop %j', (args, message) => {
    const r = vmtop(args);
    expect(r.stderr).toBe(`vmtop: ${message}\n`);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });

  it('the ends of each row are accepted', () => {
    expect(vmtop(['batch', 'lab', '-d', String(LIMITS.batchDelayS.min), '-n', '2']).code).toBe(0);
    const r = vmtop(['batch', 'lab', '-d', '0.07', '-n', '2']);
    expect(r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { t: number }).t)).toEqual([0.07, 0.14]);
  });
});

it('--help states the ranges of the table', () => {
  const main = vmtop(['--help']).stdout.replace(/\s+/g, ' ');
  for (const name of ['seed', 'monitorSpeed', 'monitorDelayS'] as const) expect(main, name).toContain(range(name));
  const batch = vmtop(['batch', '--help']).stdout.replace(/\s+/g, ' ');
  for (const name of ['seed', 'batchSpeed', 'batchDelayS', 'csvDelayS', 'count'] as const) expect(batch, name).toContain(range(name));
  expect(batch).toContain('default: until interrupted, paced in real time');
  expect(vmtop(['demo', '--help']).stdout).toContain(range('demoSpeed'));
});

it('batch without -n paces its samples in real time instead of flooding', () => {
  // 3 wall seconds of samples 0.1 s apart (-d 1 at x10), start-up included: at most 30, where the
  // flood wrote thousands (38 MB in 20 s)
  const r = spawnSync(process.execPath, [BIN, 'batch', 'lab', '-d', '1', '--speed', '10'],
    { cwd: ROOT, encoding: 'utf8', timeout: 3000, killSignal: 'SIGINT' });
  const times = r.stdout.trim().split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { t: number }).t);
  expect(times.length).toBeGreaterThanOrEqual(1);
  expect(times.length).toBeLessThanOrEqual(30);
  expect(times).toEqual(times.map((_, i) => i + 1));
});
