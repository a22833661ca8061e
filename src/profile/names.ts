// Hosts, VMs, containers, services and sites share one namespace: commands name their target
// without saying its kind.
import { listNames } from './errors.js';
import type { Ctx, MapReader } from './reader.js';

export type Kind = 'host' | 'vm' | 'container' | 'service' | 'vserver' | 'template' | 'site';

const LABEL: Record<Kind, [string, string]> = {
  host: ['host', 'hosts'], vm: ['VM', 'VMs'], container: ['container', 'containers'], service: ['service', 'services'],
  vserver: ['VServer guest', 'VServer guests'], template: ['template', 'templates'], site: ['site', 'sites'],
};

/** `host`, `VM`, `container`, `service`: how messages name a kind. */
export function kindLabel(kind: Kind): string {
  return LABEL[kind][0];
}

/** `count: N` clones an entry as NAME-1 … NAME-N; without count the name stands as written. */
export function cloneNames(name: string, count: number | undefined): string[] {
  if (count === undefined) return [name];
  return Array.from({ length: count }, (_, i) => `${name}-${i + 1}`);
}

export class NameBook {
  private readonly seen = new Map<string, { kind: Kind; line: number }>();

  constructor(private readonly ctx: Ctx) {}

  /**
   * Registers the names an entry produces; a name already taken is reported at `key:` (`name:`,
   * or `site:` for the site a host names, which its other hosts may name again).
   */
  claim(names: readonly string[], kind: Kind, m: MapReader, key = 'name'): void {
    const line = this.ctx.lineOf(m.pos(key));
    for (const n of names) {
      const prior = this.seen.get(n);
      if (prior && prior.kind === 'site' && kind === 'site') continue;
      if (prior) {
        const what = `a ${kindLabel(prior.kind)}`;
        m.fail(key, `duplicate name "${n}" (already used by ${what} at line ${prior.line})`);
        return;
      }
      this.seen.set(n, { kind, line });
    }
  }

  /** A name of a profile already loaded (the monitor's `:` line checks typed commands against them). */
  register(name: string, kind: Kind): void {
    this.seen.set(name, { kind, line: 0 });
  }

  kindOf(name: string): Kind | undefined {
    return this.seen.get(name)?.kind;
  }

  all(kind?: Kind): string[] {
    return [...this.seen].filter(([, v]) => kind === undefined || v.kind === kind).map(([n]) => n);
  }

  /** `(hosts: a, b)` style list for "unknown name" messages. */
  listing(kind?: Kind): string {
    const label = kind !== undefined ? LABEL[kind][1] : this.kindsPresent();
    return `(${label}: ${listNames(this.all(kind))})`;
  }

  /** `hosts and VMs`, `hosts, VMs and containers`: the kinds a profile names (hosts and VMs at least). */
  private kindsPresent(): string {
    const kinds = new Set<Kind>(['host', 'vm']);
    for (const v of this.seen.values()) kinds.add(v.kind);
    const labels = (Object.keys(LABEL) as Kind[]).filter((k) => kinds.has(k)).map((k) => LABEL[k][1]);
    return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
  }
}
