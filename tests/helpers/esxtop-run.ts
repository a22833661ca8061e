// A built-in profile's samples through vmtop's CSV writers, as `batch -n` writes them: the run
// observed once, then written.
import { Engine } from '../../src/engine/engine.js';
import type { Snapshot } from '../../src/engine/snapshot.js';
import { RunPlan } from '../../src/output/esxtop/plan.js';
import { csvFile, type CsvFormat } from '../../src/output/esxtop/writer.js';
import { builtinProfile } from './builtin.js';

export function samples(profile: string, every: number, count: number): Snapshot[] {
  const e = new Engine(builtinProfile(profile));
  const out: Snapshot[] = [];
  for (let i = 1; i <= count; i++) {
    e.advance(every * 1000);
    out.push(e.sample());
  }
  return out;
}

export function csvText(run: Snapshot[], hosts: string[], format: CsvFormat = 'csv'): string {
  const plan = new RunPlan();
  for (const s of run) plan.observe(s);
  const f = csvFile(plan, hosts, format);
  const lines = [f.header()];
  for (const s of run) {
    const row = f.row(s);
    if (row !== null) lines.push(row);
  }
  return lines.join('\n') + '\n';
}
