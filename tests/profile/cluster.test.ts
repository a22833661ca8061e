// The `cluster:` and `templates:` sections and the cluster commands of the timeline.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLUSTER } from '../../src/profile/cluster-defaults.js';
import { errorsOf, HOST, loadOk, yaml } from './helpers.js';

describe('cluster and templates', () => {
  it('reads every cluster key with units; defaults for the rest', () => {
    const p = loadOk(yaml('name: x',
      'cluster: { drs: auto, drs_threshold: 4, ha: true, admission: percent, failover_reserve: 30%, dpm: auto,',
      '  vmotion_share: 75%, downtime: 200ms, nonconvergence: abort, ha_detection: 12s, failures_tolerated: 2 }',
      'hosts:', HOST));
    expect(p.cluster).toEqual({
      drs: 'auto', drsThreshold: 4, ha: true, admission: 'percent', failoverReserve: 0.3, dpm: 'auto',
      vmotionShare: 0.75, downtimeMs: 200, nonConvergence: 'abort', haDetectionMs: 12_000, failuresTolerated: 2,
    });
    expect(loadOk(yaml('name: x', 'cluster: {}', 'hosts:', HOST)).cluster).toEqual(DEFAULT_CLUSTER);
  });

  it('a profile without them has neither key (the engine behaves as before)', () => {
    const p = loadOk(yaml('name: x', 'hosts:', HOST));
    expect('cluster' in p).toBe(false);
    expect('templates' in p).toBe(false);
  });

  it('templates are VMs without host or count; deploy names one, optionally with a host', () => {
    const p = loadOk(yaml('name: x', 'hosts:', HOST, 'vms:', '  - { name: v, host: h }',
      'templates:', '  - { name: web-template, vcpus: 2, memory: 2GiB, restart_priority: high, workload: { cpu: 30% } }',
      'events:',
      '  - { at: 1s, action: deploy, target: web-template }',
      '  - { at: 2s, action: deploy, target: web-template, to: h }',
      '  - { at: 3s, action: fail, target: h }',
      '  - { at: 4s, action: power_off, target: v }'));
    expect(p.templates![0]).toMatchObject({ name: 'web-template', vcpus: 2, memoryMiB: 2048, restartPriority: 'high' });
    expect(p.templates![0].workload.cpu).toBeCloseTo(0.3);
    expect(p.events.map((e) => e.command)).toEqual([
      { action: 'deploy', target: 'web-template' }, { action: 'deploy', target: 'web-template', to: 'h' },
      { action: 'fail', target: 'h' }, { action: 'power_off', target: 'v' },
    ]);
  });

  it('wrong kinds of target and misplaced keys are errors', () => {
    const errs = errorsOf(yaml('name: x', 'hosts:', HOST, 'vms:', '  - { name: v, host: h }',
      'templates:', '  - { name: t, host: h }',
      'events:',
      '  - { at: 1s, action: fail, target: v }',
      '  - { at: 1s, action: power_on, target: h }',
      'cluster: { vmotion_share: 0%, drs_threshold: 6 }'));
    expect(errs).toEqual([
      expect.stringMatching(/^test\.yaml:7:16: templates\[0\]\.host: unknown key "host"/),
      expect.stringMatching(/^test\.yaml:9:37: events\[0\]\.target: "v" is a VM, not a host/),
      expect.stringMatching(/^test\.yaml:10:41: events\[1\]\.target: "h" is a host, not a VM/),
      expect.stringMatching(/^test\.yaml:11:27: cluster\.vmotion_share: expected a percentage above 0%/),
      expect.stringMatching(/^test\.yaml:11:46: cluster\.drs_threshold: expected an integer 1\.\.5/),
    ]);
  });

  it('reset and a guest\'s shutdown name a VM; a host, a template, an unknown name or a "to" are errors', () => {
    const p = loadOk(yaml('name: x', 'hosts:', HOST, 'vms:', '  - { name: v, host: h }', 'events:',
      '  - { at: 2s, action: shutdown, target: v }',
      '  - { at: 1s, action: reset, target: v }'));
    expect(p.events).toEqual([
      { atMs: 1000, command: { action: 'reset', target: 'v' } },
      { atMs: 2000, command: { action: 'shutdown', target: 'v' } },
    ]);
    const errs = errorsOf(yaml('name: x', 'hosts:', HOST, 'vms:', '  - { name: v, host: h }',
      'templates:', '  - { name: t }',
      'events:',
      '  - { at: 1s, action: reset, target: h }',
      '  - { at: 1s, action: shutdown, target: t }',
      '  - { at: 1s, action: reset, target: w }',
      '  - { at: 1s, action: shutdown, target: v, to: h }',
      '  - { at: 1s, action: restet, target: v }'));
    expect(errs).toEqual([
      expect.stringMatching(/^test\.yaml:9:38: events\[0\]\.target: "h" is a host, not a VM/),
      expect.stringMatching(/^test\.yaml:10:41: events\[1\]\.target: "t" is a template, not a VM/),
      expect.stringMatching(/^test\.yaml:11:38: events\[2\]\.target: unknown target "w"/),
      expect.stringMatching(/^test\.yaml:12:44: events\[3\]\.to: "to" applies only to migrate, /),
      expect.stringMatching(/^test\.yaml:13:23: events\[4\]\.action: expected load \| .* \| reset \| shutdown \| .*; did you mean "reset"\?$/),
    ]);
  });
});
