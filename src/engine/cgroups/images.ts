// Container images: read-only layers shared by every container of the image on one kernel, and
// an upper layer per container that only its own writes fill (overlayfs copy-on-write).

// The images' sizes, which the profile loader resolves, are in src/profile/images.ts.

/**
 * Share of a container's writes (`dirty`) that is new data and stays in its upper layer; the rest
 * rewrites files it already copied up [assumption].
 */
export const UPPER_NEW_FRACTION = 0.02;

/** Disk a container really takes with shared layers, against what a full copy of its image would. */
export interface DiskUse {
  /** its own upper layer, MiB */
  upper: number;
  /** its image's read-only layers, MiB */
  image: number;
  /** containers on its kernel sharing those layers (itself included) */
  sharers: number;
  /** upper plus its share of the read-only layers */
  real: number;
  /** upper plus a whole image: what copying the image per container would take */
  full: number;
}

export function diskUse(upper: number, image: number, sharers: number): DiskUse {
  const n = Math.max(1, sharers);
  return { upper, image, sharers: n, real: upper + image / n, full: upper + image };
}
