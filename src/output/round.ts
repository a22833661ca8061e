// Batch output carries two decimals: enough for esxtop's precision, and stable across runs.
export function round2(x: number): number {
  const r = Math.round(x * 100) / 100;
  return r === 0 ? 0 : r; // no "-0" in the output
}
