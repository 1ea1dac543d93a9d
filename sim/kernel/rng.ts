// Random streams derived from one root seed. Each subsystem draws from its own named stream, so
// adding a draw in one (say, the network) does not shift the numbers another (the fault plan)
// sees. seedrandom's Alea generator: fast, and its state can be saved and restored.

import seedrandom from 'seedrandom';

export type StreamName = 'network' | 'faults' | 'schedule' | 'workload' | 'pid';

export interface RandomStream {
  /** A uniform integer in [0, n). n must be a positive integer no larger than 2^32. */
  below(n: number): number;
}

/**
 * seedrandom's Alea, stepped here: seedrandom seeds it (its Mash hash of the seed text), and the
 * steps are its own arithmetic on its own state, so the numbers are the same to the bit (a test
 * draws both side by side). Stepping through seedrandom's closure cost a measurable share of a
 * decision, and every RPC makes several.
 */
class AleaStream implements RandomStream {
  private s0: number;
  private s1: number;
  private s2: number;
  private c: number;
  constructor(seedText: string) {
    const state = (seedrandom.alea(seedText, { state: true }) as unknown as { state(): AleaState }).state();
    this.s0 = state.s0;
    this.s1 = state.s1;
    this.s2 = state.s2;
    this.c = state.c;
  }

  /** seedrandom's alea prng(): a uniform number in [0, 1) with 32 bits. */
  private next(): number {
    const t = 2091639 * this.s0 + this.c * 2.3283064365386963e-10; // 2^-32
    this.s0 = this.s1;
    this.s1 = this.s2;
    this.c = t | 0;
    return (this.s2 = t - this.c);
  }

  below(n: number): number {
    // One 32-bit draw is exact for small ranges; larger ranges take the 53-bit draw (alea's
    // double(): the first draw, plus 21 bits of a second).
    const unit = n <= 0x10000 ? this.next() : this.next() + ((this.next() * 0x200000) | 0) * 1.1102230246251565e-16; // 2^-53
    return Math.floor(unit * n);
  }
}

interface AleaState {
  readonly s0: number;
  readonly s1: number;
  readonly s2: number;
  readonly c: number;
}

/** Seeds are printed and pasted back by users, so they are plain non-negative integers. */
export function streamFor(rootSeed: number, name: StreamName): RandomStream {
  return new AleaStream(`rpcsim/${rootSeed}/${name}`);
}
