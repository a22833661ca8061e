// Validators for single values, as zod schemas whose only message is ours ("expected …"),
// so the reader can attach it to the node's position unchanged.
import { z } from 'zod';
import { didYouMean } from './errors.js';
import type { Parsed } from './units.js';

export type ValueSchema<T> = z.ZodType<T>;

export function integer(min: number, max: number): ValueSchema<number> {
  const error = `expected an integer ${min}..${max}`;
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
}

export function oneOf<const T extends readonly [string, ...string[]]>(values: T): ValueSchema<T[number]> {
  return z.enum(values, {
    error: (issue) => {
      const hint = typeof issue.input === 'string' ? didYouMean(issue.input, values) : '';
      return `expected ${values.join(' | ')}${hint}`;
    },
  });
}

export const bool: ValueSchema<boolean> = z.boolean({ error: 'expected true or false' });

export const text: ValueSchema<string> = z.string({ error: 'expected text' });

export function nonEmpty(error: string): ValueSchema<string> {
  return z.string({ error }).trim().min(1, { error });
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** Names end up in commands, keys and CSV headers, so they stay plain. */
export const name: ValueSchema<string> = z
  .string({ error: 'expected a name' })
  .regex(NAME, { error: 'expected a name of up to 64 letters, digits, ".", "_" or "-", starting with a letter or digit' });

interface Bound {
  test: (n: number) => boolean;
  message: string;
}

/** A quantity read by one of the unit parsers, optionally with a range. */
export function unit(parse: (v: unknown) => Parsed<number>, bound?: Bound): ValueSchema<number> {
  return z.unknown().transform((v, ctx) => {
    const r = parse(v);
    const message = !r.ok ? r.message : bound && !bound.test(r.value) ? bound.message : undefined;
    if (message === undefined && r.ok) return r.value;
    ctx.issues.push({ code: 'custom', message: message ?? 'invalid', input: v });
    return z.NEVER;
  });
}

export const positive = (message: string): Bound => ({ test: (n) => n > 0, message });
export const atMost = (max: number, message: string): Bound => ({ test: (n) => n <= max, message });

export const PRESETS = ['low', 'normal', 'high'] as const;
export type Preset = (typeof PRESETS)[number];

/** `low | normal | high | integer`; the preset is resolved later because it scales with the VM. */
export function sharesOf(max: number): ValueSchema<Preset | number> {
  const message = `expected low | normal | high or an integer 1..${max}`;
  return z.unknown().transform((v, ctx) => {
    if (typeof v === 'string' && (PRESETS as readonly string[]).includes(v)) return v as Preset;
    if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= max) return v;
    ctx.issues.push({ code: 'custom', message, input: v });
    return z.NEVER;
  });
}

/** `unlimited` (null) or a quantity; the quantity's own "expected …" is kept. */
export function limitOf(quantity: ValueSchema<number>): ValueSchema<number | null> {
  return z.unknown().transform((v, ctx) => {
    if (v === 'unlimited') return null;
    const r = quantity.safeParse(v);
    if (r.success) return r.data;
    const inner = r.error.issues[0]?.message.replace(/^expected /, '') ?? 'a limit';
    ctx.issues.push({ code: 'custom', message: `expected unlimited or ${inner}`, input: v });
    return z.NEVER;
  });
}
