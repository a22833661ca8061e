// Helpers that keep V8's view of the engine's objects fixed from the start. The engine's hot code
// runs every quantum and V8 compiles it for the object shapes it has seen; a shape that changes
// while the simulation runs throws that compiled code away (and compiles it again).

/**
 * Placeholder for a field that will hold fractions. V8 chooses how to store a field from the
 * first value written to it: a field that starts as an integer such as 0 (a "Smi") and later
 * holds a fraction has to be widened while the simulation runs. So such a field is declared with
 * this placeholder, a double, and given its real starting value in the constructor. No simulated
 * number ever sees it.
 */
export const AS_DOUBLE = NaN;
