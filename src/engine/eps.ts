// The engine's float tolerance: sums of quantum fractions and rates land within this of the whole
// they stand for, so comparisons against a whole (a period's end, an empty queue) allow for it.
// One value for every model (src/engine/cpu/ still defines its own copy, to be folded in here).

export const EPS = 1e-9;
