// Tab on the `:` line completes from the profile's names and the command table; without Tab the
// same walk says what the line expects next.
import { expect, test } from 'vitest';
import { loadProfileSource } from '../../../src/cli/load-profile.js';
import { complete, expected } from '../../../src/tui/command-line/complete.js';
import { COMMAND_NAMES } from '../../../src/profile/types.js';

const { profile } = loadProfileSource('lab');

test('an action, completed whole with the space after it, or as far as the candidates agree', () => {
  expect(complete(profile, 'mi')).toEqual({ text: 'migrate ', candidates: ['migrate'] });
  expect(complete(profile, 're')).toEqual({ text: 're', candidates: ['relocate', 'recover', 'resume', 'reset', 'restore', 'restart'] });
  expect(complete(profile, 'res')).toEqual({ text: 'res', candidates: ['resume', 'reset', 'restore', 'restart'] });
  expect(complete(profile, 'rest')).toEqual({ text: 'rest', candidates: ['restore', 'restart'] });
  expect(complete(profile, '').candidates).toEqual([...COMMAND_NAMES]);
  expect(complete(profile, 'zz')).toEqual({ text: 'zz', candidates: [] });
});

test('a target of the kinds the action takes', () => {
  expect(complete(profile, 'migrate w')).toEqual({ text: 'migrate web-', candidates: ['web-1', 'web-2', 'web-3'] });
  expect(complete(profile, 'migrate web-2')).toEqual({ text: 'migrate web-2 ', candidates: ['web-2'] });
  // a container is no VM to migrate; freeze takes containers only
  expect(complete(profile, 'migrate ap').candidates).toEqual(['app-1', 'app-2']);
  expect(complete(profile, 'freeze ap')).toEqual({ text: 'freeze api ', candidates: ['api'] });
  expect(complete(profile, 'fail x')).toEqual({ text: 'fail xen-1 ', candidates: ['xen-1'] });
  // load takes a VM, a container or a service
  expect(complete(profile, 'load fr').candidates).toEqual(['front-1', 'front-2', 'front-3', 'front']);
});

test('after the target, the keys the action takes, each once; after to=, a host', () => {
  expect(complete(profile, 'migrate web-1 ')).toEqual({ text: 'migrate web-1 to=', candidates: ['to='] });
  expect(complete(profile, 'load db ').candidates).toEqual(['cpu=', 'for=', 'threads=', 'active=']);
  expect(complete(profile, 'load db cpu=50% ').candidates).toEqual(['for=', 'threads=', 'active=']);
  expect(complete(profile, 'load db cpu=50% f')).toEqual({ text: 'load db cpu=50% for=', candidates: ['for='] });
  expect(complete(profile, 'migrate web-1 to=esx-o')).toEqual({ text: 'migrate web-1 to=esx-old ', candidates: ['to=esx-old'] });
  expect(complete(profile, 'fail xen-1 partition=')).toEqual({ text: 'fail xen-1 partition=Domain-0 ', candidates: ['partition=Domain-0'] });
  expect(complete(profile, 'freeze api ').candidates).toEqual([]);
});

test('what the line expects next', () => {
  expect(expected(profile, '')).toBe(`an action: ${COMMAND_NAMES.join(' ')}`);
  expect(expected(profile, 'migrat')).toBe(`an action: ${COMMAND_NAMES.join(' ')}`);
  expect(expected(profile, 'migrat ')).toBe(`migrat: not an action (${COMMAND_NAMES.join(' ')})`);
  expect(expected(profile, 'freeze ')).toBe('the container to freeze: front-1 front-2 front-3 api etl cache worker-1 worker-2');
  expect(expected(profile, 'load ')).toMatch(/^the VM, container or service to load: web-1 /);
  expect(expected(profile, 'load db ')).toBe('load takes cpu= for= threads= active=; Enter runs');
  expect(expected(profile, 'load db for=')).toBe('for: a duration like 60s');
  expect(expected(profile, 'migrate web-1 to=')).toBe('to: a host (esx-a esx-b esx-old laptop xen-1 lx-1 vs-1)');
  expect(expected(profile, 'freeze api ')).toBe('freeze takes nothing more; Enter runs');
});
