// The `vservers:` section: Linux-VServer guests, each a security context on a `vserver` host's one
// kernel (chcontext id, chbind address, chroot, capabilities) with a token bucket that decides how
// much CPU it may use (docs/model/vserver.md). Runs after hosts, since a guest names its host.
import { isIP } from 'node:net';
import { isScalar } from 'yaml';
import { z } from 'zod';
import { CAPABILITIES, capabilityName } from './capabilities.js';
import { didYouMean, num } from './errors.js';
import { name, oneOf, type ValueSchema } from './values.js';
import type { NameBook } from './names.js';
import { listItems, MapReader, type Ctx, type Item } from './reader.js';
import { DIRECT_KEYS, readBucket, SHARE_KEYS } from './vserver-bucket.js';
import { VSERVER_SCHED, type HostSpec, type VServerSpec } from './types.js';
import { DEFAULT_HZ } from './hosts.js';
import { unknownName } from './vms.js';
import { readWorkload } from './workload.js';
import { EPS } from '../eps.js';

export const VSERVER_KEYS = [
  'name', 'host', 'context', 'ip', 'chroot', 'capabilities', 'sched', ...SHARE_KEYS, ...DIRECT_KEYS,
  'tokens', 'workload',
] as const;

/** Static context ids: 0 is the host, 1 the spectator, 49152 and up are handed out dynamically. */
export const CONTEXT_MIN = 2;
export const CONTEXT_MAX = 49151;
const RANGE = `${CONTEXT_MIN}..${CONTEXT_MAX}`;

const CONTEXT: ValueSchema<number> = z.unknown().transform((v, ctx) => {
  let message: string | undefined;
  if (v === 0) message = `context 0 is the host itself; a guest needs an id ${RANGE}`;
  else if (v === 1) message = `context 1 is the spectator (it sees every context); a guest needs an id ${RANGE}`;
  else if (typeof v !== 'number' || !Number.isInteger(v) || v < CONTEXT_MIN || v > CONTEXT_MAX) {
    message = `expected a context id ${RANGE} (0 is the host, 1 the spectator, 49152 and up are dynamic)`;
  }
  if (message === undefined) return v as number;
  ctx.issues.push({ code: 'custom', message, input: v });
  return z.NEVER;
});

const IP: ValueSchema<string> = z.string({ error: 'expected an IP address like 10.1.0.11' })
  .refine((s) => isIP(s) !== 0, { error: 'expected an IP address like 10.1.0.11' });
const CHROOT: ValueSchema<string> = z.string({ error: 'expected an absolute path like /vservers/web' })
  .regex(/^\/\S*$/, { error: 'expected an absolute path like /vservers/web' });

/** What each host's guests have claimed so far, to catch clashes and oversubscription. */
interface HostBook {
  contexts: Map<number, { name: string; line: number }>;
  ips: Map<string, { name: string; line: number }>;
  guests: { name: string; share: number; m: MapReader }[];
}

export function readVServers(ctx: Ctx, items: readonly Item[], names: NameBook, hosts: readonly HostSpec[]): VServerSpec[] {
  const out: VServerSpec[] = [];
  const books = new Map<string, HostBook>();
  for (const item of items) {
    const what = 'a VServer guest mapping (name, host, context, share, …)';
    const m = MapReader.open(ctx, item.node, item.at, item.path, VSERVER_KEYS, what);
    if (!m) continue;
    const host = readHostRef(m, names, hosts);
    const context = m.need('context', CONTEXT);
    const ip = m.get('ip', IP) ?? null;
    const bucket = readBucket(m, host?.hz ?? DEFAULT_HZ);
    const spec = {
      host: host?.name ?? '',
      context: context ?? 0,
      ip,
      capabilities: readCapabilities(m),
      sched: m.get('sched', oneOf(VSERVER_SCHED)) ?? 'hard',
      workload: readWorkload(m, undefined, undefined),
    };
    const base = m.need('name', name);
    if (base === undefined) continue;
    names.claim([base], 'vserver', m);
    const chroot = m.get('chroot', CHROOT) ?? `/vservers/${base}`;
    if (!host || context === undefined || !bucket) continue;
    const book: HostBook = books.get(host.name) ?? { contexts: new Map(), ips: new Map(), guests: [] };
    books.set(host.name, book);
    claim(m, 'context', book.contexts, context, base, `context ${context}`, host.name);
    if (ip !== null) claim(m, 'ip', book.ips, ip, base, `address ${ip}`, host.name);
    book.guests.push({ name: base, share: bucket.fillRate / bucket.interval, m });
    const { fillRate, interval, tokensMin, tokensMax, tokens } = bucket;
    out.push({ name: base, ...spec, chroot, fillRate, interval, tokensMin, tokensMax, tokens });
  }
  for (const [hostName, book] of books) checkShares(hosts.find((h) => h.name === hostName), book);
  return out;
}

