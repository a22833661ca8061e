// A VServer guest's token bucket, in either of the two forms the profile accepts
// (docs/model/vserver.md, "The parameters and their textbook names"):
//   the textbook's  share / burst / hold   -> R/T, S = W*B*(1-R/T), M = W*H*R/T
//   the kernel's    fill_rate / interval / tokens_min / tokens_max, in ticks and tokens
// Both end as kernel units, so the engine only ever sees R, T, M and S.
import { num } from './errors.js';
import { integer, unit } from './values.js';
import type { MapReader } from './reader.js';
import { parseDuration, parseFraction } from './units.js';

export const SHARE_KEYS = ['share', 'burst', 'hold'] as const;
export const DIRECT_KEYS = ['fill_rate', 'interval', 'tokens_min', 'tokens_max'] as const;

/** util-vserver's schedule when none is given: 1 token every 4 ticks (25% of a CPU), 15..125. */
export const DEFAULT_BUCKET = { fillRate: 1, interval: 4, tokensMin: 15, tokensMax: 125 } as const;
/** The share form's burst and hold when only `share` is given [assumption]. */
export const DEFAULT_BURST_MS = 1000;
export const DEFAULT_HOLD_MS = 100;
/** The longest fill interval the share form picks when it turns a percentage into R/T, ticks. */
export const MAX_SHARE_INTERVAL = 1000;

export interface Bucket {
  fillRate: number;
  interval: number;
  tokensMin: number;
  tokensMax: number;
  tokens: number;
}

const SHARE = unit(parseFraction, {
  test: (f) => f > 0 && f < 1,
  message: 'expected a percentage above 0% and below 100% of one CPU, like 50% (for more, give fill_rate and interval)',
});
const BURST = unit(parseDuration, { test: (ms) => ms > 0, message: 'expected a duration above 0 like 30s' });
const HOLD = unit(parseDuration);
const FILL_RATE = integer(1, 1_000_000);
const INTERVAL = integer(1, 1_000_000);
const TOKENS = integer(0, 1_000_000_000);
const TOKENS_MAX = integer(1, 1_000_000_000);

/** A fraction as R/T with the shortest interval that is closest: 50% -> 1/2, 33% -> 33/100. */
export function shareToRate(share: number): { R: number; T: number } {
  let best = { R: 1, T: 1, err: Infinity };
  for (let T = 1; T <= MAX_SHARE_INTERVAL && best.err > 1e-12; T++) {
    const R = Math.round(share * T);
    const err = Math.abs(R / T - share);
    if (R >= 1 && err < best.err - 1e-12) best = { R, T, err };
  }
  return { R: best.R, T: best.T };
}

/** The bucket, or undefined when it is invalid (reported). `hz` is the host's W. */
export function readBucket(m: MapReader, hz: number): Bucket | undefined {
  const share = SHARE_KEYS.filter((k) => m.has(k));
  const direct = DIRECT_KEYS.filter((k) => m.has(k));
  if (share.length > 0 && direct.length > 0) {
    const k = direct[0];
    m.fail(k, `${k} cannot be combined with ${share.join(', ')}: give share/burst/hold or ` +
      'fill_rate/interval/tokens_min/tokens_max', m.keyPos(k));
    return undefined;
  }
  const b = share.length > 0 ? shareForm(m, hz) : directForm(m);
  const tokens = m.get('tokens', TOKENS);
  if (!b) return undefined;
  if (tokens !== undefined && tokens > b.tokensMax) {
    m.fail('tokens', `tokens (${tokens}) must be <= the bucket's size S = ${b.tokensMax}`);
    return undefined;
  }
  return m.valid('tokens') ? { ...b, tokens: tokens ?? b.tokensMax } : undefined;
}

function shareForm(m: MapReader, hz: number): Omit<Bucket, 'tokens'> | undefined {
  const share = m.need('share', SHARE);
  const burstMs = m.get('burst', BURST) ?? DEFAULT_BURST_MS;
  const holdMs = m.get('hold', HOLD) ?? DEFAULT_HOLD_MS;
  if (share === undefined || !m.valid('burst', 'hold')) return undefined;
  const { R, T } = shareToRate(share);
  const f = R / T;
  const S = Math.round((hz * burstMs * (1 - f)) / 1000);
  const M = Math.round((hz * holdMs * f) / 1000);
  const rt = `R/T = ${R}/${T}`;
  if (S < 1) {
    m.fail(m.has('burst') ? 'burst' : 'share', `a burst of ${num(burstMs / 1000)}s at ${rt} and W = ${hz} gives ` +
      `S = W×B×(1−R/T) = ${S} tokens: the bucket would be empty; give a longer burst`);
    return undefined;
  }
  if (M > S) {
    m.fail(m.has('hold') ? 'hold' : 'share', `a hold of ${num(holdMs / 1000)}s needs M = W×H×R/T = ${M} tokens, ` +
      `more than the bucket holds (S = W×B×(1−R/T) = ${S} for a ${num(burstMs / 1000)}s burst): ` +
      'a held guest could never run again; shorten hold or lengthen burst');
    return undefined;
  }
  return { fillRate: R, interval: T, tokensMin: M, tokensMax: S };
}

function directForm(m: MapReader): Omit<Bucket, 'tokens'> | undefined {
  const b = {
    fillRate: m.get('fill_rate', FILL_RATE) ?? DEFAULT_BUCKET.fillRate,
    interval: m.get('interval', INTERVAL) ?? DEFAULT_BUCKET.interval,
    tokensMin: m.get('tokens_min', TOKENS) ?? DEFAULT_BUCKET.tokensMin,
    tokensMax: m.get('tokens_max', TOKENS_MAX) ?? DEFAULT_BUCKET.tokensMax,
  };
  if (!m.valid(...DIRECT_KEYS)) return undefined;
  if (b.tokensMin > b.tokensMax) {
    // The kernel would quietly lower tokens_min to tokens_max; a profile is better told.
    m.fail(m.has('tokens_min') ? 'tokens_min' : 'tokens_max',
      `tokens_min (${b.tokensMin}) must be <= tokens_max (${b.tokensMax}): a held guest could never run again`);
    return undefined;
  }
  return b;
}
