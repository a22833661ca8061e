// The one table of limits on what a user gives vmtop: flags, the monitor's prompts and its config
// file. The checks, --help and the README (a test holds it to limitsMarkdown()) all read it, so
// they cannot disagree: a value outside is refused with a message, never clamped in silence.

export interface Limit {
  min: number;
  max: number;
}

export const LIMITS = {
  /**
   * Monitor -d, the `s` prompt and the config file's delay, simulated seconds. Below half a
   * second the frames (at most 10 a second) would show the same instant twice at speed 1.
   */
  monitorDelayS: { min: 0.5, max: 3600 },
  /**
   * batch -d (JSONL), simulated seconds: also a whole number of the profile's quanta (10 ms by
   * default), since the engine samples between quanta; 0.015 gave samples 10 and 20 ms apart.
   */
  batchDelayS: { min: 0.01, max: 3600 },
  /**
   * batch -d with --format csv: whole seconds, as esxtop's timestamps have none smaller (labels
   * rounded to the second would repeat, and tools drop the repeated rows).
   */
  csvDelayS: { min: 1, max: 3600 },
  /** monitor and replay --speed, and where + and - stop: simulated seconds per wall second */
  monitorSpeed: { min: 0.25, max: 64 },
  /** demo --speed: a demo is a script, watched or tested far faster than a lab */
  demoSpeed: { min: 0.25, max: 1000 },
  /** batch --speed, which paces --realtime */
  batchSpeed: { min: 0.01, max: 1000 },
  /** batch -n */
  count: { min: 1, max: 1_000_000 },
  /** the monitor's `#` (esxtop's): rows a panel shows at most; 0 = as many as fit the window */
  rowsShown: { min: 0, max: 9999 },
  /** --seed: the seeded source takes 32 bits */
  seed: { min: 0, max: 2 ** 32 - 1 },
} satisfies Record<string, Limit>;

export type LimitName = keyof typeof LIMITS;

/** `0.5..3600` */
export function range(name: LimitName): string {
  const { min, max } = LIMITS[name];
  return `${min}..${max}`;
}

export function within(name: LimitName, x: number): boolean {
  const { min, max } = LIMITS[name];
  return Number.isFinite(x) && x >= min && x <= max;
}

/** Seconds that are a whole number of quanta of `quantumMs` (within float noise: 0.07 s is 70 ms). */
export function wholeQuanta(seconds: number, quantumMs: number): boolean {
  const n = (seconds * 1000) / quantumMs;
  return Math.abs(n - Math.round(n)) < 1e-6;
}

/** The table as the README shows it, one row per value and place. */
export function limitsMarkdown(): string {
  const rows: [string, string, string][] = [
    ['`-d SEC`', 'monitor, `s` key, config file', `${range('monitorDelayS')} simulated seconds`],
    ['`-d SEC`', '`batch` (JSONL)', `${range('batchDelayS')}, a whole number of the profile's quanta (10 ms by default)`],
    ['`-d SEC`', '`batch --format csv`', `${range('csvDelayS')}, whole seconds`],
    ['`--speed X`', 'monitor, `replay`, `+` `-` keys', `${range('monitorSpeed')} simulated seconds per second`],
    ['`--speed X`', '`demo`', range('demoSpeed')],
    ['`--speed X`', '`batch --realtime`', range('batchSpeed')],
    ['`-n N`', '`batch`', `${range('count')} samples; without \`-n\`, batch paces them in real time until interrupted`],
    ['`--seed N`', 'monitor, `batch`', range('seed')],
    ['rows shown', 'monitor, `#` key', `${range('rowsShown')} (0: as many as fit the window)`],
  ];
  return ['| value | where | accepted |', '|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}
