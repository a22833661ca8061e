// The built-in `io-paths` profile: one workload through three device models on ESXi and Xen.
import { describe, expect, it } from 'vitest';
import type { VmSample } from '../../../src/engine/snapshot.js';
import { builtinProfile } from '../../helpers/builtin.js';
import { measureVms } from '../../helpers/profile.js';

const sampleAt = (warmMs: number, ms: number): Map<string, VmSample> => measureVms(builtinProfile('io-paths'), warmMs, ms);

describe('io-paths', () => {
  const quiet = sampleAt(80_000, 15_000); // the bulk copiers near the bottom of their swing
  const peak = sampleAt(23_000, 15_000); // and around their peak

  it('emulated > paravirtual > passthrough in %SYS on ESXi, for the same traffic', () => {
    const [emu, pv, pt] = ['esx-emu', 'esx-pv', 'esx-pt'].map((n) => quiet.get(n)!);
    for (const v of [emu, pv, pt]) expect(v['MbTX/s']).toBeCloseTo(800, 0);
    expect(emu['%SYS']).toBeGreaterThan(5 * pv['%SYS']);
    expect(pv['%SYS']).toBeGreaterThan(5 * pt['%SYS']);
  });

  it('on Xen the back-end work lands in Domain-0 instead', () => {
    expect(quiet.get('xen-emu')!['%SYS']).toBeLessThan(quiet.get('esx-emu')!['%SYS'] / 5);
    expect(quiet.get('Domain-0')!['%USED']).toBeGreaterThan(150);
  });

  it('at the bulk copier\'s peak Domain-0 saturates and caps the Xen copier; the ESXi one keeps going', () => {
    expect(peak.get('Domain-0')!['%USED']).toBeGreaterThan(380);
    expect(peak.get('xen-bulk')!['MbTX/s']).toBeLessThan(peak.get('esx-bulk')!['MbTX/s'] * 0.9);
    expect(peak.get('xen-pt')!['MbTX/s']).toBeCloseTo(800, 0); // passthrough bypasses Domain-0
  });
});
