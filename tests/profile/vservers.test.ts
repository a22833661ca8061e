// The `vservers:` section: both bucket forms, the defaults, and every error at its line:col.
import { describe, expect, it } from 'vitest';
import { shareToRate } from '../../src/profile/vserver-bucket.js';
import { errorsOf, loadOk, yaml } from './helpers.js';

const LX = '  - { name: lx, hypervisor: vserver, pcpus: 1, memory: 4GiB }';
const base = (...guests: string[]) => yaml('name: x', 'hosts:', LX, '  - { name: esx, hypervisor: esxi, pcpus: 2, memory: 8GiB }', 'vservers:', ...guests);

describe('vservers: reading', () => {
  it('share/burst/hold become R/T, S and M (TV-5a)', () => {
    const p = loadOk(base('  - { name: a, host: lx, context: 101, ip: 10.1.0.11, share: 50%, burst: 30s, hold: 5s }'));
    expect(p.vservers).toEqual([expect.objectContaining({
      name: 'a', host: 'lx', context: 101, ip: '10.1.0.11', sched: 'hard', chroot: '/vservers/a', capabilities: [],
      fillRate: 1, interval: 2, tokensMin: 2500, tokensMax: 15000, tokens: 15000,
    })]);
  });

  it('no bucket keys: util-vserver\'s defaults (1 every 4 ticks, 15..125), an idle workload', () => {
    const p = loadOk(base('  - { name: a, host: lx, context: 2 }'));
    expect(p.vservers[0]).toMatchObject({ fillRate: 1, interval: 4, tokensMin: 15, tokensMax: 125, tokens: 125, ip: null });
    expect(p.vservers[0].workload).toMatchObject({ cpu: 0, threads: 1 });
  });

  it('share alone takes a 1 s burst and a 100 ms hold; W is the host\'s hz', () => {
    const p = loadOk(yaml('name: x', 'hosts:', '  - { name: lx, hypervisor: vserver, pcpus: 1, memory: 4GiB, hz: 250 }',
      'vservers:', '  - { name: a, host: lx, context: 5, share: 25% }'));
    expect(p.vservers[0]).toMatchObject({ fillRate: 1, interval: 4, tokensMax: Math.round(250 * 0.75), tokensMin: Math.round(25 * 0.25) });
  });

  it('the direct form, soft scheduling, chroot, capabilities and a start level', () => {
    const p = loadOk(base(
      '  - name: a', '    host: lx', '    context: 49151', '    sched: soft', '    chroot: /srv/a',
      '    capabilities: [net_raw, CAP_SYS_TIME, NET_RAW]',
      '    fill_rate: 3', '    interval: 10', '    tokens_min: 0', '    tokens_max: 400', '    tokens: 7',
      '    workload: { cpu: 100%, threads: 2 }',
    ));
    expect(p.vservers[0]).toMatchObject({
      sched: 'soft', chroot: '/srv/a', capabilities: ['CAP_NET_RAW', 'CAP_SYS_TIME'],
      fillRate: 3, interval: 10, tokensMin: 0, tokensMax: 400, tokens: 7, workload: expect.objectContaining({ cpu: 1, threads: 2 }),
    });
  });

  it('contexts are unique per host, not across hosts; Σ R/T up to the pCPUs is fine', () => {
    const text = yaml('name: x', 'hosts:', LX, '  - { name: lx2, hypervisor: vserver, pcpus: 1, memory: 4GiB }', 'vservers:',
      '  - { name: a, host: lx, context: 101, share: 50% }', '  - { name: b, host: lx, context: 102, share: 50% }',
      '  - { name: c, host: lx2, context: 101, fill_rate: 1 }');
    expect(loadOk(text).vservers.map((v) => v.context)).toEqual([101, 102, 101]);
  });

  it.each([[0.5, 1, 2], [0.25, 1, 4], [0.33, 33, 100], [0.125, 1, 8], [0.3, 3, 10]])('share %s -> %s/%s', (f, R, T) => {
    expect(shareToRate(f)).toEqual({ R, T });
  });
});

