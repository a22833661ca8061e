// Reference §3.5: TV-3a (converges) and TV-3c (diverges, Xen's limits), on the pure pre-copy model.
import { describe, expect, it } from 'vitest';
import { planPrecopy } from '../../../src/engine/cluster/precopy.js';

describe('iterative pre-copy (reference §3)', () => {
  it('TV-3a: 4096 MB at 125 MB/s dirtying 25 MB/s with a 300 ms goal: 3 rounds + stop, 40.9 s, 262 ms', () => {
    const p = planPrecopy({ memory: 4096, downtimeS: 0.3 }, 125, 25);
    expect(p.reason).toBe('converged');
    expect(p.precopyRounds).toBe(3);
    expect(p.rounds.map((r) => +r.toFixed(2))).toEqual([4096, 819.2, 163.84, 32.77]);
    expect(p.total).toBeCloseTo(5111.8, 1);
    expect(p.timeS).toBeCloseTo(40.9, 1);
    expect(p.downtimeS).toBeCloseTo(0.262, 3);
  });

  it('TV-3a: rounds needed match ceil(ln(V_th / M) / ln λ)', () => {
    const n = Math.ceil(Math.log(37.5 / 4096) / Math.log(0.2));
    expect(planPrecopy({ memory: 4096, downtimeS: 0.3 }, 125, 25).precopyRounds).toBe(n);
  });

  it('TV-3c: λ = 1.2 never converges; Xen stops after 3x the memory: ~32.8 s down, ~163.8 s in all', () => {
    const p = planPrecopy({ memory: 4096, downtimeS: 0.3 }, 125, 150);
    expect(p.reason).toBe('max-factor');
    expect(p.rounds).toEqual([4096, 4096, 4096, 4096, 4096]);
    expect(p.downtimeS).toBeCloseTo(32.77, 1);
    expect(p.timeS).toBeCloseTo(163.84, 1);
  });

  it('state and resume time add to the downtime; no dirtying means one round', () => {
    const p = planPrecopy({ memory: 1024, downtimeS: 0.3, stateSize: 8, resumeS: 0.02 }, 128, 0);
    expect(p.precopyRounds).toBe(1);
    expect(p.downtimeS).toBeCloseTo(8 / 128 + 0.02, 6);
  });
});
