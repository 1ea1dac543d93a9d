// Finds, for a value, the gets whose output starts with it (its "readers"), without comparing it
// against every get: the gets are kept sorted by output (UTF-16 code-unit order), in which all
// outputs starting with a given prefix form one contiguous run that begins where a binary search
// for the prefix lands. Readers come back ordered latest return first, the order the search wants
// (the latest readers are the likeliest to be still pending).

import { effectiveReturnMicros, type KvOperation } from './history.ts';

export class ReaderIndex {
  /** Get op ids sorted by output, then id. */
  private readonly byOutput: Int32Array;

  constructor(private readonly ops: readonly KvOperation[]) {
    const gets = ops.flatMap((op, id) => (op.kind === 'get' ? [id] : []));
    gets.sort((a, b) => {
      const va = ops[a]!.value;
      const vb = ops[b]!.value;
      return va !== vb ? (va < vb ? -1 : 1) : a - b;
    });
    this.byOutput = Int32Array.from(gets);
  }

  /** The gets whose output starts with `prefix`, latest return first. */
  readersOf(prefix: string): Int32Array {
    const { byOutput, ops } = this;
    let low = 0;
    let high = byOutput.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (ops[byOutput[mid]!]!.value < prefix) low = mid + 1;
      else high = mid;
    }
    let end = low;
    while (end < byOutput.length && ops[byOutput[end]!]!.value.startsWith(prefix)) end++;
    return byOutput.slice(low, end).sort((a, b) => latestReturnFirst(ops, a, b));
  }
}

function latestReturnFirst(ops: readonly KvOperation[], a: number, b: number): number {
  const ra = effectiveReturnMicros(ops[a]!);
  const rb = effectiveReturnMicros(ops[b]!);
  return ra !== rb ? (ra > rb ? -1 : 1) : a - b;
}
