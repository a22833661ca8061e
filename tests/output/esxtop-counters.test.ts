// The counter table against a real capture: every name esxtop spells the same way, in esxtop's
// order, in the capture it says (default or -a), and every default counter's number format the
// one the real file writes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ESXTOP_COUNTERS, formatCell, type CounterDef } from '../../src/output/esxtop/counters.js';
import { parsePath, parsePdh, typesByCounter } from '../helpers/pdh.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/esxtop/${name}`, import.meta.url), 'utf8');
const real = parsePdh(fixture('small-esxtop-data.trimmed.csv'));
const all = parsePdh(fixture('all-counters-header.trimmed.csv'));

/** object -> its counters in the order of the file (first instance's order) */
function countersInOrder(paths: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const path of paths) {
    const p = parsePath(path);
    if (!p) continue;
    const list = out.get(p.object) ?? [];
    if (!list.includes(p.counter)) list.push(p.counter);
    out.set(p.object, list);
  }
  return out;
}

const defaults = countersInOrder(real.header.cells);
const allCounters = countersInOrder(all.header.cells);
const table = Object.entries(ESXTOP_COUNTERS) as [string, Record<string, CounterDef>][];

describe('the esxtop counter table', () => {
  it('spells every object and counter as the real capture does, in the capture it names', () => {
    for (const [object, counters] of table) {
      for (const [name, def] of Object.entries(counters)) {
        const where = def.set === 'default' ? defaults : allCounters;
        expect(where.get(object) ?? [], `${object}\\${name} in the ${def.set} capture`).toContain(name);
        if (def.set === '-a') expect(defaults.get(object) ?? [], `${object}\\${name} is only in -a`).not.toContain(name);
      }
    }
  });

  it('lists each object\'s counters in esxtop\'s order', () => {
    for (const [object, counters] of table) {
      const order = allCounters.get(object)!;
      const positions = Object.keys(counters).map((c) => order.indexOf(c));
      expect(positions, object).toEqual([...positions].sort((a, b) => a - b));
    }
  });

  it('gives every default counter the number format of the real file\'s cells', () => {
    const types = typesByCounter(real);
    let checked = 0;
    for (const [object, counters] of table) {
      for (const [name, def] of Object.entries(counters)) {
        if (def.set !== 'default') continue;
        expect(types.get(`${object}\\${name}`), `${object}\\${name}`).toEqual(new Set([def.format]));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('keeps the issue\'s integer counters integers and every Group Memory counter two-decimal', () => {
    const fmt = (o: keyof typeof ESXTOP_COUNTERS, c: string) => (ESXTOP_COUNTERS[o] as Record<string, CounterDef>)[c].format;
    for (const c of ['Machine MBytes', 'Kernel MBytes', 'NonKernel MBytes', 'Free MBytes', 'Kernel State', 'PShare Savings MBytes',
      'Swap Used MBytes', 'Swap Target MBytes', 'Memctl Current MBytes', 'Memctl Target MBytes', 'Total Compressed MBytes']) {
      expect(fmt('Memory', c), c).toBe('int');
    }
    for (const c of ['Swap MBytes Read/sec', 'Swap MBytes Write/sec']) expect(fmt('Memory', c), c).toBe('dec2');
    for (const c of ['Members', 'Alloc Min', 'Alloc Max', 'Alloc Shares', 'Alloc Min Limited']) expect(fmt('Group Cpu', c), c).toBe('int');
    for (const c of Object.keys(ESXTOP_COUNTERS['Group Memory'])) expect(fmt('Group Memory', c), c).toBe('dec2');
  });

  it('formats cells as the real file does, never -0', () => {
    expect(formatCell(1478.4, 'int')).toBe('1478');
    expect(formatCell(-1, 'int')).toBe('-1');
    expect(formatCell(-0.2, 'int')).toBe('0');
    expect(formatCell(100, 'dec2')).toBe('100.00');
    expect(formatCell(99.7, 'dec2')).toBe('99.70');
    expect(formatCell(-0.001, 'dec2')).toBe('0.00');
  });
});
