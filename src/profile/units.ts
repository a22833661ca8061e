// Quantities with units, as profiles write them, into the fixed units of the Profile type:
// sizes in MiB, network rates in Mbit/s, disk/dirty rates in MiB/s, clocks in MHz, time in ms.
//
// Decimal prefixes are applied by shifting the decimal exponent of the text ("2.3" "GHz" is read
// as the number 2.3e3), never by multiplying floats, so 2.3GHz is exactly 2300 and 1GB is exactly
// 1e9 bytes. A bare 0 is accepted for every quantity because zero needs no unit.

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export interface UnitOptions {
  /** Accept a bare number in the base unit (only where a profile may write one, e.g. `mhz: 2000`). */
  bare?: boolean;
}

/** value = Number(`${text}e${p10}`) * mul */
interface Scale {
  p10: number;
  mul: number;
}

const MIB = 2 ** -20;

const SIZE: Record<string, Scale> = {
  B: { p10: 0, mul: MIB },
  KiB: { p10: 0, mul: 2 ** -10 },
  MiB: { p10: 0, mul: 1 },
  GiB: { p10: 0, mul: 2 ** 10 },
  TiB: { p10: 0, mul: 2 ** 20 },
  kB: { p10: 3, mul: MIB },
  KB: { p10: 3, mul: MIB },
  MB: { p10: 6, mul: MIB },
  GB: { p10: 9, mul: MIB },
  TB: { p10: 12, mul: MIB },
};

const BIT_RATE: Record<string, Scale> = {
  kbit: { p10: -3, mul: 1 },
  Kbit: { p10: -3, mul: 1 },
  Mbit: { p10: 0, mul: 1 },
  Gbit: { p10: 3, mul: 1 },
  Tbit: { p10: 6, mul: 1 },
  kbps: { p10: -3, mul: 1 },
  Mbps: { p10: 0, mul: 1 },
  Gbps: { p10: 3, mul: 1 },
};

const FREQUENCY: Record<string, Scale> = {
  MHz: { p10: 0, mul: 1 },
  GHz: { p10: 3, mul: 1 },
};

const DURATION: Record<string, Scale> = {
  us: { p10: -3, mul: 1 },
  ms: { p10: 0, mul: 1 },
  s: { p10: 3, mul: 1 },
  m: { p10: 3, mul: 60 },
  h: { p10: 3, mul: 3600 },
};

/**
 * The largest quantity of each kind a profile may give, in the Profile's units. A number is
 * finite and physically meaningful or refused: `memory: 999...9MiB` (309 digits) was Infinity,
 * which batch wrote as null (JSON) and "Infinity" (CSV). The maxima are above any machine vmtop
 * models: vSphere 8 hosts and VMs reach 24 TB of memory, NICs 400 Gbit/s, clocks 6 GHz.
 */
export const QUANTITY_MAX = {
  /** 64 TiB */
  sizeMiB: 64 * 2 ** 20,
  /** 1 Tbit/s */
  bitRateMbit: 1_000_000,
  /** 1 TiB/s */
  byteRateMiBs: 2 ** 20,
  /** 10 GHz */
  frequencyMHz: 10_000,
  /** one year */
  durationMs: 366 * 24 * 3600 * 1000,
  /** 1000%: a fraction is a share of something, a few times it at most (a burst) */
  fraction: 10,
} as const;

const NUMBER = '(\\d+(?:\\.\\d*)?|\\.\\d+)';
const QUANTITY = new RegExp(`^${NUMBER}\\s*([A-Za-z]+)(/s)?$`);

function scaled(num: string, s: Scale): number {
  return Number(`${num}e${s.p10}`) * s.mul;
}

function bareNumber(v: unknown, opts: UnitOptions): number | undefined {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) return undefined;
  return v === 0 || opts.bare ? v : undefined;
}

