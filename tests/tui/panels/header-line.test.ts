// A figure a real capture lacks reads `-` in a panel header, never NaN or an invented 0.
import { describe, expect, it } from 'vitest';
import { pct, two, whole } from '../../../src/tui/panels/header-line.js';

describe('header figures', () => {
  it('absent (NaN) reads -, present reads as before', () => {
    expect([two(NaN), whole(NaN), pct(5, NaN), pct(NaN, 10)]).toEqual(['-', '-', '-', '-']);
    expect([two(1.234), whole(9999.6), pct(5, 10), pct(5, 0)]).toEqual(['1.23', '10000', '50.0', '0.0']);
  });
});
