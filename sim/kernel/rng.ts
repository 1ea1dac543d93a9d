// Random streams derived from one root seed. Each subsystem draws from its own named stream, so
// adding a draw in one (say, the network) does not shift the numbers another (the fault plan)
// sees. seedrandom's Alea generator: fast, and its state can be saved and restored.

import seedrandom from 'seedrandom';

export type StreamName = 'network' | 'faults' | 'schedule' | 'workload';

export interface RandomStream {
  /** A uniform integer in [0, n). n must be a positive integer no larger than 2^32. */
  below(n: number): number;
}

class AleaStream implements RandomStream {
  private readonly prng: seedrandom.PRNG;
  constructor(seedText: string) {
    this.prng = seedrandom.alea(seedText);
  }
  below(n: number): number {
    // One 32-bit draw is exact for small ranges; larger ranges take the 53-bit draw.
    const unit = n <= 0x10000 ? this.prng() : this.prng.double();
    return Math.floor(unit * n);
  }
}

/** Seeds are printed and pasted back by users, so they are plain non-negative integers. */
export function streamFor(rootSeed: number, name: StreamName): RandomStream {
  return new AleaStream(`rpcsim/${rootSeed}/${name}`);
}
