// The CSV files of a run: esxtop's (`--format csv`) or vmtop's extension (`--format csv-vmtop`),
// for one host or, with --all-hosts, for every host in one file.

import { formatCell } from './counters.js';
import { hostColumns } from './columns.js';
import { extensionColumns } from './extension.js';
import { PdhFile, type PdhColumn } from './pdh-file.js';
import type { RunPlan } from './plan.js';

export type CsvFormat = 'csv' | 'csv-vmtop';

export function csvFile(plan: RunPlan, hosts: readonly string[], format: CsvFormat): PdhFile {
  const plans = hosts.map((name) => {
    const p = plan.host(name);
    if (!p) throw new Error(`no host ${name} in the run`);
    return p;
  });
  const columns: PdhColumn[] = format === 'csv'
    ? plans.flatMap(hostColumns).map((c) => ({ host: c.host, path: c.path, cell: (ix) => formatCell(c.value(ix), c.format) }))
    : plans.flatMap(extensionColumns);
  return new PdhFile(columns, hosts, format === 'csv' ? 'no row' : 'cells');
}
