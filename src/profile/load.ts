// Profile text -> normalized Profile, or every error found, each with file:line:col.
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import type { Profile } from './types.js';
import type { ProfileError } from './errors.js';
import { integer, name, text, unit } from './values.js';
import { readCluster } from './cluster.js';
import { readContainers } from './containers.js';
import { readDatastoreCluster } from './datastore-cluster.js';
import { readSiteRecovery } from './site-recovery.js';
import { readEvents } from './events.js';
import { readHosts } from './hosts.js';
import { NameBook } from './names.js';
import { Ctx, MapReader, listItems } from './reader.js';
import { parseDuration } from './units.js';
import { readTemplates } from './templates.js';
import { readVms } from './vms.js';
import { readVServers } from './vservers.js';

export type LoadResult = { ok: true; profile: Profile } | { ok: false; errors: ProfileError[] };

export const TOP_KEYS = [
  'name', 'description', 'seed', 'quantum', 'cluster', 'datastore_cluster', 'site_recovery', 'hosts', 'vms', 'containers',
  'vservers', 'templates', 'events',
];

export const DEFAULT_SEED = 1;
export const DEFAULT_QUANTUM_MS = 10;

const SEED = integer(0, 2 ** 32 - 1);

/**
 * The largest lab a profile may describe, in total (each entry's `count` clones are counted):
 * vCenter 8's own maxima for hosts and VMs, and a vCPU total the engine still runs at about
 * real time (it steps every vCPU every quantum). 2.56 million vCPUs validated before, and then
 * could not run.
 */
export const LAB_MAX = { hosts: 2500, vms: 40_000, vcpus: 100_000, containers: 40_000, vservers: 10_000 } as const;

/**
 * The longest profile text read: a lab at LAB_MAX written with `count:` is a few kilobytes, the
 * built-in lab 6 KB. Reading costs some kilobytes of memory per entry: a 10 MB profile took over
 * 1 GB to validate.
 */
export const PROFILE_TEXT_MAX = 1024 * 1024;
/** The engine steps in whole milliseconds. */
const QUANTUM = unit(parseDuration, {
  test: (ms) => Number.isInteger(ms) && ms >= 1,
  message: 'expected a whole number of milliseconds, at least 1ms, like 10ms',
});

export function loadProfileText(source: string, file: string): LoadResult {
  if (source.length > PROFILE_TEXT_MAX) {
    const mib = (source.length / 2 ** 20).toFixed(1);
    return { ok: false, errors: [{ file, line: 1, col: 1, path: '', message: `the profile is ${mib} MiB; at most 1 MiB is read (count: N clones an entry)` }] };
  }
  const lc = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lc, prettyErrors: false });
  const ctx = new Ctx(file, lc, doc);
  // A broken document's tree is a guess; checking it would bury the real error under echoes.
  if (doc.errors.length > 0) {
    for (const e of doc.errors) ctx.report(e.pos[0], '', `YAML syntax: ${yamlProblem(e.message)}`);
    return { ok: false, errors: sorted(ctx.errors) };
  }
  const what = 'a profile mapping with at least name and hosts';
  const top = MapReader.open(ctx, doc.contents, 0, '', TOP_KEYS, what);
  if (!top) return { ok: false, errors: sorted(ctx.errors) };
  const names = new NameBook(ctx);
  const profileName = top.need('name', name);
  const description = top.get('description', text) ?? '';
  const seed = top.get('seed', SEED) ?? DEFAULT_SEED;
  const quantumMs = top.get('quantum', QUANTUM) ?? DEFAULT_QUANTUM_MS;
  const hostItems = listItems(ctx, top, 'hosts', 'hosts');
  if (!top.has('hosts')) top.missing('hosts');
  else if (hostItems.length === 0 && top.valid('hosts')) top.fail('hosts', 'expected a list of at least one host');
  const hosts = readHosts(ctx, hostItems, names);
  const vms = readVms(ctx, listItems(ctx, top, 'vms', 'VMs'), names, hosts);
  const containers = readContainers(ctx, listItems(ctx, top, 'containers', 'containers'), names, hosts, vms);
  const vservers = readVServers(ctx, listItems(ctx, top, 'vservers', 'VServer guests'), names, hosts);
  const cluster = readCluster(ctx, top);
  const datastoreCluster = readDatastoreCluster(ctx, top, hosts);
  const siteRecovery = readSiteRecovery(ctx, top, [...new Set(hosts.flatMap((h) => (h.site ? [h.site] : [])))]);
  const templates = readTemplates(ctx, listItems(ctx, top, 'templates', 'templates'), names);
  const events = readEvents(ctx, listItems(ctx, top, 'events', 'events'), names, vms, hosts);
  if (ctx.errors.length === 0) {
    const vcpus = vms.reduce((n, v) => n + v.vcpus, 0);
    const sizes: [keyof typeof LAB_MAX, string, number][] = [
      ['hosts', 'hosts', hosts.length], ['vms', 'VMs', vms.length], ['vms', 'vCPUs', vcpus],
      ['containers', 'containers', containers.length], ['vservers', 'VServer guests', vservers.length],
    ];
    for (const [section, what, n] of sizes) {
      const max = what === 'vCPUs' ? LAB_MAX.vcpus : LAB_MAX[section];
      if (n > max) top.fail(section, `the lab has ${n.toLocaleString('en-US')} ${what} in all (count: included); at most ${max.toLocaleString('en-US')}`, top.keyPos(section));
    }
  }
  if (ctx.errors.length > 0 || profileName === undefined) return { ok: false, errors: sorted(ctx.errors) };
  const profile: Profile = { name: profileName, description, seed, quantumMs, hosts, vms, containers, vservers, events };
  // only when given, so that a profile without them is the same object it always was
  if (cluster) profile.cluster = cluster;
  if (datastoreCluster) profile.datastoreCluster = datastoreCluster;
  if (siteRecovery) profile.siteRecovery = siteRecovery;
  if (templates.length > 0) profile.templates = templates;
  return { ok: true, profile };
}

export function loadProfileFile(path: string): LoadResult {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (err) {
    // No position to give: line and col 0 make formatProfileError print just the file.
    return { ok: false, errors: [{ file: path, line: 0, col: 0, path: '', message: `cannot read: ${readError(err)}` }] };
  }
  return loadProfileText(source, path);
}

function readError(err: unknown): string {
  const code = (err as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES') return 'permission denied';
  return err instanceof Error ? err.message : String(err);
}

/** Reading order, so the first error printed is the first one in the file. */
function sorted(errors: ProfileError[]): ProfileError[] {
  return [...errors].sort((a, b) => a.line - b.line || a.col - b.col);
}

/** The YAML parser's words, except where they name its own limit rather than the file's fault. */
function yamlProblem(message: string): string {
  // the parser recurses per level: thousands of nested brackets or dashes overflow its stack
  if (message.includes('Maximum call stack size exceeded')) return 'nested too deeply to read (a profile is a few levels deep)';
  return message;
}
