// Reference §7.2–7.4: FT logging (TV-7.2), DRS priorities (TV-7.3), DPM (TV-7.4).
import { describe, expect, it } from 'vitest';
import { applies, drsPriority, imbalance, recommend } from '../../../src/engine/cluster/drs.js';
import { hostsToPowerOff, needsPowerOn } from '../../../src/engine/cluster/dpm.js';
import { ftLoggingMbit } from '../../../src/engine/cluster/ft.js';

describe('FT logging (TV-7.2)', () => {
  it('10 MB/s of disk reads and 40 Mbit/s in: (80 + 40) x 1.2 = 144 Mbit/s', () => {
    expect(ftLoggingMbit(10, 40)).toBeCloseTo(144, 9);
  });
});

describe('DRS (TV-7.3, 4 hosts, threshold 3)', () => {
  const cases: [number[], number, number, boolean][] = [
    [[0.55, 0.5, 0.5, 0.45], 0.0354, 5, false],
    [[0.6, 0.5, 0.5, 0.4], 0.0707, 4, false],
    [[0.7, 0.5, 0.5, 0.3], 0.1414, 3, true],
    [[0.8, 0.6, 0.4, 0.2], 0.2236, 2, true],
  ];
  for (const [loads, sigma, priority, applied] of cases) {
    it(`loads ${loads.join('/')}: σ ${sigma}, priority ${priority}, ${applied ? '' : 'not '}applied`, () => {
      const lim = imbalance(loads);
      expect(lim).toBeCloseTo(sigma, 4);
      expect(drsPriority(lim, 4)).toBe(priority);
      expect(applies(drsPriority(lim, 4), 3)).toBe(applied);
    });
  }

  it('recommends the move that lowers the imbalance most, and stops when nothing is gained', () => {
    const recs = recommend(['h1', 'h2'], [1000, 1000], [800, 200], [
      { vm: 'a', host: 0, mhz: 300 }, { vm: 'b', host: 0, mhz: 500 }, { vm: 'c', host: 1, mhz: 200 },
    ], () => true);
    expect(recs[0]).toMatchObject({ vm: 'a', from: 'h1', to: 'h2' });
    expect(recs[0].after).toBeLessThan(recs[0].before);
    expect(recs).toHaveLength(1);
  });
});

describe('DPM (TV-7.4)', () => {
  it('4 hosts at 30 % CPU / 40 % memory: one host off (3 hosts at 40 % / 53.3 %: memory > 45 %)', () => {
    expect(hostsToPowerOff(Array.from({ length: 4 }, () => ({ cpu: 0.3, mem: 0.4 })))).toBe(1);
  });

  it('more headroom frees more hosts; load above 45 % anywhere frees none', () => {
    expect(hostsToPowerOff(Array.from({ length: 4 }, () => ({ cpu: 0.1, mem: 0.1 })))).toBe(3);
    expect(hostsToPowerOff([{ cpu: 0.3, mem: 0.4 }, { cpu: 0.5, mem: 0.2 }])).toBe(0);
  });

  it('all hosts above 81 %: power one on', () => {
    expect(needsPowerOn(Array.from({ length: 3 }, () => ({ cpu: 0.85, mem: 0.5 })))).toBe(true);
    expect(needsPowerOn([{ cpu: 0.85, mem: 0.5 }, { cpu: 0.7, mem: 0.7 }])).toBe(false);
  });
});
