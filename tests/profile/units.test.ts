import { describe, expect, it } from 'vitest';
import {
  parseBitRate, parseByteRate, parseDuration, parseFraction, parseFrequency, parseSize, type Parsed,
} from '../../src/profile/units.js';

const value = (r: Parsed<number>): number | string => (r.ok ? r.value : r.message);

describe('sizes -> MiB', () => {
  it.each([
    ['512MiB', 512],
    ['8GiB', 8192],
    ['1TiB', 1048576],
    ['64KiB', 0.0625],
    ['1048576B', 1],
    ['1.5GiB', 1536],
    ['8 GiB', 8192],
    ['1GB', 1e9 / 2 ** 20],
    ['1TB', 1e12 / 2 ** 20],
    ['100MB', 1e8 / 2 ** 20],
    ['1000kB', 1e6 / 2 ** 20],
    [0, 0],
  ])('%s', (text, mib) => {
    expect(value(parseSize(text))).toBe(mib);
  });

  it('keeps decimal units exact: 1GB is 953.67431640625 MiB', () => {
    expect(value(parseSize('1GB'))).toBe(953.67431640625);
  });

  it.each([[8], ['8'], ['8gib'], ['-1GiB'], ['8GiB/s'], ['GiB'], [null], [true], ['1e3MiB']])('rejects %j', (v) => {
    expect(value(parseSize(v))).toBe('expected a size like 512MiB or 8GiB');
  });
});

describe('network rates -> Mbit/s', () => {
  it.each([
    ['10Gbit', 10000],
    ['100Mbit', 100],
    ['1Gbit/s', 1000],
    ['2.5Gbit', 2500],
    ['500kbit', 0.5],
    ['100Mbps', 100],
    [0, 0],
  ])('%s', (text, mbit) => {
    expect(value(parseBitRate(text))).toBe(mbit);
  });

  it.each([[100], ['100MB/s'], ['10G'], ['fast']])('rejects %j', (v) => {
    expect(value(parseBitRate(v))).toBe('expected a rate like 100Mbit or 10Gbit');
  });
});

describe('byte rates -> MiB/s', () => {
  it.each([
    ['200MiB/s', 200],
    ['1GiB/s', 1024],
    ['512KiB/s', 0.5],
    ['1GB/s', 1e9 / 2 ** 20],
    [0, 0],
  ])('%s', (text, mibs) => {
    expect(value(parseByteRate(text))).toBe(mibs);
  });

  it.each([['200MiB'], [200], ['200Mbit/s']])('rejects %j', (v) => {
    expect(value(parseByteRate(v))).toBe('expected a rate like 200MiB/s');
  });
});

describe('frequencies -> MHz', () => {
  it.each([
    ['2000MHz', 2000],
    ['2.4GHz', 2400],
    ['2.3GHz', 2300],
    ['1GHz', 1000],
    [0, 0],
  ])('%s', (text, mhz) => {
    expect(value(parseFrequency(text))).toBe(mhz);
  });

  it('accepts a bare number only where asked to (mhz: 2000)', () => {
    expect(value(parseFrequency(2000, { bare: true }))).toBe(2000);
    expect(value(parseFrequency(2000))).toBe('expected a frequency like 2000MHz or 2.4GHz');
    expect(value(parseFrequency('fast', { bare: true }))).toBe('expected a frequency like 2000 or 2.4GHz');
    expect(value(parseFrequency(-5, { bare: true }))).toBe('expected a frequency like 2000 or 2.4GHz');
  });
});

describe('durations -> ms', () => {
  it.each([
    ['250ms', 250],
    ['30s', 30000],
    ['5m', 300000],
    ['1h', 3600000],
    ['0.5ms', 0.5],
    ['1.5s', 1500],
    ['1m30s', 90000],
    ['500us', 0.5],
    [0, 0],
  ])('%s', (text, ms) => {
    expect(value(parseDuration(text))).toBe(ms);
  });

  it.each([[30], ['30'], ['30 sec'], ['s'], ['-1s'], ['1d']])('rejects %j', (v) => {
    expect(value(parseDuration(v))).toBe('expected a duration like 250ms, 30s or 5m');
  });
});

describe('fractions', () => {
  it.each([
    ['60%', 0.6],
    ['100%', 1],
    ['15%', 0.15],
    ['0.5%', 0.005],
    ['0%', 0],
    [0, 0],
  ])('%s', (text, f) => {
    expect(value(parseFraction(text))).toBe(f);
  });

  it.each([[0.6], [60], ['60'], ['60 percent']])('rejects %j', (v) => {
    expect(value(parseFraction(v))).toBe('expected a percentage like 60%');
  });
});

describe('every quantity finite, with a stated maximum', () => {
  it('refuses a number too large to be a machine (309 digits was Infinity) and says the maximum', () => {
    const digits = '9'.repeat(309);
    expect(parseSize(`${digits}MiB`)).toEqual({ ok: false, message: 'expected a size like 512MiB or 8GiB, at most 64TiB' });
    expect(parseSize('64TiB')).toEqual({ ok: true, value: 64 * 2 ** 20 });
    expect(parseSize('65TiB').ok).toBe(false);
    expect(parseBitRate(`${digits}Gbit`).ok).toBe(false);
    expect(parseByteRate('2TiB/s').ok).toBe(false);
    expect(parseFrequency('11GHz').ok).toBe(false);
    expect(parseFrequency(1e308, { bare: true }).ok).toBe(false);
    expect(parseDuration('8784h').ok).toBe(true);
    expect(parseDuration('8785h').ok).toBe(false);
    expect(parseDuration(`${digits}h`)).toEqual({ ok: false, message: 'expected a duration like 250ms, 30s or 5m, at most 366 days' });
    expect(parseFraction(`${digits}%`).ok).toBe(false);
    expect(parseFraction('1000%')).toEqual({ ok: true, value: 10 });
  });
});
