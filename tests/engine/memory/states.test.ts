import { describe, expect, it } from 'vitest';
import { memState, minFreeMiB } from '../../../src/engine/memory/minfree.js';
import { sharesPerPage } from '../../../src/engine/memory/idle-tax.js';

describe('minFree and memory states (reference §2.7)', () => {
  it('TV-2.7: a 128 GiB host has minFree 1925.1 MiB', () => {
    expect(minFreeMiB(131072)).toBeCloseTo(1925.12, 2);
  });

  it('the first 28 GiB cost 901.12 MiB; an 8 GiB host 409.6 MiB', () => {
    expect(minFreeMiB(28672)).toBeCloseTo(901.12, 2);
    expect(minFreeMiB(8192)).toBeCloseTo(409.6, 2);
  });

  it('TV-2.7 thresholds on a 128 GiB host: clear < 1925, soft < 1232, hard < 616, low < 308 MiB', () => {
    const mf = minFreeMiB(131072);
    expect(memState(7700, mf)).toBe('high');
    expect(memState(1930, mf)).toBe('high');
    expect(memState(1920, mf)).toBe('clear');
    expect(memState(1233, mf)).toBe('clear');
    expect(memState(1231, mf)).toBe('soft');
    expect(memState(615, mf)).toBe('hard');
    expect(memState(307, mf)).toBe('low');
  });

  it('climbs back only past the boundary plus a margin (hysteresis)', () => {
    const mf = 1000;
    expect(memState(650, mf, 'hard')).toBe('soft'); // 0.65 is clear, but within the margin above 0.64
    expect(memState(800, mf, 'hard')).toBe('clear');
    expect(memState(300, mf, 'soft')).toBe('hard'); // worse happens at the boundary
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
