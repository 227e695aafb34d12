/**
 * Deterministic randomness for the demo data: the same seed name gives the
 * same stream, so every demo company seeded on the same day is the same.
 */

/** mulberry32: a tiny, good-enough 32-bit PRNG. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** FNV-1a: a seed from a name, so each series has its own stream whatever the order. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export class Rng {
  readonly next: () => number;
  constructor(seed: string) {
    this.next = mulberry32(hash(seed));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }
  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = Math.max(this.next(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
  /** Index into `weights`, chosen in proportion to them. */
  weighted(weights: readonly number[], total = weights.reduce((a, b) => a + b, 0)): number {
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i] ?? 0;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }
  /** `count` distinct items, each draw in proportion to its weight. */
  sample<T>(list: readonly T[], weights: readonly number[], count: number): T[] {
    const items = [...list];
    const w = [...weights];
    const result: T[] = [];
    while (result.length < count && items.length) {
      if (w.every((x) => x <= 0)) break;
      const i = this.weighted(w);
      result.push(items.splice(i, 1)[0]!);
      w.splice(i, 1);
    }
    return result;
  }
}
