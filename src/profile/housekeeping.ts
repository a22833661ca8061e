// The guest kernel's own load on an idle vCPU (timer interrupts, kernel threads): the default a
// profile's `workload.housekeeping` takes, and the most it may be. Pure data: the engine's
// scheduler reads the same numbers (docs/model/cpu.md, "Housekeeping").

/** Timer interrupts and kernel threads keep every guest vCPU a little busy [assumption]. */
export const GUEST_HOUSEKEEPING = 0.01;

/**
 * A vCPU asking for at most this share of a pCPU is in its guest's idle loop but for timer ticks
 * and kernel threads (twice the default housekeeping): for co-scheduling it has no work, so it
 * counts as progressing, is never co-stopped and never makes a sibling co-stop.
 */
export const IDLE_DEMAND = 2 * GUEST_HOUSEKEEPING;
