// The built-in `vserver` profile as batch output: the SPEC's vserver fields in order, hold and
// unhold events, and esxtop-style CSV columns per guest.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import type { Snapshot } from '../../../src/engine/snapshot.js';
import { RunPlan } from '../../../src/output/esxtop/plan.js';
import { csvFile } from '../../../src/output/esxtop/writer.js';
import { jsonlLine } from '../../../src/output/jsonl.js';
import { builtinProfile } from '../../helpers/builtin.js';

const SPEC_KEYS = ['name', 'host', 'context', 'R', 'T', 'S', 'M', 'tokens', 'held', '%USED', 'holds', 'held_s'];

function samples(seconds: number, every: number): Snapshot[] {
  const e = new Engine(builtinProfile('vserver'));
  const out: Snapshot[] = [];
  for (let t = every; t <= seconds; t += every) {
    e.advance(every * 1000);
    out.push(e.sample());
  }
  return out;
}

describe('built-in vserver profile', () => {
  const all = samples(120, 2);
  const last = all[all.length - 1];
  const by = (s: Snapshot, name: string) => s.vservers.find((v) => v.name === name)!;

  it('the textbook guest bursts and is held, again and again; the other runs steadily', () => {
    const burster = by(last, 'burster');
    const steady = by(last, 'steady');
    expect(burster).toMatchObject({ R: 1, T: 2, S: 15000, M: 2500, context: 101 });
    expect(burster.holds).toBeGreaterThanOrEqual(4);
    expect(steady.holds).toBe(0);
    for (const s of all) expect(by(s, 'steady')['%USED']).toBeCloseTo(20, 0);
    // the saw-tooth: the level falls while it runs, climbs while it is held
    expect(Math.max(...burster.history)).toBeGreaterThan(2000);
    expect(Math.min(...burster.history)).toBeLessThan(1000);
    expect(burster.history.length).toBe(60);
  });

  it('JSONL: the SPEC\'s vserver keys in order, and hold / unhold events', () => {
    const rows = all.map((s) => JSON.parse(jsonlLine(s)) as { vservers: Record<string, unknown>[]; events: { kind: string; target: string }[] });
    for (const r of rows) for (const v of r.vservers) expect(Object.keys(v)).toEqual(SPEC_KEYS);
    const kinds = rows.flatMap((r) => r.events).filter((x) => x.target === 'burster').map((x) => x.kind);
    expect(kinds.slice(0, 4)).toEqual(['hold', 'unhold', 'hold', 'unhold']);
  });

  it('vmtop\'s CSV extension: one column per field of each guest, named like esxtop\'s counters', () => {
    const plan = new RunPlan();
    for (const s of all) plan.observe(s);
    const w = csvFile(plan, ['lx-1'], 'csv-vmtop');
    const header = w.header().split(',');
    const path = '"\\\\lx-1\\VServer(101:burster)\\Tokens"';
    const col = header.indexOf(path);
    expect(col).toBeGreaterThan(0);
    expect(header).toContain('"\\\\lx-1\\VServer(102:steady)\\On Hold"');
    const row = w.row(last)!.split(',');
    expect(row[col]).toBe(`"${by(last, 'burster').tokens.toFixed(2)}"`);
  });
});
