// A 64-bit fingerprint of a trace, printed as 16 hex digits: two 32-bit FNV-1a hashes with
// different offset bases, side by side. It compares two runs ("same seed, same trace") without
// printing either. Not cryptographic; it need not be.

import { renderJsonl } from './render-jsonl.ts';
import type { TraceEvent } from './events.ts';

export function fingerprint(text: string): string {
  const hasher = new StreamFingerprint();
  hasher.update(text);
  return hasher.digest();
}

/** The same fingerprint fed piece by piece: any chunking of a text gives the text's fingerprint. */
export class StreamFingerprint {
  private a = 0x811c9dc5;
  private b = 0x050c5d1f;

  update(text: string): void {
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x01000193);
    }
    this.a = a;
    this.b = b;
  }

  digest(): string {
    return (this.a >>> 0).toString(16).padStart(8, '0') + (this.b >>> 0).toString(16).padStart(8, '0');
  }
}

/** `traceHash(events)` without building the trace's whole JSON text (a big trace is 200 MB). */
export function streamTraceHash(events: Iterable<TraceEvent>): string {
  const hasher = new StreamFingerprint();
  for (const event of events) hasher.update(JSON.stringify(event) + '\n');
  return hasher.digest();
}

export function traceHash(events: readonly TraceEvent[]): string {
  return fingerprint(renderJsonl(events));
}
