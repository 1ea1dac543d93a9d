// A 64-bit fingerprint of a trace, printed as 16 hex digits: two 32-bit FNV-1a hashes with
// different offset bases, side by side. It compares two runs ("same seed, same trace") without
// printing either. Not cryptographic; it need not be.

import { renderJsonl } from './render-jsonl.ts';
import type { TraceEvent } from './events.ts';

export function fingerprint(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

export function traceHash(events: readonly TraceEvent[]): string {
  return fingerprint(renderJsonl(events));
}
