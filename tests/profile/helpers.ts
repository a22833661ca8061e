// Small wrappers so tests read as "this YAML gives these numbers / these messages".
import { expect } from 'vitest';
import { formatProfileError } from '../../src/profile/errors.js';
import { loadProfileText } from '../../src/profile/load.js';
import type { Profile } from '../../src/profile/types.js';

export const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;

/** Lines joined with \n, so a test can point at "line 4" by counting array entries. */
export const yaml = (...lines: string[]): string => lines.join('\n') + '\n';

export const HOST = '  - { name: h, hypervisor: esxi, pcpus: 4, memory: 16GiB }';

export function loadOk(text: string): Profile {
  const r = loadProfileText(text, 'test.yaml');
  if (!r.ok) expect.fail(r.errors.map(formatProfileError).join('\n'));
  return r.profile;
}

/** Every error as `test.yaml:line:col: path: message`. */
export function errorsOf(text: string): string[] {
  const r = loadProfileText(text, 'test.yaml');
  if (r.ok) expect.fail('expected errors, the profile loaded');
  return r.errors.map(formatProfileError);
}
