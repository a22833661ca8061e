// Helpers that keep V8's view of the engine's objects fixed from the start. The rules, and the
// guard that fails when one is undone, are in docs/performance.md.

/**
 * perf: double field. The placeholder a field that will hold fractions is declared with, so V8
 * stores it as a double from the start; the constructor gives the real starting value. No
 * simulated number ever sees it.
 */
export const AS_DOUBLE = NaN;
