// The `site_recovery:` section: the replication link between the two sites and the recovery
// plan's delays. The sites are the hosts' `site:`, the protected VMs those with an `rpo:`; the
// section only tunes what the defaults give.
import type { SiteRecoverySpec } from './types.js';
import { unit } from './values.js';
import { MapReader, type Ctx } from './reader.js';
import { parseBitRate, parseDuration } from './units.js';

export const SITE_RECOVERY_KEYS = ['link', 'start_delay', 'power_on_delay'] as const;

/**
 * [assumption] A 1 Gbit/s link between the sites for replication; a minute from the failure to
 * the first power-on (the plan's storage and inventory steps: the replicas made the recovery
 * site's disks, the placeholder VMs swapped for them); no fixed delay after a group's guests are
 * up (SRM's recovery.powerOnDelay) unless the profile sets one.
 */
export const DEFAULT_SITE_RECOVERY: Readonly<SiteRecoverySpec> = Object.freeze({
  linkMbit: 1000, startDelayMs: 60_000, powerOnDelayMs: 0,
});

const LINK = unit(parseBitRate, { test: (x) => x > 0, message: 'expected a rate above 0 like 1Gbit' });
const DELAY = unit(parseDuration, { test: (ms) => ms <= 3_600_000, message: 'expected a duration 0s..1h like 60s' });

export function readSiteRecovery(ctx: Ctx, top: MapReader, sites: readonly string[]): SiteRecoverySpec | null {
  if (!top.has('site_recovery')) return null;
  const what = 'a mapping like { link: 1Gbit, start_delay: 60s, power_on_delay: 10s }';
  const m = MapReader.open(ctx, top.node('site_recovery'), top.pos('site_recovery'), top.sub('site_recovery'), SITE_RECOVERY_KEYS, what);
  if (!m) return null;
  if (sites.length < 2) {
    top.fail('site_recovery', `site_recovery needs two sites: give the hosts site: NAME (${sites.length ? `only ${sites[0]} is named` : 'none names one'})`, top.keyPos('site_recovery'));
  }
  const d = DEFAULT_SITE_RECOVERY;
  return {
    linkMbit: m.get('link', LINK) ?? d.linkMbit,
    startDelayMs: m.get('start_delay', DELAY) ?? d.startDelayMs,
    powerOnDelayMs: m.get('power_on_delay', DELAY) ?? d.powerOnDelayMs,
  };
}