describe('vservers: errors point at their node', () => {
  it.each([
    ['  - { name: a, host: lx, context: 0 }', '6:35: vservers[0].context: context 0 is the host itself; a guest needs an id 2..49151'],
    ['  - { name: a, host: lx, context: 1 }', '6:35: vservers[0].context: context 1 is the spectator (it sees every context); a guest needs an id 2..49151'],
    ['  - { name: a, host: lx, context: 50000 }', '6:35: vservers[0].context: expected a context id 2..49151 (0 is the host, 1 the spectator, 49152 and up are dynamic)'],
    ['  - { name: a, host: lx }', '6:5: vservers[0]: missing required key "context"'],
    ['  - { name: a, host: lz, context: 5 }', '6:22: vservers[0].host: unknown host "lz"; did you mean "lx"? (hosts: lx, esx)'],
    ['  - { name: a, host: esx, context: 5 }', '6:22: vservers[0].host: host "esx" is an esxi host; VServer guests run on a host with hypervisor: vserver (vserver hosts: lx)'],
    ['  - { name: a, host: lx, context: 5, ip: 10.1.0 }', '6:42: vservers[0].ip: expected an IP address like 10.1.0.11'],
    ['  - { name: a, host: lx, context: 5, shares: 50% }', '6:38: vservers[0].shares: unknown key "shares"; did you mean "share"?'],
    ['  - { name: a, host: lx, context: 5, share: 0% }', '6:45: vservers[0].share: expected a percentage above 0% and below 100% of one CPU, like 50% (for more, give fill_rate and interval)'],
    ['  - { name: a, host: lx, context: 5, share: 50%, fill_rate: 1 }', '6:50: vservers[0].fill_rate: fill_rate cannot be combined with share: give share/burst/hold or fill_rate/interval/tokens_min/tokens_max'],
    ['  - { name: a, host: lx, context: 5, share: 90%, burst: 1s, hold: 5s }', '6:67: vservers[0].hold: a hold of 5s needs M = W×H×R/T = 4500 tokens, more than the bucket holds (S = W×B×(1−R/T) = 100 for a 1s burst): a held guest could never run again; shorten hold or lengthen burst'],
    ['  - { name: a, host: lx, context: 5, tokens_min: 200 }', '6:50: vservers[0].tokens_min: tokens_min (200) must be <= tokens_max (125): a held guest could never run again'],
    ['  - { name: a, host: lx, context: 5, tokens: 200 }', '6:46: vservers[0].tokens: tokens (200) must be <= the bucket\'s size S = 125'],
    ['  - { name: a, host: lx, context: 5, sched: hrad }', '6:45: vservers[0].sched: expected hard | soft; did you mean "hard"?'],
    ['  - { name: a, host: lx, context: 5, capabilities: [NET_RAW, SYS_TMIE] }', '6:62: vservers[0].capabilities[1]: expected a Linux capability like CAP_NET_RAW; did you mean "CAP_SYS_TIME"?'],
    ['  - { name: lx, host: lx, context: 5 }', '6:13: vservers[0].name: duplicate name "lx" (already used by a host at line 3)'],
  ])('%s', (guest, error) => {
    expect(errorsOf(base(guest))).toEqual([`test.yaml:${error}`]);
  });

  it('a context used twice on one host names the first guest', () => {
    expect(errorsOf(base('  - { name: a, host: lx, context: 7, share: 10% }', '  - { name: b, host: lx, context: 7, share: 10% }'))).toEqual([
      'test.yaml:7:35: vservers[1].context: context 7 is already used by "a" (line 6) on host "lx"',
    ]);
  });

  it('Σ R/T above the host\'s pCPUs: at the guest that tips it over, with the sum', () => {
    expect(errorsOf(base(
      '  - { name: a, host: lx, context: 2, share: 50% }',
      '  - { name: b, host: lx, context: 3, share: 40% }',
      '  - { name: c, host: lx, context: 4, fill_rate: 1, interval: 4 }',
    ))).toEqual([
      'test.yaml:8:49: vservers[2].fill_rate: the guests of host "lx" ask for Σ R/T = 1.15 CPUs (a 0.5 + b 0.4 + c 0.25) but it has 1 pCPU: lower their shares',
    ]);
  });

  it('a VM may still not be placed on a vserver host', () => {
    expect(errorsOf(yaml('name: x', 'hosts:', LX, 'vms:', '  - { name: v, host: lx }'))).toEqual([
      'test.yaml:5:22: vms[0].host: host "lx" is a vserver host and cannot run VMs (VM hosts: esxi, esx, xen, hyperv, kvm, vbox)',
    ]);
  });
});
