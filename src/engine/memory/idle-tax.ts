// Waldspurger's idle memory tax (docs/model/memory.md, "One step"): under pressure memory is taken
// first from the VM with the fewest shares per page, where an idle page costs k = 1 / (1 - tau)
// active pages.

/** Mem.IdleTax default: 75%, so an idle page costs four active ones. */
export const IDLE_TAX = 0.75;

/** Adjusted shares-per-page ratio rho = S / (P (f + k (1 - f))). */
export function sharesPerPage(shares: number, pages: number, activeFraction: number, tax = IDLE_TAX): number {
  const k = 1 / (1 - tax);
  const f = Math.min(1, Math.max(0, activeFraction));
  return shares / (pages * (f + k * (1 - f)));
}

/**
 * The weight to water-fill memory with: allocations proportional to it equalise rho, which is
 * what min-funding revocation converges to.
 */
export function taxedShares(shares: number, activeFraction: number, tax = IDLE_TAX): number {
  return sharesPerPage(shares, 1, activeFraction, tax);
}
