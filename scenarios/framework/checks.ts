// The Go tests' shared checks, with their messages. `check` is pbservice's helper, whose
// log.Fatalf aborts the whole test binary (here: the run ends as a safety failure), and
// `checkAppends` is TestConcurrentSameAppend's and TestRepeatedCrashUnreliable's (spec §4.2).

import type { TestContext } from './context.ts';
import type { KvClerk } from './lab.ts';

/** check(ck, key, value): Get must return exactly `value`. */
export async function check(t: TestContext, ck: KvClerk, key: string, value: string): Promise<void> {
  const v = await ck.Get(key);
  if (v !== value) t.Fatalf('Get(%v) -> %v, expected %v', key, v, value);
}

/**
 * Every append "x i j y" of client i, j < counts[i], occurs in `v` exactly once, and each
 * client's appends occur in the order it made them (clients may interleave).
 */
export function checkAppends(t: TestContext, v: string, counts: readonly number[]): void {
  counts.forEach((count, i) => {
    let lastoff = -1;
    for (let j = 0; j < count; j++) {
      const wanted = `x ${i} ${j} y`;
      const off = v.indexOf(wanted);
      if (off < 0) t.Fatalf('missing element in Append result');
      const off1 = v.lastIndexOf(wanted);
      if (off1 !== off) t.Fatalf('duplicate element in Append result');
      if (off <= lastoff) t.Fatalf('wrong order for element in Append result');
      lastoff = off;
    }
  });
}
