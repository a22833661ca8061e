// The profile side of Storage DRS: a datastore's `capacity:` and the `datastore_cluster:` section.
import { describe, expect, it } from 'vitest';
import { errorsOf, HOST, loadOk, yaml } from './helpers.js';

const HOSTS = ['hosts:', HOST, '  - { name: h2, hypervisor: esxi, pcpus: 4, memory: 16GiB, disk: { capacity: 2TB } }',
  '  - { name: lx, hypervisor: linux, pcpus: 4, memory: 16GiB }'];

describe('datastore_cluster', () => {
  it('reads capacity with units and the section with vSphere\'s defaults; members default to every VM host\'s datastore', () => {
    const p = loadOk(yaml('name: x', 'datastore_cluster: { sdrs: auto }', ...HOSTS));
    expect(p.hosts[1].disk.capacityMiB).toBeCloseTo(2e12 / 1048576);
    expect('capacityMiB' in p.hosts[0].disk).toBe(false);
    expect(p.datastoreCluster).toEqual({
      sdrs: 'auto', datastores: ['h', 'h2'], spaceThreshold: 0.8, latencyThresholdMs: 15, spaceDifference: 0.05,
      intervalMs: 300_000, ioMetric: true,
    });
    const q = loadOk(yaml('name: x', 'datastore_cluster:', '  datastores: [h2, h]', '  space_threshold: 70%', '  latency_threshold: 20ms',
      '  space_difference: 10%', '  interval: 8h', '  io_metric: false', ...HOSTS));
    expect(q.datastoreCluster).toEqual({
      sdrs: 'manual', datastores: ['h2', 'h'], spaceThreshold: 0.7, latencyThresholdMs: 20, spaceDifference: 0.1,
      intervalMs: 8 * 3_600_000, ioMetric: false,
    });
    expect(loadOk(yaml('name: x', ...HOSTS)).datastoreCluster).toBeUndefined();
  });

  it('a value outside vSphere\'s ranges, a member that is no VM host, one datastore alone: errors with their place', () => {
    const errs = errorsOf(yaml('name: x', 'datastore_cluster:', '  sdrs: sometimes', '  space_threshold: 40%', '  latency_threshold: 2ms',
      '  space_difference: 60%', '  interval: 1s', '  datastores: [h, lx, h, nope]', ...HOSTS,
      '  - { name: h3, hypervisor: esxi, pcpus: 1, memory: 4GiB, disk: { capacity: 0GiB } }'));
    expect(errs).toEqual([
      'test.yaml:3:9: datastore_cluster.sdrs: expected off | manual | auto',
      'test.yaml:4:20: datastore_cluster.space_threshold: expected a percentage 50%..100%',
      'test.yaml:5:22: datastore_cluster.latency_threshold: expected a latency 5ms..100ms',
      'test.yaml:6:21: datastore_cluster.space_difference: expected a percentage 1%..50%',
      'test.yaml:7:13: datastore_cluster.interval: expected a duration 10s..30d like 5m or 8h',
      'test.yaml:8:19: datastore_cluster.datastores[1]: lx is a linux host: its disk holds no VM datastore',
      'test.yaml:8:23: datastore_cluster.datastores[2]: h is listed twice',
      'test.yaml:8:26: datastore_cluster.datastores[3]: unknown host "nope" (hosts: h, h2, h3)',
      'test.yaml:13:77: hosts[3].disk.capacity: expected a size above 0 like 2TiB',
    ]);
    expect(errorsOf(yaml('name: x', 'datastore_cluster: { datastores: [h] }', ...HOSTS))).toEqual([
      'test.yaml:2:34: datastore_cluster.datastores: a datastore cluster balances two datastores or more; only h\'s is a member',
    ]);
  });
});
