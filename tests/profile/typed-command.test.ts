// A command typed on the monitor's `:` line is read by the profile loader's own event reader: the
// same command as the `events:` entry written with the same words, and the same refusals.
import { describe, expect, it } from 'vitest';
import { loadProfileText } from '../../src/profile/load.js';
import { eventKeys, profileNames, readTypedCommand, targetKinds, type TypedField } from '../../src/profile/typed-command.js';
import { loadOk, yaml } from './helpers.js';

const LAB = [
  'name: p',
  'hosts:',
  '  - { name: esx-a, hypervisor: esxi, pcpus: 4, memory: 16GiB }',
  '  - { name: esx-b, hypervisor: esxi, pcpus: 4, memory: 16GiB }',
  '  - { name: xen-1, hypervisor: xen, pcpus: 4, memory: 16GiB }',
  '  - { name: lx-1, hypervisor: linux, pcpus: 4, memory: 16GiB }',
  'vms:',
  '  - { name: web, host: esx-a, vcpus: 2, memory: 2GiB, count: 2 }',
  '  - { name: db, host: esx-a, vcpus: 4, memory: 8GiB }',
  'containers:',
  '  - { name: api, host: lx-1, image: nginx }',
  '  - { name: front, host: lx-1, image: nginx, replicas: 2 }',
  'templates:',
  '  - { name: tmpl, vcpus: 1, memory: 1GiB }',
];
const profile = loadOk(yaml(...LAB));

/** `migrate web-1 to=esx-b` as the loader reads it typed, and as the event `{ at: 0s, action: migrate, target: web-1, to: esx-b }`. */
function bothWays(line: string) {
  const [action, target, ...rest] = line.split(' ');
  const fields: TypedField[] = rest.map((w) => ({ key: w.slice(0, w.indexOf('=')), value: w.slice(w.indexOf('=') + 1) }));
  const typed = readTypedCommand(profile, action, target, fields);
  const entry = [`action: ${action}`, `target: ${target}`, ...fields.map((f) => `${f.key}: ${f.value}`)].join(', ');
  const loaded = loadProfileText(yaml(...LAB, 'events:', `  - { at: 0s, ${entry} }`), 'p.yaml');
  return { typed, loaded };
}

describe('a typed command is the profile event of the same words', () => {
  it.each([
    'migrate web-1 to=esx-b', 'load db cpu=80% for=60s', 'load db cpu=50% threads=1 for=1m active=512MiB', 'freeze api',
    'scale front replicas=3', 'fail xen-1 partition=Domain-0', 'restart xen-1 partition=Domain-0 boot=45s', 'deploy tmpl to=esx-b',
    'load front cpu=20% for=10s', 'power_off web-2', 'relocate db to=esx-b', 'restore api to=esx-a',
  ])('%s', (line) => {
    const { typed, loaded } = bothWays(line);
    if (!loaded.ok) expect.fail(loaded.errors.map((e) => e.message).join('; '));
    expect(typed).toEqual({ ok: true, command: loaded.profile.events[0].command });
  });

  it.each([
    ['migrate web-1 to=esx-z', 'to', /^unknown host "esx-z"; did you mean "esx-a"\?/],
    ['load db cpu=180% for=60s', 'cpu', /^expected a percentage 0%..100%/],
    ['load db cpu=50% threads=9 for=60s', 'threads', /^threads \(9\) must be <= vcpus \(4\) of "db"$/],
    ['load db cpus=50% for=60s', 'cpus', /^unknown key "cpus"; did you mean "cpu"\?$/],
    ['freeze web-1', 'target', /^"web-1" is a VM, not a container/],
    ['migrat web-1', 'action', /did you mean "migrate"\?$/],
    ['restart xen-1', 'action', /add partition: Domain-0$/],
    ['load db cpu=50% for=0s', 'for', /^expected a duration above 0 like 60s$/],
    ['migrate web-1 to=esx-b replicas=2', 'replicas', /^"replicas" applies only to scale events$/],
    ['migrate web-1 to=[esx-b]', 'to', /^expected a name/],
  ])('%s is refused as the profile refuses it', (line, field, message) => {
    const { typed, loaded } = bothWays(line);
    if (typed.ok || loaded.ok) expect.fail('both should be refused');
    expect(typed.problems[0].field).toBe(field);
    expect(typed.problems[0].message).toMatch(message);
    // the very messages of the profile (which orders them by line and column), whose paths say events[0].
    const said = (path: string, message: string) => `${path}: ${message}`;
    expect(typed.problems.map((p) => said(p.field ? `events[0].${p.field}` : 'events[0]', p.message)).sort())
      .toEqual(loaded.errors.map((e) => said(e.path, e.message)).sort());
  });

  it('a missing key and a missing target are the loader\'s messages too', () => {
    expect(readTypedCommand(profile, 'load', 'db', [{ key: 'cpu', value: '50%' }])).toEqual({ ok: false, problems: [{ field: '', message: 'missing required key "for"' }] });
    expect(readTypedCommand(profile, 'freeze', undefined, [])).toEqual({ ok: false, problems: [{ field: '', message: 'missing required key "target"' }] });
  });
});

describe('the name book and the vocabulary the completion reads', () => {
  it('holds the profile\'s names by kind: clones, a service and its replicas, templates', () => {
    const names = profileNames(profile);
    expect(names.all('host')).toEqual(['esx-a', 'esx-b', 'xen-1', 'lx-1']);
    expect(names.all('vm')).toEqual(['web-1', 'web-2', 'db']);
    expect(names.all('service')).toEqual(['front']);
    expect(names.all('container')).toEqual(['api', 'front-1', 'front-2']);
    expect(names.all('template')).toEqual(['tmpl']);
    expect(profileNames(profile)).toBe(names);
  });

  it('each action\'s target kinds and keys, as the profile writes them', () => {
    expect(targetKinds('load')).toEqual(['vm', 'container', 'service']);
    expect(targetKinds('scale')).toEqual(['service']);
    expect(eventKeys('load')).toEqual(['cpu', 'for', 'threads', 'active']);
    expect(eventKeys('restart')).toEqual(['partition', 'boot']);
    expect(eventKeys('freeze')).toEqual([]);
  });
});

describe('a site as a typed command\'s target', () => {
  it('fail_site dc1 is the event of the same words; the name book holds the sites', () => {
    const sited = loadOk(yaml('name: s', 'hosts:',
      '  - { name: a1, hypervisor: esxi, pcpus: 4, memory: 16GiB, site: dc1 }', '  - { name: b1, hypervisor: esxi, pcpus: 4, memory: 16GiB, site: dr }'));
    expect(profileNames(sited).all('site')).toEqual(['dc1', 'dr']);
    expect(targetKinds('fail_site')).toEqual(['site']);
    expect(readTypedCommand(sited, 'fail_site', 'dc1', [])).toEqual({ ok: true, command: { action: 'fail_site', target: 'dc1' } });
    expect(readTypedCommand(sited, 'fail_site', 'a1', [])).toEqual({ ok: false, problems: [{ field: 'target', message: '"a1" is a host, not a site (sites: dc1, dr)' }] });
  });
});
