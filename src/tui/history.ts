// Bounded history of each entity's key figures (CPU used, CPU waiting, memory) for the details
// pane's sparklines. Each series is a fixed-size ring, and an entity that leaves the snapshot is
// dropped, so memory depends on the number of entities and the capacity, never on run time.

import type { Snapshot } from '../engine/snapshot.js';
import type { Store } from './store.js';

/** Samples kept per series: 3 minutes at the 1 s refresh, 6 minutes at the default 2 s. */
export const HISTORY_CAPACITY = 180;

/** A fixed-capacity ring of numbers: pushing past capacity overwrites the oldest. */
export class Ring {
  private readonly buf: Float64Array;
  private start = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    this.buf = new Float64Array(Math.max(1, capacity));
  }

  get length(): number {
    return this.count;
  }

  push(value: number): void {
    const cap = this.buf.length;
    if (this.count < cap) {
      this.buf[(this.start + this.count) % cap] = value;
      this.count++;
    } else {
      this.buf[this.start] = value;
      this.start = (this.start + 1) % cap;
    }
  }

  /** Oldest first; at most the last `n`. */
  values(n = this.count): number[] {
    const take = Math.min(n, this.count);
    const out: number[] = [];
    for (let i = this.count - take; i < this.count; i++) out.push(this.buf[(this.start + i) % this.buf.length]);
    return out;
  }
}

/** The three figures a details pane draws, with their labels for this kind of entity. */
export interface SeriesSet {
  labels: readonly [string, string, string];
  used: Ring;
  wait: Ring;
  mem: Ring;
}

type Figures = [used: number, wait: number, mem: number];

const VM_LABELS = ['%USED', '%RDY', 'GRANT MiB'] as const;
/** A VM running a JVM: its heap in use instead of GRANT, the garbage collector's saw-tooth. */
const JVM_LABELS = ['%USED', '%RDY', 'heap used MiB'] as const;
const CONTAINER_LABELS = ['cpu.usage%', 'throttled%', 'memory.current MiB'] as const;
const SERVICE_LABELS = ['cpu.usage%', 'throttled%', 'memory.current MiB'] as const;
const VSERVER_LABELS = ['%USED', '%HELD', 'tokens'] as const;
const HOST_LABELS = ['PCPU_USED%', 'PCPU_UTIL%', 'MEM used MiB'] as const;

/** History key of each entity kind; the details pane resolves rows to these. */
export const historyKey = {
  vm: (gid: number) => `vm:${gid}`,
  container: (name: string) => `ct:${name}`,
  service: (name: string) => `svc:${name}`,
  vserver: (host: string, name: string) => `vs:${host}/${name}`,
  host: (name: string) => `host:${name}`,
};

export class History {
  private readonly series = new Map<string, SeriesSet>();
  private last: Snapshot | null = null;

  constructor(readonly capacity = HISTORY_CAPACITY) {}

  /** Entities tracked now. */
  get size(): number {
    return this.series.size;
  }

  get(key: string): SeriesSet | undefined {
    return this.series.get(key);
  }

  /** Adds one sample per entity; the same snapshot twice counts once. Entities gone are dropped. */
  record(snap: Snapshot): void {
    if (snap === this.last) return;
    this.last = snap;
    const seen = new Set<string>();
    const add = (key: string, labels: readonly [string, string, string], [used, wait, mem]: Figures) => {
      seen.add(key);
      let s = this.series.get(key);
      if (!s) {
        s = { labels, used: new Ring(this.capacity), wait: new Ring(this.capacity), mem: new Ring(this.capacity) };
        this.series.set(key, s);
      }
      s.used.push(used);
      s.wait.push(wait);
      s.mem.push(mem);
    };
    for (const vm of snap.vms) {
      if (vm.jvm) add(historyKey.vm(vm.gid), JVM_LABELS, [vm['%USED'], vm['%RDY'], vm.jvm.HEAPUSED]);
      else add(historyKey.vm(vm.gid), VM_LABELS, [vm['%USED'], vm['%RDY'], vm.GRANT]);
    }
    for (const c of snap.containers ?? []) {
      add(historyKey.container(c.name), CONTAINER_LABELS, [c['cpu.usage%'], c['throttled%'], c['memory.current']]);
    }
    for (const s of snap.services ?? []) {
      add(historyKey.service(s.name), SERVICE_LABELS, [s['cpu.usage%'], s['throttled%'], s['memory.current']]);
    }
    for (const v of snap.vservers ?? []) {
      add(historyKey.vserver(v.host, v.name), VSERVER_LABELS, [v['%USED'], v['%HELD'], v.tokens]);
    }
    for (const h of snap.hosts) {
      add(historyKey.host(h.name), HOST_LABELS, [h['PCPU_USED%'], h['PCPU_UTIL%'], h.MEM_TOTAL - h.MEM_FREE]);
    }
    for (const key of [...this.series.keys()]) if (!seen.has(key)) this.series.delete(key);
  }

  /** Records the store's sample now and every one it publishes; returns the unsubscribe. */
  follow(store: Pick<Store<{ snapshot: Snapshot }>, 'get' | 'subscribe'>): () => void {
    this.record(store.get().snapshot);
    return store.subscribe(() => this.record(store.get().snapshot));
  }
}

const BARS = '▁▂▃▄▅▆▇█';

/** One character per value, scaled from 0 to the series' maximum; the last `width` values. */
export function sparkline(values: readonly number[], width: number): string {
  const shown = values.slice(Math.max(0, values.length - Math.max(0, width)));
  const max = Math.max(0, ...shown);
  return shown.map((v) => {
    if (!(max > 0) || !(v > 0)) return BARS[0];
    return BARS[Math.min(BARS.length - 1, Math.floor((v / max) * (BARS.length - 1) + 0.5))];
  }).join('');
}