function readHostRef(m: MapReader, names: NameBook, hosts: readonly HostSpec[]): HostSpec | undefined {
  const ref = m.need('host', name);
  if (ref === undefined) return undefined;
  const host = hosts.find((h) => h.name === ref);
  if (!host) {
    m.fail('host', unknownName('host', ref, names));
    return undefined;
  }
  if (host.hypervisor !== 'vserver') {
    const a = /^[aeiou]/.test(host.hypervisor) ? 'an' : 'a';
    const ours = hosts.filter((h) => h.hypervisor === 'vserver').map((h) => h.name);
    m.fail('host', `host "${ref}" is ${a} ${host.hypervisor} host; VServer guests run on a host with hypervisor: vserver ` +
      `(vserver hosts: ${ours.length > 0 ? ours.join(', ') : 'none'})`);
    return undefined;
  }
  return host;
}

/** Two guests of one host may not share a context id or a chbind address. */
function claim<K>(m: MapReader, key: string, taken: Map<K, { name: string; line: number }>, value: K,
  guest: string, what: string, host: string): void {
  const prior = taken.get(value);
  if (prior) {
    m.fail(key, `${what} is already used by "${prior.name}" (line ${prior.line}) on host "${host}"`);
    return;
  }
  taken.set(value, { name: guest, line: m.ctx.lineOf(m.pos(key)) });
}

/** `capabilities: [NET_RAW, sys_time]`: each a Linux capability, kept as CAP_NAME. */
function readCapabilities(m: MapReader): string[] {
  const caps: string[] = [];
  for (const item of listItems(m.ctx, m, 'capabilities', 'capability names like CAP_NET_RAW')) {
    const raw = isScalar(item.node) ? item.node.value : undefined;
    const cap = typeof raw === 'string' ? capabilityName(raw) : '';
    if ((CAPABILITIES as readonly string[]).includes(cap)) {
      if (!caps.includes(cap)) caps.push(cap);
      continue;
    }
    const hint = typeof raw === 'string' ? didYouMean(cap, CAPABILITIES) : '';
    m.ctx.report(item.at, item.path, `expected a Linux capability like CAP_NET_RAW${hint}`);
  }
  return caps;
}

/**
 * The buckets of one host may not promise more CPU than it has: Σ R/T <= pCPUs
 * (docs/model/vserver.md, "The parameters and their textbook names"). Reported once, at the guest
 * that tips the sum over, with the whole sum.
 */
function checkShares(host: HostSpec | undefined, book: HostBook): void {
  if (!host) return;
  const total = book.guests.reduce((a, g) => a + g.share, 0);
  if (total <= host.pcpus + EPS) return;
  let sum = 0;
  const over = book.guests.find((g) => (sum += g.share) > host.pcpus + EPS) ?? book.guests[book.guests.length - 1];
  const parts = book.guests.map((g) => `${g.name} ${num(g.share)}`).join(' + ');
  const key = over.m.has('share') ? 'share' : over.m.has('fill_rate') ? 'fill_rate' : 'host';
  over.m.fail(key, `the guests of host "${host.name}" ask for Σ R/T = ${num(total)} CPUs (${parts}) ` +
    `but it has ${host.pcpus} pCPU${host.pcpus === 1 ? '' : 's'}: lower their shares`);
}
