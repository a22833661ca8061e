// Walks the YAML syntax tree (not the plain JS value) so every error can point at the node
// that caused it. Readers never throw: they record errors and hand back undefined.
import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Document, LineCounter, Node } from 'yaml';
import { didYouMean, type ProfileError } from './errors.js';
import type { ValueSchema } from './values.js';

export class Ctx {
  readonly errors: ProfileError[] = [];

  constructor(
    readonly file: string,
    private readonly lc: LineCounter,
    private readonly doc: Document,
  ) {}

  report(offset: number, path: string, message: string): void {
    const { line, col } = this.lc.linePos(offset);
    this.errors.push({ file: this.file, line, col, path, message });
  }

  lineOf(offset: number): number {
    return this.lc.linePos(offset).line;
  }

  /** The node behind an alias; null (and an error) for an alias to nothing. */
  deref(node: unknown, path: string): Node | null {
    if (!isAlias(node)) return (node as Node | null | undefined) ?? null;
    const target = node.resolve(this.doc);
    if (target === undefined) this.report(start(node, 0), path, `unknown alias *${node.source}`);
    return target ?? null;
  }
}

export function start(node: Node | null | undefined, fallback: number): number {
  return node?.range?.[0] ?? fallback;
}

/** An empty value (`key:`) has no text of its own, so errors about it point at the key. */
function isEmpty(node: Node | null): boolean {
  return node === null || (isScalar(node) && node.value === null && node.range?.[0] === node.range?.[1]);
}

/** The plain value a value schema (values.ts) sees; collections become stand-ins it will reject. */
function plain(node: Node | null): unknown {
  if (node === null) return null;
  if (isScalar(node)) return node.value;
  return isSeq(node) ? [] : {};
}

interface Entry {
  keyPos: number;
  value: Node | null;
}

export class MapReader {
  private readonly bad = new Set<string>();

  private constructor(
    readonly ctx: Ctx,
    readonly path: string,
    /** Offset of the mapping itself: where "missing key" errors point. */
    readonly at: number,
    private readonly entries: Map<string, Entry>,
  ) {}

  /** Opens a mapping and reports its unknown keys; undefined (reported) if it is not one. */
  static open(ctx: Ctx, raw: unknown, at: number, path: string, keys: readonly string[], what = 'a mapping'): MapReader | undefined {
    const node = ctx.deref(raw, path);
    if (!isMap(node)) {
      if (!isAlias(raw) || node !== null) ctx.report(isEmpty(node) ? at : start(node, at), path, `expected ${what}`);
      return undefined;
    }
    const entries = new Map<string, Entry>();
    for (const pair of node.items) {
      const keyNode = pair.key as Node | null;
      const keyPos = start(keyNode, start(node, at));
      const key = isScalar(keyNode) ? keyNode.value : undefined;
      if (typeof key !== 'string' && typeof key !== 'number') {
        ctx.report(keyPos, path, 'expected a plain key name');
        continue;
      }
      const name = String(key);
      const keyPath = join(path, name);
      if (name === '<<') ctx.report(keyPos, keyPath, 'merge keys (<<) are not supported; use count: N to clone an entry');
      else if (!keys.includes(name)) ctx.report(keyPos, keyPath, `unknown key "${name}"${didYouMean(name, keys)}`);
      else entries.set(name, { keyPos, value: ctx.deref(pair.value, keyPath) });
    }
    return new MapReader(ctx, path, start(node, at), entries);
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  sub(key: string): string {
    return join(this.path, key);
  }

  keyPos(key: string): number {
    return this.entries.get(key)?.keyPos ?? this.at;
  }

  /** Where an error about this key's value points. */
  pos(key: string): number {
    const e = this.entries.get(key);
    if (!e) return this.at;
    return isEmpty(e.value) ? e.keyPos : start(e.value, e.keyPos);
  }

  node(key: string): Node | null {
    return this.entries.get(key)?.value ?? null;
  }

  /** True when none of these keys held an invalid value (absent is fine). */
  valid(...keys: string[]): boolean {
    return keys.every((k) => !this.bad.has(k));
  }

  fail(key: string, message: string, at = this.pos(key)): void {
    this.bad.add(key);
    this.ctx.report(at, this.sub(key), message);
  }

  /** The validated value; undefined when absent or invalid (reported). */
  get<T>(key: string, schema: ValueSchema<T>): T | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    const r = schema.safeParse(plain(e.value));
    if (r.success) return r.data;
    this.fail(key, r.error.issues[0]?.message ?? 'invalid value');
    return undefined;
  }

  /** Like get, and a missing key is an error pointing at the mapping. */
  need<T>(key: string, schema: ValueSchema<T>): T | undefined {
    if (this.has(key)) return this.get(key, schema);
    this.missing(key);
    return undefined;
  }

  missing(key: string): void {
    this.bad.add(key);
    this.ctx.report(this.at, this.path, `missing required key "${key}"`);
  }
}

export interface Item {
  node: Node | null;
  at: number;
  index: number;
  path: string;
}

/** The entries of a list section; an empty value (`vms:`) is an empty list. */
export function listItems(ctx: Ctx, m: MapReader, key: string, what: string): Item[] {
  const node = m.node(key);
  if (!m.has(key) || isEmpty(node)) return [];
  if (!isSeq(node)) {
    m.fail(key, `expected a list of ${what}`);
    return [];
  }
  return node.items.map((raw, index) => {
    const path = `${m.sub(key)}[${index}]`;
    const item = ctx.deref(raw, path);
    return { node: item, at: start(item, start(raw as Node, m.pos(key))), index, path };
  });
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
