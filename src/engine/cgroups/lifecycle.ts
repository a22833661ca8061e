// A container's process ends and starts again: OOM kills with the runtime's restart back-off,
// and the timed steps of checkpoint and restore.

import { RESTART_FIRST_MS, RESTART_MAX_MS, RESTART_RESET_MS } from './constants.js';
import type { Container } from './container.js';
import type { Emit } from './system.js';

interface Ctx {
  emit: Emit;
}

/** The OOM killer ends the container's process; the runtime restarts it after a back-off. */
export function kill(sys: Ctx, c: Container, tMs: number, why: string): void {
  c.events.oomKill++;
  c.stop();
  c.state = 'restarting';
  // Docker's policy: the delay doubles per restart, back to the first after 10 s of running.
  if (tMs - c.startedAtMs >= RESTART_RESET_MS) c.backoffMs = RESTART_FIRST_MS;
  const delay = c.backoffMs;
  c.backoffMs = Math.min(c.backoffMs * 2, RESTART_MAX_MS);
  c.restartAtMs = tMs + delay;
  sys.emit(tMs, 'oom_kill', c.name, `${why}: the OOM killer ended its process (oom_kill ${c.events.oomKill}); restart in ${delay / 1000}s`);
}

/** Timers that end at or before `tMs`: a restart due, a dump written, an image read back. */
export function tick(sys: Ctx, c: Container, tMs: number): void {
  if (c.state === 'restarting' && tMs >= c.restartAtMs) {
    c.state = 'running';
    c.restarts++;
    c.startedAtMs = tMs;
    sys.emit(tMs, 'restart', c.name, `restarted after an OOM kill (restart ${c.restarts})`);
  } else if (c.state === 'checkpointing' && tMs >= c.untilMs) {
    c.stop();
    c.state = 'checkpointed';
    sys.emit(tMs, 'checkpoint', c.name, `checkpoint written: ${Math.round(c.image ?? 0)} MiB memory image; container stopped`);
  } else if (c.state === 'restoring' && tMs >= c.untilMs) {
    c.state = 'running';
    c.anon = Math.min(c.image ?? 0, c.target());
    c.peak = Math.max(c.peak, c.anon);
    c.startedAtMs = tMs;
    sys.emit(tMs, 'restore', c.name, `restored from its ${Math.round(c.image ?? 0)} MiB image and running`);
  }
}
