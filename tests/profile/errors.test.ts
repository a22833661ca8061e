import { describe, expect, it } from 'vitest';
import { formatProfileError } from '../../src/profile/errors.js';
import { loadProfileFile } from '../../src/profile/load.js';
import { errorsOf, FIXTURES, HOST, yaml } from './helpers.js';

describe('each error kind points at its node', () => {
  it('unknown key: at the key, with did-you-mean', () => {
    expect(errorsOf(yaml('name: x', 'hosts:', HOST, 'vms:', '  - name: v', '    host: h', '    vcpu: 2'))).toEqual([
      'test.yaml:7:5: vms[0].vcpu: unknown key "vcpu"; did you mean "vcpus"?',
    ]);
  });

  it('unknown key with nothing close: no suggestion', () => {
    expect(errorsOf(yaml('name: x', 'colour: blue', 'hosts:', HOST))).toEqual([
      'test.yaml:2:1: colour: unknown key "colour"',
    ]);
  });

  it('wrong type: at the value', () => {
    expect(errorsOf(yaml('name: x', 'hosts:', '  - name: h', '    hypervisor: esxi', '    pcpus: eight', '    memory: 8GiB'))).toEqual([
      'test.yaml:5:12: hosts[0].pcpus: expected an integer 1..1024',
    ]);
  });

  it('missing required key: at the mapping that lacks it', () => {
    expect(errorsOf(yaml('name: x', 'hosts:', '  - name: h', '    hypervisor: esxi', '    memory: 8GiB'))).toEqual([
      'test.yaml:3:5: hosts[0]: missing required key "pcpus"',
    ]);
  });

  it('missing name and hosts at the top: where the mapping starts', () => {
    expect(errorsOf(yaml('# comment', 'seed: 3'))).toEqual([
      'test.yaml:2:1: missing required key "name"',
      'test.yaml:2:1: missing required key "hosts"',
    ]);
  });

  it('threads > vcpus', () => {
    const text = yaml('name: x', 'hosts:', HOST, 'vms:', '  - name: v', '    host: h', '    vcpus: 4', '    workload:', '      threads: 6');
    expect(errorsOf(text)).toEqual(['test.yaml:9:16: vms[0].workload.threads: threads (6) must be <= vcpus (4)']);
  });

  it('unknown host reference: lists the hosts and suggests the clone', () => {
    const text = yaml('name: x', 'hosts:', '  - { name: esx, hypervisor: esxi, pcpus: 4, memory: 16GiB, count: 2 }', 'vms:', '  - { name: v, host: esx }');
    expect(errorsOf(text)).toEqual([
      'test.yaml:5:22: vms[0].host: unknown host "esx"; did you mean "esx-1"? (hosts: esx-1, esx-2)',
    ]);
  });

  it('a VM named as a host', () => {
    const text = yaml('name: x', 'hosts:', HOST, 'vms:', '  - { name: v, host: h }', '  - { name: w, host: v }');
    expect(errorsOf(text)).toEqual(['test.yaml:6:22: vms[1].host: "v" is a VM, not a host (hosts: h)']);
  });

  it('a VM on a host that cannot run VMs', () => {
    const text = yaml('name: x', 'hosts:', '  - { name: lx, hypervisor: vserver, pcpus: 4, memory: 16GiB }', 'vms:', '  - { name: v, host: lx }');
    expect(errorsOf(text)).toEqual([
      'test.yaml:5:22: vms[0].host: host "lx" is a vserver host and cannot run VMs (VM hosts: esxi, esx, xen, hyperv, kvm, vbox)',
    ]);
  });

  it('cluster and templates: checked key by key, deploy needs a template', () => {
    const text = yaml('name: x', 'cluster: { drs: sometimes, vmotion_shar: 50% }', 'hosts:', HOST,
      'templates: [{ name: t, vcpus: 0 }]', 'events: [{ at: 1s, action: deploy, target: h }]');
    expect(errorsOf(text)).toEqual([
      'test.yaml:2:17: cluster.drs: expected off | manual | auto',
      'test.yaml:2:28: cluster.vmotion_shar: unknown key "vmotion_shar"; did you mean "vmotion_share"?',
      'test.yaml:5:31: templates[0].vcpus: expected an integer 1..128',
      'test.yaml:6:44: events[0].target: "h" is a host, not a template (templates: t)',
    ]);
  });

  it('a YAML syntax error has a position and stops further checks', () => {
    expect(errorsOf(yaml('name: x', 'hosts:', '  - name: h', '    pcpus: [1, 2', 'vms: 3'))).toEqual([
      'test.yaml:5:1: YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  it('thousands of nested brackets: errors with positions, never a stack overflow of the parser', () => {
    // whether the YAML parser's recursion reaches the end depends on how much V8 has compiled:
    // either it says the file is too deep, or the reader says what the levels should have been
    for (const depth of [5000, 20000]) {
      const errors = errorsOf(yaml('name: x', `hosts: ${'['.repeat(depth)}${']'.repeat(depth)}`));
      expect(errors.length).toBeGreaterThan(0);
      for (const e of errors) {
        expect(e).toMatch(/^test\.yaml:\d+:\d+: /);
        expect(e).not.toContain('Maximum call stack');
      }
    }
  });

  it('a duplicate YAML key is a syntax error', () => {
    expect(errorsOf(yaml('name: x', 'name: y', 'hosts:', HOST))).toEqual([
      'test.yaml:2:1: YAML syntax: Map keys must be unique',
    ]);
  });

  it('duplicate names across hosts and VMs, after cloning', () => {
    const text = yaml('name: x', 'hosts:', HOST, 'vms:', '  - { name: v, host: h, count: 2 }', '  - { name: v-2, host: h }', '  - { name: h, host: h }');
    expect(errorsOf(text)).toEqual([
      'test.yaml:6:13: vms[1].name: duplicate name "v-2" (already used by a VM at line 5)',
      'test.yaml:7:13: vms[2].name: duplicate name "h" (already used by a host at line 3)',
    ]);
  });

  it('cross-field limits: reservation above limit, mem_reservation above memory, reserved >= memory', () => {
    const text = yaml(
      'name: x',
      'hosts:',
      '  - { name: h, hypervisor: xen, pcpus: 4, memory: 2GiB }',
      '  - { name: k, hypervisor: kvm, pcpus: 4, memory: 2GiB, reserved: 4GiB }',
      'vms:',
      '  - { name: v, host: k, reservation: 2GHz, limit: 1000MHz, mem_reservation: 2GiB }',
    );
    expect(errorsOf(text)).toEqual([
      'test.yaml:3:51: hosts[0].reserved: reserved (2048 MiB) must be < memory (2048 MiB) (the xen default; set reserved: to change it)',
      'test.yaml:4:67: hosts[1].reserved: reserved (4096 MiB) must be < memory (2048 MiB)',
      'test.yaml:6:38: vms[0].reservation: reservation (2000 MHz) must be <= limit (1000 MHz)',
      'test.yaml:6:77: vms[0].mem_reservation: mem_reservation (2048 MiB) must be <= memory (1024 MiB)',
    ]);
  });

  it('host_os_load on a host that is not vbox', () => {
    const text = yaml('name: x', 'hosts:', '  - { name: h, hypervisor: kvm, pcpus: 4, memory: 8GiB, host_os_load: 10% }');
    expect(errorsOf(text)).toEqual([
      'test.yaml:3:57: hosts[0].host_os_load: host_os_load applies only to vbox hosts (this one is kvm)',
    ]);
  });

  it('enum values get a did-you-mean', () => {
    const text = yaml('name: x', 'hosts:', HOST, 'vms:', '  - { name: v, host: h, workload: { pattern: stedy } }');
    expect(errorsOf(text)).toEqual([
      'test.yaml:5:46: vms[0].workload.pattern: expected steady | sine | bursty | idle; did you mean "steady"?',
    ]);
  });

  it('a quantum that is not whole milliseconds', () => {
    expect(errorsOf(yaml('name: x', 'quantum: 0.5ms', 'hosts:', HOST))).toEqual([
      'test.yaml:2:10: quantum: expected a whole number of milliseconds, at least 1ms, like 10ms',
    ]);
  });

  it('a section of the wrong shape', () => {
    expect(errorsOf(yaml('name: x', 'hosts: many'))).toEqual(['test.yaml:2:8: hosts: expected a list of hosts']);
    expect(errorsOf(yaml('name: x', 'hosts:'))).toEqual(['test.yaml:2:1: hosts: expected a list of at least one host']);
    expect(errorsOf('just text\n')).toEqual(['test.yaml:1:1: expected a profile mapping with at least name and hosts']);
    expect(errorsOf('')).toEqual(['test.yaml:1:1: expected a profile mapping with at least name and hosts']);
  });

  it('merge keys and unknown aliases', () => {
    const text = yaml('name: x', 'hosts:', '  - { <<: {pcpus: 2}, name: h, hypervisor: esxi, pcpus: 1, memory: 1TB }', 'vms: *nothing');
    expect(errorsOf(text)).toEqual([
      'test.yaml:3:7: hosts[0].<<: merge keys (<<) are not supported; use count: N to clone an entry',
      'test.yaml:4:6: vms: unknown alias *nothing',
    ]);
  });
});

describe('events', () => {
  const base = ['name: x', 'hosts:', '  - { name: esx, hypervisor: esxi, pcpus: 4, memory: 16GiB, count: 2 }', 'vms:', '  - { name: web, host: esx-1, vcpus: 2 }', 'events:'];

  it.each([
    ['{ at: 1s, action: lod, target: web }', '7:23: events[0].action: expected load | migrate | relocate | freeze | thaw | fail | recover | power_on | power_off | suspend | resume | reset | shutdown | deploy | scale | checkpoint | restore | restart | fail_site; did you mean "load"?'],
    ['{ at: 1s, action: load, target: web, cpu: 50% }', '7:5: events[0]: missing required key "for"'],
    ['{ at: 1s, action: load, target: esx-1, cpu: 50%, for: 1s }', '7:37: events[0].target: "esx-1" is a host, not a VM (VMs: web)'],
    ['{ at: 1s, action: load, target: web, cpu: 50%, for: 1s, threads: 3 }', '7:70: events[0].threads: threads (3) must be <= vcpus (2) of "web"'],
    ['{ at: 1s, action: migrate, target: web }', '7:5: events[0]: missing required key "to"'],
    ['{ at: 1s, action: migrate, target: esx-2, to: esx-1 }', '7:40: events[0].target: "esx-2" is a host, not a VM (VMs: web)'],
    ['{ at: 1s, action: migrate, target: web, to: esx-3 }', '7:49: events[0].to: unknown host "esx-3"; did you mean "esx-1"? (hosts: esx-1, esx-2)'],
    ['{ at: 1s, action: fail, target: esx }', '7:37: events[0].target: unknown target "esx"; did you mean "esx-1"? (hosts and VMs: esx-1, esx-2, web)'],
    ['{ at: 1s, action: fail, target: esx-1, to: esx-2 }', '7:44: events[0].to: "to" applies only to migrate, relocate, restore and deploy events'],
    ['{ at: soon, action: fail, target: esx-1 }', '7:11: events[0].at: expected a duration like 250ms, 30s or 5m'],
  ])('%s', (event, error) => {
    expect(errorsOf(yaml(...base, `  - ${event}`))).toEqual([`test.yaml:${error}`]);
  });
});

describe('many errors at once', () => {
  it('reports every one, in file order', () => {
    const text = yaml(
      'name: many',
      'seed: -1',
      'hosts:',
      '  - name: h',
      '    hypervisor: esxii',
      '    pcpus: 0',
      '    memory: 8',
      'vms:',
      '  - name: a',
      '    host: nope',
      '    vcpu: 2',
      '    workload: { cpu: 150% }',
      'events:',
      '  - { at: 1s, action: explode, target: a }',
    );
    expect(errorsOf(text)).toEqual([
      'test.yaml:2:7: seed: expected an integer 0..4294967295',
      'test.yaml:5:17: hosts[0].hypervisor: expected esxi | esx | xen | hyperv | kvm | vbox | vserver | linux; did you mean "esxi"?',
      'test.yaml:6:12: hosts[0].pcpus: expected an integer 1..1024',
      'test.yaml:7:13: hosts[0].memory: expected a size like 512MiB or 8GiB',
      'test.yaml:10:11: vms[0].host: unknown host "nope" (hosts: h)',
      'test.yaml:11:5: vms[0].vcpu: unknown key "vcpu"; did you mean "vcpus"?',
      'test.yaml:12:22: vms[0].workload.cpu: expected a percentage 0%..100% (of one pCPU per busy vCPU)',
      'test.yaml:14:23: events[0].action: expected load | migrate | relocate | freeze | thaw | fail | recover | power_on | power_off | suspend | resume | reset | shutdown | deploy | scale | checkpoint | restore | restart | fail_site',
    ]);
  });
});

describe('formatProfileError and files', () => {
  it('formats file:line:col: path: message, leaving out what does not apply', () => {
    expect(formatProfileError({ file: 'a.yaml', line: 3, col: 5, path: 'vms[0].vcpu', message: 'bad' })).toBe('a.yaml:3:5: vms[0].vcpu: bad');
    expect(formatProfileError({ file: 'a.yaml', line: 1, col: 1, path: '', message: 'bad' })).toBe('a.yaml:1:1: bad');
    expect(formatProfileError({ file: 'a.yaml', line: 0, col: 0, path: '', message: 'bad\nworse' })).toBe('a.yaml: bad worse');
  });

  it('a missing file is one error without a position', () => {
    const r = loadProfileFile(`${FIXTURES}no-such.yaml`);
    expect(r.ok ? [] : r.errors.map(formatProfileError)).toEqual([`${FIXTURES}no-such.yaml: cannot read: no such file`]);
  });
});
