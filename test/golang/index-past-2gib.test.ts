// Go 1.19's wasm IndexByte sign-extends the address it found, so in a heap past 2 GiB
// strings.Index reports a present substring as absent (golang/go#65571): pbservice's
// TestRepeatedCrashUnreliable failed that way with GOGC=off. rpcsim's build overlay carries Go's
// fix; this runs a fixture that puts a string past 2 GiB and searches it.

import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { isGoTestProblem, prepareGoTest, runGoTest } from '../../sim/golang/go-test.ts';

const BIGHEAP = fileURLToPath(new URL('./fixtures/module/bigheap', import.meta.url));
/** The first build compiles the standard library for js/wasm (Go's cache keeps it after). */
const BUILD_TIMEOUT_MS = 300_000;

it('should find a substring in a string that lies past 2 GiB of wasm memory', async () => {
  const prepared = prepareGoTest(BIGHEAP);
  if (isGoTestProblem(prepared)) throw new Error(`cannot build the bigheap fixture: ${'message' in prepared ? prepared.message : prepared.output}`);
  const result = await runGoTest(prepared, { seed: 1, verbose: true, run: 'TestIndexPast2GiB' });
  // Without the fix: "strings.IndexByte = -4294967290, want 6" and "strings.Index = -1, ...".
  expect(result.output).toContain('--- PASS: TestIndexPast2GiB');
  expect(result.ok).toBe(true);
}, BUILD_TIMEOUT_MS);
