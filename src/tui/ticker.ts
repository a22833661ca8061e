// Wall-clock pacing lives behind an interface so tests step the monitor by hand instead of
// waiting on real timers (React's scheduler does not follow fake timers).

export interface Ticker {
  /** Call `tick` every `periodMs` wall milliseconds; starting again replaces the schedule. */
  start(periodMs: number, tick: () => void): void;
  stop(): void;
}

export function intervalTicker(): Ticker {
  let timer: NodeJS.Timeout | undefined;
  return {
    start(periodMs, tick) {
      if (timer) clearInterval(timer);
      timer = setInterval(tick, periodMs);
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
