// The memo table of the Wing–Gong–Lowe search: the set of (linearized operations, register state)
// configurations already explored, so the search never expands the same configuration twice. The
// set of linearized operations is a bitset (Uint32Array words) whose hash the search keeps up to
// date incrementally (Zobrist hashing: XOR of a fixed per-operation code); the state is an
// interned integer id. Entries live in flat typed arrays with an open-addressing index (linear
// probing), so a lookup costs one hash, a few probes and one bitset comparison. Its memory is
// capped: once full it stops remembering new configurations, which keeps the search correct (the
// memo only saves work) but slower, and the step budget still bounds it.

/** The fixed 32-bit code of operation `id` (murmur3's finaliser of a Weyl sequence). */
export function zobristCode(id: number): number {
  return mix32(Math.imul(id + 1, 0x9e3779b9));
}

function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

/** The most bitset words (128 MiB) and entries (4 Mi) the cache may hold. */
const MAX_CACHE_WORDS = 1 << 25;
const MAX_CACHE_ENTRIES = 1 << 22;

export class SearchCache {
  private entryCount = 0;
  private capacityEntries = 1024;
  private bitsPool: Uint32Array;
  private states: Int32Array;
  private hashes: Int32Array;
  /** Slot -> entry index + 1; 0 marks an empty slot. Twice the entry capacity, a power of two. */
  private slots: Int32Array;

  constructor(private readonly words: number) {
    this.bitsPool = new Uint32Array(this.capacityEntries * words);
    this.states = new Int32Array(this.capacityEntries);
    this.hashes = new Int32Array(this.capacityEntries);
    this.slots = new Int32Array(this.capacityEntries * 2);
  }

  get size(): number {
    return this.entryCount;
  }

  /** Adds (bits, stateId) unless present. Returns true if it is new (even if the cache is full). */
  addIfAbsent(bits: Uint32Array, bitsHash: number, stateId: number): boolean {
    const hash = mix32(bitsHash ^ Math.imul(stateId + 1, 0x27d4eb2f));
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const stored = this.slots[slot]!;
      if (stored === 0) break;
      const entry = stored - 1;
      if (this.hashes[entry] === hash && this.states[entry] === stateId && this.bitsEqual(entry, bits)) return false;
    }
    if (this.entryCount === this.capacityEntries) {
      const doubled = this.capacityEntries * 2;
      if (doubled > MAX_CACHE_ENTRIES || doubled * this.words > MAX_CACHE_WORDS) return true;
      this.grow();
    }
    this.store(bits, hash, stateId);
    return true;
  }

  private bitsEqual(entry: number, bits: Uint32Array): boolean {
    const base = entry * this.words;
    for (let w = 0; w < this.words; w++) {
      if (this.bitsPool[base + w] !== bits[w]) return false;
    }
    return true;
  }

  private store(bits: Uint32Array, hash: number, stateId: number): void {
    const entry = this.entryCount++;
    this.bitsPool.set(bits, entry * this.words);
    this.states[entry] = stateId;
    this.hashes[entry] = hash;
    this.index(entry);
  }

  private index(entry: number): void {
    const mask = this.slots.length - 1;
    let slot = this.hashes[entry]! & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = entry + 1;
  }

  private grow(): void {
    this.capacityEntries *= 2;
    const bitsPool = new Uint32Array(this.capacityEntries * this.words);
    bitsPool.set(this.bitsPool);
    this.bitsPool = bitsPool;
    const states = new Int32Array(this.capacityEntries);
    states.set(this.states);
    this.states = states;
    const hashes = new Int32Array(this.capacityEntries);
    hashes.set(this.hashes);
    this.hashes = hashes;
    this.slots = new Int32Array(this.capacityEntries * 2);
    for (let entry = 0; entry < this.entryCount; entry++) this.index(entry);
  }
}
