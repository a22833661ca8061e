// vSphere Replication's schedule, in the lab's terms (docs/model/cluster.md): a protected VM's
// changed data is sent to the other site in syncs; an instance reflects the VM as it was when its
// sync started and is usable once the sync is done. With an RPO of R the newest usable instance
// must never be older than R, so a sync starts when the time left before that is no more than the
// sync is expected to take: the data changed since the last sync started, at the VM's share of
// the link (or the last sync's time, if that was longer), plus a margin of two steps of the
// schedule (a sync starts and ends on a step).

/** The replication schedule steps this often (and so the lab's shortest RPO is some seconds). */
export const REPLICATION_STEP_MS = 1000;

/** What a sync keeps in hand before the RPO: a step for its start and one for its end. */
export const REPLICATION_MARGIN_MS = 2 * REPLICATION_STEP_MS;

/** A sync should start now (`shareMiBs`: the link's share the sync would get, MiB/s). */
export function syncDue(tMs: number, pointMs: number, rpoMs: number, changedMiB: number, shareMiBs: number, lastSyncMs: number): boolean {
  const expectMs = Math.max(lastSyncMs, shareMiBs > 0 ? (changedMiB / shareMiBs) * 1000 : Infinity);
  return tMs + expectMs + REPLICATION_MARGIN_MS >= pointMs + rpoMs;
}

/**
 * The steady period between replication points of a VM writing `writeMiBs`, ms, planned at a
 * share of 1/`sharing` of a link of `linkMiBs` (the site's replicas with changes to send): a sync
 * starts once (t − p)(1 + n·w/L) reaches R − margin, so points come every (R − margin) / (1 + n·w/L).
 * Alone on the link (n = 1) the sync takes w/L of that, and the newest point is never older than
 * R − margin (to within a step).
 */
export function replicationPeriodMs(rpoMs: number, writeMiBs: number, linkMiBs: number, sharing = 1): number {
  return (rpoMs - REPLICATION_MARGIN_MS) / (1 + (sharing * writeMiBs) / linkMiBs);
}

/** `2 min 13 s`, `45 s`, `1 h 5 min`: a span of data lost or an RPO, as the events say it. */
export function span(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
  return m % 60 ? `${Math.floor(m / 60)} h ${m % 60} min` : `${Math.floor(m / 60)} h`;
}
