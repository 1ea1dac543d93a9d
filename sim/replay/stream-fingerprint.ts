// The trace fingerprint (sim/trace/hash.ts) computed piece by piece, so a trace file can be
// written and hashed in one pass without building its whole text: feeding the JSON lines in any
// chunks gives the same 16 hex digits as `traceHash` of the events.

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

/** `traceHash(events)` without building the trace's whole JSON text. */
export function streamTraceHash(events: Iterable<unknown>): string {
  const hasher = new StreamFingerprint();
  for (const event of events) hasher.update(JSON.stringify(event) + '\n');
  return hasher.digest();
}