/** One number with one unit from `table`; `perSecond` says whether `/s` is required, optional or banned. */
function quantity(
  v: unknown,
  table: Record<string, Scale>,
  perSecond: 'required' | 'optional' | 'banned',
  message: string,
  opts: UnitOptions,
  max: { value: number; text: string },
): Parsed<number> {
  const bare = bareNumber(v, opts);
  if (bare !== undefined) return bounded(bare, message, max);
  const m = typeof v === 'string' ? QUANTITY.exec(v.trim()) : null;
  const scale = m ? table[m[2]] : undefined;
  if (!m || !scale) return { ok: false, message };
  if ((perSecond === 'required' && !m[3]) || (perSecond === 'banned' && m[3])) return { ok: false, message };
  return bounded(scaled(m[1], scale), message, max);
}

/** A value within its kind's maximum (finite), or the message saying what the maximum is. */
function bounded(value: number, message: string, max: { value: number; text: string }): Parsed<number> {
  if (Number.isFinite(value) && value <= max.value) return { ok: true, value };
  return { ok: false, message: `${message}, at most ${max.text}` };
}

const MAX_SIZE = { value: QUANTITY_MAX.sizeMiB, text: '64TiB' };
const MAX_BIT_RATE = { value: QUANTITY_MAX.bitRateMbit, text: '1Tbit' };
const MAX_BYTE_RATE = { value: QUANTITY_MAX.byteRateMiBs, text: '1TiB/s' };
const MAX_FREQUENCY = { value: QUANTITY_MAX.frequencyMHz, text: '10GHz' };
const MAX_DURATION = { value: QUANTITY_MAX.durationMs, text: '366 days' };
const MAX_FRACTION = { value: QUANTITY_MAX.fraction, text: '1000%' };

/** `512MiB`, `8GiB`, `1TB`, `100MB` -> MiB */
export function parseSize(v: unknown, opts: UnitOptions = {}): Parsed<number> {
  return quantity(v, SIZE, 'banned', 'expected a size like 512MiB or 8GiB', opts, MAX_SIZE);
}

/** `10Gbit`, `100Mbit`, `1Gbit/s`, `100Mbps` -> Mbit/s */
export function parseBitRate(v: unknown, opts: UnitOptions = {}): Parsed<number> {
  return quantity(v, BIT_RATE, 'optional', 'expected a rate like 100Mbit or 10Gbit', opts, MAX_BIT_RATE);
}

/** `200MiB/s`, `1GB/s` -> MiB/s */
export function parseByteRate(v: unknown, opts: UnitOptions = {}): Parsed<number> {
  return quantity(v, SIZE, 'required', 'expected a rate like 200MiB/s', opts, MAX_BYTE_RATE);
}

/** `2000MHz`, `2.4GHz` -> MHz */
export function parseFrequency(v: unknown, opts: UnitOptions = {}): Parsed<number> {
  const example = opts.bare ? '2000 or 2.4GHz' : '2000MHz or 2.4GHz';
  return quantity(v, FREQUENCY, 'banned', `expected a frequency like ${example}`, opts, MAX_FREQUENCY);
}

const DURATION_PART = new RegExp(`${NUMBER}(ms|us|s|m|h)`, 'g');
const DURATION_WHOLE = new RegExp(`^(?:${NUMBER}(?:ms|us|s|m|h))+$`);

/** `250ms`, `30s`, `5m`, `1h`, also `1m30s` -> ms */
export function parseDuration(v: unknown, opts: UnitOptions = {}): Parsed<number> {
  const message = 'expected a duration like 250ms, 30s or 5m';
  const bare = bareNumber(v, opts);
  if (bare !== undefined) return bounded(bare, message, MAX_DURATION);
  const text = typeof v === 'string' ? v.trim() : '';
  if (!DURATION_WHOLE.test(text)) return { ok: false, message };
  let total = 0;
  for (const m of text.matchAll(DURATION_PART)) total += scaled(m[1], DURATION[m[2]]);
  return bounded(total, message, MAX_DURATION);
}

/** `60%` -> 0.6 */
export function parseFraction(v: unknown): Parsed<number> {
  const message = 'expected a percentage like 60%';
  const bare = bareNumber(v, {});
  if (bare !== undefined) return bounded(bare, message, MAX_FRACTION);
  const m = typeof v === 'string' ? new RegExp(`^${NUMBER}\\s*%$`).exec(v.trim()) : null;
  if (!m) return { ok: false, message };
  return bounded(scaled(m[1], { p10: -2, mul: 1 }), message, MAX_FRACTION);
}
