// vmtop's float tolerance: sums of quantum fractions, rates and shares land within this of the
// whole they stand for, so comparisons against a whole (a period's end, an empty queue, a host's
// pCPUs) allow for it. One value for the engine's models and the profile's checks; it lives
// beside both (src/profile may not import src/engine) and is pure, as the engine requires.

export const EPS = 1e-9;
