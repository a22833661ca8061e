// Which CSV files a batch run writes. esxtop's file holds one host, so with several hosts the
// user says which: --host NAME, -o FILE (one file per host beside FILE) or --all-hosts (one
// file, every host). Nothing is chosen silently.

import { basename, dirname, extname, join } from 'node:path';
import { UsageError } from './usage-error.js';

export interface CsvTarget {
  hosts: string[];
  /** the file, or standard output */
  output?: string;
}

export interface TargetOptions {
  format: string;
  host?: string;
  allHosts: boolean;
  output?: string;
}

/** `lab.csv` and host `esx-a` -> `lab-esx-a.csv`, in the same directory. */
export function perHostPath(output: string, host: string): string {
  const ext = extname(output);
  return join(dirname(output), `${basename(output, ext)}-${host}${ext}`);
}

export function csvTargets(hosts: readonly string[], o: TargetOptions): CsvTarget[] {
  if (o.host !== undefined && o.allHosts) throw new UsageError('give either --host NAME or --all-hosts, not both');
  if (o.host !== undefined) {
    if (!hosts.includes(o.host)) throw new UsageError(`--host ${o.host}: no such host; the hosts are ${hosts.join(', ')}`);
    return [{ hosts: [o.host], output: o.output }];
  }
  if (o.allHosts || hosts.length === 1) return [{ hosts: [...hosts], output: o.output }];
  if (o.output !== undefined) return hosts.map((h) => ({ hosts: [h], output: perHostPath(o.output!, h) }));
  throw new UsageError(
    `--format ${o.format}: the profile has ${hosts.length} hosts (${hosts.join(', ')}) and an esxtop file holds one; ` +
    'give --host NAME, -o FILE (one file per host: FILE-HOST.csv) or --all-hosts (every host in one file)',
  );
}

/** --host and --all-hosts choose CSV files; JSONL always carries every host. */
export function checkHostOptions(o: TargetOptions): void {
  if (o.format === 'jsonl' && (o.host !== undefined || o.allHosts)) {
    throw new UsageError(`${o.host !== undefined ? '--host' : '--all-hosts'} applies to --format csv and csv-vmtop; JSONL carries every host`);
  }
}

/**
 * esxtop labels samples in whole seconds (MM/DD/YYYY HH:MM:SS): two samples in one second would
 * share a label, and tools drop or merge the repeats. JSONL's `t` has no such limit.
 */
export function checkWholeSeconds(format: string, instantsMs: Iterable<number>, what: (ms: number) => string): void {
  if (format === 'jsonl') return;
  for (const ms of instantsMs) {
    if (ms % 1000 !== 0) {
      throw new UsageError(
        `${what(ms)}: --format ${format} labels samples in whole seconds (MM/DD/YYYY HH:MM:SS, as esxtop), so samples ` +
        'less than a second apart would repeat a label and tools would drop rows; give a whole number of seconds, ' +
        'or use --format jsonl (t in simulated seconds, any -d)',
      );
    }
  }
}
