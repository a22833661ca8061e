// The view settings file read at start: whatever it holds, a message for the status line, never
// an exception (a 5,000-deep array overflowed the stack and stopped the monitor).

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { CONFIG_DEPTH_MAX, loadConfig, nestedDeeper } from '../../src/tui/config.js';

const dir = mkdtempSync(join(tmpdir(), 'vmtop-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function load(text: string) {
  const path = join(dir, 'config.json');
  writeFileSync(path, text);
  return loadConfig(path);
}

test.each([
  ['a 5,000-deep array', '['.repeat(5000) + ']'.repeat(5000)],
  ['a 5,000-deep array as a setting', `{"panel": ${'['.repeat(5000)}${']'.repeat(5000)}}`],
  ['hidden fields nested deep', `{"hiddenFields": {"cpu": ${'[{"a":'.repeat(2000)}1${'}]'.repeat(2000)}}}`],
])('%s is refused with a message, not a stack overflow', (_, text) => {
  const r = load(text);
  expect(r.settings).toBeNull();
  expect(r.error).toBe(`nested deeper than ${CONFIG_DEPTH_MAX} levels: not vmtop's settings (W writes a flat object)`);
});

test('a wrong value is quoted short: a structure by its kind, a long string cut', () => {
  expect(load('{"panel": [1, 2, 3]}').error).toMatch(/^panel: an array of 3 is not one of cpu, /);
  expect(load(`{"panel": "${'x'.repeat(500)}"}`).error).toMatch(/^panel: "x{36}\.\.\. is not one of /);
  expect(load('{"sort": {"a": 1}}').error).toMatch(/^sort: .*an object/);
});

test('the settings W writes are well within the depth allowed', () => {
  const written = { version: 1, panel: 'cpu', sort: 'NAME', delay: 2, theme: 'default', hiddenFields: { cpu: ['%SYS'] } };
  expect(nestedDeeper(written, CONFIG_DEPTH_MAX)).toBe(false);
  expect(load(JSON.stringify(written)).error).toBeNull();
  expect(nestedDeeper([[[1]]], 2)).toBe(true);
  expect(nestedDeeper([[1]], 2)).toBe(false);
});
