// Go's math/rand source (the additive lagged Fibonacci generator of Go 1.0 to 1.19), bit for
// bit. The 2015 lab's accept loop draws from the process-global source, which those Go versions
// seed with 1 unless the program seeds it, and the lab's tests never do: every run of the real
// suite makes the same accept decisions in the same order. This lets a run answer the accept
// loop's draws exactly as a real Go 1.19 suite run does (GoGlobalRandChooser).

import { RNG_COOKED } from './go-rand-cooked.ts';

const RNG_LEN = 607;
const RNG_TAP = 273;
const INT32_MAX = 2 ** 31 - 1;
const RNG_MASK = (1n << 63n) - 1n;

/** x[n+1] = 48271 * x[n] mod (2^31 - 1), by Schrage's method as Go writes it (rng.go seedrand). */
function seedrand(x: number): number {
  const hi = Math.trunc(x / 44488);
  const lo = x % 44488;
  let next = 48271 * lo - 3399 * hi;
  if (next < 0) next += INT32_MAX;
  return next;
}

export class GoRandSource {
  private tap = 0;
  private feed = RNG_LEN - RNG_TAP;
  private readonly vec: bigint[] = new Array<bigint>(RNG_LEN).fill(0n);
  /** Int63 values handed out since seeding: where in Go's sequence this source stands. */
  drawn = 0;

  /** rand.NewSource(seed); the unseeded global source of Go up to 1.19 is seed 1. */
  constructor(seed = 1) {
    let s = seed % INT32_MAX;
    if (s < 0) s += INT32_MAX;
    if (s === 0) s = 89482311;
    let x = s;
    for (let i = -20; i < RNG_LEN; i++) {
      x = seedrand(x);
      if (i >= 0) {
        let u = BigInt(x) << 40n;
        x = seedrand(x);
        u ^= BigInt(x) << 20n;
        x = seedrand(x);
        u ^= BigInt(x);
        u ^= RNG_COOKED[i]!;
        this.vec[i] = BigInt.asIntN(64, u);
      }
    }
  }

  /** rand.Int63(): a non-negative 63-bit integer. */
  int63(): bigint {
    this.tap = this.tap === 0 ? RNG_LEN - 1 : this.tap - 1;
    this.feed = this.feed === 0 ? RNG_LEN - 1 : this.feed - 1;
    const x = BigInt.asIntN(64, this.vec[this.feed]! + this.vec[this.tap]!);
    this.vec[this.feed] = x;
    this.drawn++;
    return x & RNG_MASK;
  }

  /** rand.Int63() % n for a small n, as the accept loop computes it. */
  int63Mod(n: number): number {
    return Number(this.int63() % BigInt(n));
  }
}
