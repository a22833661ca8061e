import { describe, expect, it } from 'vitest';
import { waterFill } from '../../../src/engine/cpu/entitlement.js';

function fill(want: number[], res: number[], shares: number[], capacity: number): number[] {
  const out = new Float64Array(want.length);
  waterFill(want.length, want, res, shares, capacity, out);
  return Array.from(out);
}

describe('water-filling entitlement (reference §1.1)', () => {
  it('TV-1.1a: shares 4000/2000/2000 on 8000 MHz, all busy -> 4000/2000/2000', () => {
    const e = fill([4000, 4000, 4000], [0, 0, 0], [4000, 2000, 2000], 8000);
    expect(e[0]).toBeCloseTo(4000, 6);
    expect(e[1]).toBeCloseTo(2000, 6);
    expect(e[2]).toBeCloseTo(2000, 6);
  });

  it('TV-1.1b: three equal VMs share 8000 MHz -> 2667 each', () => {
    const e = fill([4000, 4000, 4000], [0, 0, 0], [2000, 2000, 2000], 8000);
    for (const x of e) expect(x).toBeCloseTo(8000 / 3, 6);
  });

  it('TV-1.1c: a 1500 MHz reservation beats the equal share split', () => {
    const e = fill([2000, 2000], [1500, 0], [1000, 1000], 2000);
    expect(e[0]).toBeCloseTo(1500, 6);
    expect(e[1]).toBeCloseTo(500, 6);
  });

  it('hands what a small VM does not want to the others (work-conserving)', () => {
    const e = fill([500, 4000, 4000], [0, 0, 0], [1000, 1000, 2000], 6000);
    expect(e[0]).toBeCloseTo(500, 6);
    expect(e[1]).toBeCloseTo(5500 / 3, 6);
    expect(e[2]).toBeCloseTo(11000 / 3, 6);
    expect(e.reduce((a, b) => a + b)).toBeCloseTo(6000, 6);
  });

  it('never hands out more than the capacity or more than is wanted', () => {
    const e = fill([100, 200, 300], [0, 0, 0], [1, 1, 1], 10000);
    expect(e).toEqual([100, 200, 300]);
  });
});
