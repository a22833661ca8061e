// The token bucket alone, tick by tick against reference §5.2 and the test vectors of §5.3.
import { describe, expect, it } from 'vitest';
import { niceWeight, TokenBucket, vavavoom } from '../../../src/engine/vserver/bucket.js';

/** Run an always-busy one-thread context for `ticks` ticks; the ticks where hold and unhold fell. */
function busy(b: TokenBucket, ticks: number, from = 0): { holds: number[]; unholds: number[]; ran: number } {
  const holds: number[] = [];
  const unholds: number[] = [];
  let ran = 0;
  for (let k = from; k < from + ticks; k++) {
    if (b.tick(k, 1) >= 0) ran++;
    if (b.change === 'hold') holds.push(k);
    if (b.change === 'unhold') unholds.push(k);
  }
  return { holds, unholds, ran };
}

describe('TV-5a: half a CPU, 30 s burst, 5 s hold at W = 1000 (R 1, T 2, M 2500, S 15000)', () => {
  const tv5a = () => new TokenBucket({ R: 1, T: 2, S: 15000, M: 2500, hard: true }, 15000);

  it('a full bucket lasts 30 s, the hold 5 s, and the long run is 50%', () => {
    const r = busy(tv5a(), 600_000);
    expect(Math.abs(r.holds[0] - 30_000)).toBeLessThanOrEqual(1);
    expect(Math.abs(r.unholds[0] - r.holds[0] - 5000)).toBeLessThanOrEqual(1);
    for (let i = 1; i < r.unholds.length; i++) expect(Math.abs(r.unholds[i] - r.holds[i] - 5000)).toBeLessThanOrEqual(1);
    // after the first burst: 5 s run, 5 s held, over and over
    const b = tv5a();
    busy(b, 40_000);
    const later = busy(b, 500_000, 40_000);
    expect(later.ran / 500_000).toBeCloseTo(0.5, 2);
  });
});

describe('TV-5b: the kernel defaults (fill 1 every 4 ticks, 15..125)', () => {
  const tv5b = (initial: number) => new TokenBucket({ R: 1, T: 4, S: 125, M: 15, hard: true }, initial);

  it('from empty: held at once, until 15 tokens after 60 jiffies', () => {
    const r = busy(tv5b(0), 100);
    expect(r.holds[0]).toBe(0);
    expect(r.unholds[0]).toBe(60);
  });

  it('a full bucket of 125 lasts about 125 / 0.75 = 167 ticks; 25% over the long run', () => {
    const r = busy(tv5b(125), 200);
    expect(Math.abs(r.holds[0] - 125 / 0.75)).toBeLessThanOrEqual(1);
    const b = tv5b(125);
    busy(b, 1000);
    expect(busy(b, 100_000, 1000).ran / 100_000).toBeCloseTo(0.25, 2);
  });
});

describe('the bucket never leaves 0..S', () => {
  it('idle: fills up to S and spills the rest', () => {
    const b = new TokenBucket({ R: 3, T: 2, S: 10, M: 5, hard: true }, 0);
    for (let k = 0; k < 100; k++) b.tick(k, 0);
    expect(b.tokens).toBe(10);
  });

  it('several CPUs at once: charges stop at zero, then the context is held', () => {
    const b = new TokenBucket({ R: 1, T: 2, S: 5, M: 3, hard: true }, 5);
    expect(b.tick(0, 4)).toBe(4);
    expect(b.tick(1, 4)).toBe(1); // only what is left
    expect(b.tokens).toBe(0);
    expect(b.tick(2, 4)).toBe(1); // the fill lands before the check: one more token to spend
    expect(b.tick(3, 4)).toBe(-1); // empty: on hold, runs nowhere
    expect(b.change).toBe('hold');
    for (let k = 4; k < 8; k++) expect(b.tick(k, 4)).toBe(-1);
    expect(b.tick(8, 4)).toBe(3); // 3 tokens = M: free again, and spends them
    expect(b.tokens).toBe(0);
  });

  it('soft scheduling never holds; an empty bucket simply charges nothing', () => {
    const b = new TokenBucket({ R: 1, T: 2, S: 100, M: 50, hard: false }, 100);
    const r = busy(b, 10_000);
    expect(r.holds).toEqual([]);
    expect(r.ran).toBe(10_000);
    expect(b.tokens).toBeGreaterThanOrEqual(0);
  });
});

describe('TV-5c: soft scheduling priority (vavavoom), Tmax = 125', () => {
  it.each([[125, -5], [62.5, 0], [0, 15]])('t = %s -> %s', (t, bonus) => {
    expect(vavavoom(t, 125)).toBe(bonus);
  });

  it('maps onto the fair scheduler\'s nice weights', () => {
    expect(niceWeight(0)).toBe(1024);
    expect(niceWeight(5)).toBe(335);
    expect(niceWeight(-5)).toBe(3121);
    expect(niceWeight(15)).toBe(36);
    expect(niceWeight(40)).toBe(15);
  });
});
