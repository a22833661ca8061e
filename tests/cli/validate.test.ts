import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { vmtop } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const dir = tempDir();

describe('vmtop validate / profiles', () => {
  it('lists every error with file:line:col and exits 2', () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, [
      'name: bad',
      'hosts:',
      '  - { name: esx-a, hypervisor: esxi, pcpus: eight, memory: 8GiB }',
      'vms:',
      '  - name: web',
      '    host: esx-b',
      '    vcpu: 2',
      'cluster: { drs: sometimes }',
      '',
    ].join('\n'));
    const r = vmtop(['validate', file]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^${file}:3:\\d+: hosts\\[0\\]\\.pcpus: expected an integer 1\\.\\.1024`)),
      expect.stringMatching(new RegExp(`^${file}:6:\\d+: vms\\[0\\]\\.host: unknown host "esx-b"; did you mean "esx-a"\\?`)),
      expect.stringMatching(new RegExp(`^${file}:7:5: vms\\[0\\]\\.vcpu: unknown key "vcpu"; did you mean "vcpus"\\?`)),
      expect.stringMatching(new RegExp(`^${file}:8:\\d+: cluster\\.drs: expected off \\| manual \\| auto`)),
      `4 errors in ${file}`,
    ]);
  });

  it('summarises a good profile and exits 0', () => {
    const r = vmtop(['validate', 'right-sizing']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/"right-sizing": 2 hosts \(8 pCPUs\), 10 VMs \(22 vCPUs\)/);
  });

  it('summarises the cluster section and the templates', () => {
    const r = vmtop(['validate', 'migration']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('a cluster (DRS manual, threshold 3; HA on, slot admission for 1 host failure; DPM off; vMotion 50% of a NIC)');
    expect(r.stdout).toContain('1 template (web-template)');
    const file = join(dir, 'cluster.yaml');
    writeFileSync(file, [
      'name: c',
      'cluster: { ha: false, drs: off }',
      'hosts: [{ name: h, hypervisor: esxi, pcpus: 1, memory: 4GiB }]',
      '',
    ].join('\n'));
    const c = vmtop(['validate', file]);
    expect(c.code).toBe(0);
    expect(c.stdout).toContain('1 host (1 pCPU), 0 VMs (0 vCPUs), a cluster (DRS off; HA off; DPM off;');
    expect(c.stdout).not.toMatch(/template/);
    expect(vmtop(['validate', 'right-sizing']).stdout).not.toMatch(/cluster|template/);
  });

  it('summarises the datastore cluster and the sites', () => {
    expect(vmtop(['validate', 'storage-drs']).stdout).toContain('a datastore cluster of 3 (SDRS manual: 80%, 15 ms, every 120 s)');
    expect(vmtop(['validate', 'site-recovery']).stdout).toContain('2 sites (dc1: 2 hosts, dr: 2 hosts; 6 VMs replicated)');
    expect(vmtop(['validate', 'migration']).stdout).not.toMatch(/datastore cluster|site/);
  });

  it('lists the built-in profiles with a description each', () => {
    const r = vmtop(['profiles']);
    expect(r.code).toBe(0);
    const names = r.stdout.trim().split('\n').map((l) => l.split(/\s+/)[0]);
    expect(names).toEqual(expect.arrayContaining(['lab', 'cpu-contention', 'right-sizing']));
    for (const l of r.stdout.trim().split('\n')) expect(l.split(/\s{2,}/)[1]?.length).toBeGreaterThan(10);
    // one dash style: the title, an em dash, then the detail
    for (const l of r.stdout.trim().split('\n')) expect(l).not.toMatch(/ - /);
  });

  it('--version and --help exit 0', () => {
    expect(vmtop(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const h = vmtop(['--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toMatch(/batch/);
  });
});
