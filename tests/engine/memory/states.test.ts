import { describe, expect, it } from 'vitest';
import { inBand, memState, minFreeMiB } from '../../../src/engine/memory/minfree.js';
import type { MemState } from '../../../src/engine/snapshot.js';
import { MEM_STATE_CODE } from '../../../src/fields/memory.js';
import { sharesPerPage } from '../../../src/engine/memory/idle-tax.js';
import { ZIP_CACHE_FRACTION } from '../../../src/engine/memory/constants.js';
import { VmMemory } from '../../../src/engine/memory/vm-memory.js';
import { workload } from '../../helpers/profile.js';

describe('minFree and memory states (memory.md, host memory states)', () => {
  it('TV-2.7: a 128 GiB host has minFree 1925.1 MiB', () => {
    expect(minFreeMiB(131072)).toBeCloseTo(1925.12, 2);
  });

  it('the first 28 GiB cost 901.12 MiB; an 8 GiB host 409.6 MiB', () => {
    expect(minFreeMiB(28672)).toBeCloseTo(901.12, 2);
    expect(minFreeMiB(8192)).toBeCloseTo(409.6, 2);
  });

  it('TV-2.7 thresholds on a 128 GiB host (vSphere 6+): high >= 7700, clear >= 1925, soft >= 1232, hard >= 616 MiB', () => {
    const mf = minFreeMiB(131072);
    expect(memState(7701, mf)).toBe('high');
    expect(memState(7699, mf)).toBe('clear');
    expect(memState(1926, mf)).toBe('clear');
    expect(memState(1924, mf)).toBe('soft');
    expect(memState(1233, mf)).toBe('soft');
    expect(memState(1231, mf)).toBe('hard');
    expect(memState(617, mf)).toBe('hard');
    expect(memState(615, mf)).toBe('low');
    expect(memState(0, mf)).toBe('low');
  });

  it('TV-2.7b the real capture: Free 575 MB with Kernel MinFree 403 MB reads Kernel State 1 (clear)', () => {
    // esxtop -b of an ESXi home-lab host, April 2018: Free MBytes 573/575/579, MinFree 403, State 1
    for (const free of [573, 575, 579]) expect(MEM_STATE_CODE[memState(free, 403)]).toBe(1);
  });

  it('climbs back only past the boundary plus 5% of minFree (hysteresis); falls at the boundary', () => {
    const mf = 1000;
    expect(memState(660, mf, 'hard')).toBe('hard'); // 0.66 is soft, but within the margin above 0.64
    expect(memState(700, mf, 'hard')).toBe('soft');
    expect(memState(1100, mf, 'hard')).toBe('clear'); // several states at once
    expect(memState(4020, mf, 'clear')).toBe('clear');
    expect(memState(4060, mf, 'clear')).toBe('high');
    expect(memState(639, mf, 'soft')).toBe('hard'); // worse happens at the boundary
    expect(memState(3999, mf, 'high')).toBe('clear');
  });

  it('every state sits within its band of free memory, hysteresis included', () => {
    const mf = 500;
    let state: MemState = 'high';
    for (let i = 0; i < 4000; i++) {
      const free = 2500 * (1 + Math.sin(i / 37) * Math.cos(i / 11));
      state = memState(free, mf, state);
      expect(inBand(state, free, mf)).toBe(true);
    }
  });
});

describe('idle memory tax (reference §2.4)', () => {
  it('TV-2.4: f = 0.1 vs 0.9 with tau = 0.75 gives rho 0.270 vs 0.769', () => {
    expect(sharesPerPage(1000, 1000, 0.1)).toBeCloseTo(0.270, 3);
    expect(sharesPerPage(1000, 1000, 0.9)).toBeCloseTo(0.769, 3);
  });

  it('TV-2.4: with tau = 0 only shares count', () => {
    expect(sharesPerPage(1000, 1000, 0.1, 0)).toBeCloseTo(1, 9);
    expect(sharesPerPage(1000, 1000, 0.9, 0)).toBeCloseTo(1, 9);
  });
});

describe('per-VM limits (memory.md, TV-2.3/2.5/2.6)', () => {
  it('a 4096 MiB VM: balloon max 2662.4 MiB (65 %), compression cache 409.6 MiB (10 %)', () => {
    const m = new VmMemory(4096, 2, 'linux', 40960, 0, null, workload({ cpu: 0, threads: 2 }));
    expect(m.balloonMax).toBeCloseTo(2662.4, 6);
    expect(ZIP_CACHE_FRACTION * m.memoryMiB).toBeCloseTo(409.6, 6);
  });

  it('a passthrough VM has no balloon at all', () => {
    const m = new VmMemory(4096, 2, 'linux', 40960, 4096, null, workload({ cpu: 0, threads: 2 }), true);
    expect(m.balloonMax).toBe(0);
  });
});
