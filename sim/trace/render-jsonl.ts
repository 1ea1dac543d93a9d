// JSON lines: one event per line, stable key order (t, proc, task, type, then the body's own
// fields in the order they were written; see event-columns.ts), so the same run gives the same bytes.

import type { TraceEvent } from './events.ts';

export function renderJsonl(events: readonly TraceEvent[]): string {
  let out = '';
  for (const event of events) out += JSON.stringify(event) + '\n';
  return out;
}
