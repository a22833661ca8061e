// Hosts and VMs share one namespace: commands name their target without saying its kind.
import { listNames } from './errors.js';
import type { Ctx, MapReader } from './reader.js';

export type Kind = 'host' | 'vm';

/** `count: N` clones an entry as NAME-1 … NAME-N; without count the name stands as written. */
export function cloneNames(name: string, count: number | undefined): string[] {
  if (count === undefined) return [name];
  return Array.from({ length: count }, (_, i) => `${name}-${i + 1}`);
}

export class NameBook {
  private readonly seen = new Map<string, { kind: Kind; line: number }>();

  constructor(private readonly ctx: Ctx) {}

  /** Registers the names an entry produces; a name already taken is reported at `name:`. */
  claim(names: readonly string[], kind: Kind, m: MapReader): void {
    const line = this.ctx.lineOf(m.pos('name'));
    for (const n of names) {
      const prior = this.seen.get(n);
      if (prior) {
        const what = prior.kind === 'host' ? 'a host' : 'a VM';
        m.fail('name', `duplicate name "${n}" (already used by ${what} at line ${prior.line})`);
        return;
      }
      this.seen.set(n, { kind, line });
    }
  }

  kindOf(name: string): Kind | undefined {
    return this.seen.get(name)?.kind;
  }

  all(kind?: Kind): string[] {
    return [...this.seen].filter(([, v]) => kind === undefined || v.kind === kind).map(([n]) => n);
  }

  /** `(hosts: a, b)` style list for "unknown name" messages. */
  listing(kind?: Kind): string {
    const label = kind === 'host' ? 'hosts' : kind === 'vm' ? 'VMs' : 'hosts and VMs';
    return `(${label}: ${listNames(this.all(kind))})`;
  }
}
