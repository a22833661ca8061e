// One PDH-CSV file: a header, then a row per sample. A file of one host gets no row while that
// host is down (esxtop does not run on a dead host: the time column shows the gap); a file of
// several hosts leaves a down host's cells empty.

import type { Snapshot } from '../../engine/snapshot.js';
import { indexSample, type Indexed } from './columns.js';
import { pdhLine, pdhTimestamp, TIME_COLUMN } from './format.js';
import { hostIsUp } from './plan.js';

export interface PdhColumn {
  host: string;
  path: string;
  cell: (ix: Indexed) => string;
}

export class PdhFile {
  constructor(
    private readonly columns: readonly PdhColumn[],
    private readonly hosts: readonly string[],
    /** the vmtop extension writes rows while a host is down: its state is one of its columns */
    private readonly whileDown: 'no row' | 'cells',
  ) {}

  header(): string {
    return pdhLine([TIME_COLUMN, ...this.columns.map((c) => c.path)]);
  }

  /** The sample's line, or null when this file's only host is down. */
  row(s: Snapshot): string | null {
    const ix = indexSample(s);
    const up = new Set(s.hosts.filter(hostIsUp).map((h) => h.name));
    if (this.whileDown === 'no row' && this.hosts.length === 1 && !up.has(this.hosts[0])) return null;
    const cells = this.columns.map((c) => (this.whileDown === 'cells' || up.has(c.host) ? c.cell(ix) : ''));
    return pdhLine([pdhTimestamp(s.t), ...cells]);
  }
}
