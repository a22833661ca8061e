// The engine's only source of randomness. sfc32 seeded through splitmix32: fast, 32-bit,
// and the same sequence on every platform for a given seed.

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export class Rng {
  /**
   * sfc32's state a, b, c, d, in a Uint32Array rather than four fields (perf: double field); the
   * arithmetic is modulo 2^32 either way, so the sequence is the same.
   */
  private readonly s = new Uint32Array(4);

  constructor(seed: number) {
    const sm = splitmix32(seed);
    const s = this.s;
    s[0] = sm(); s[1] = sm(); s[2] = sm(); s[3] = sm();
  }

  /** uniform in [0, 1) */
  next(): number {
    const s = this.s;
    const a = s[0], b = s[1], c = s[2], d = s[3];
    const t = (((a + b) >>> 0) + d) >>> 0;
    s[3] = d + 1;
    s[0] = b ^ (b >>> 9);
    const c1 = ((c << 21) | (c >>> 11)) >>> 0;
    s[1] = c + (c << 3);
    s[2] = c1 + t;
    return t / 4294967296;
  }

  /** exponentially distributed with the given mean */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }
}
