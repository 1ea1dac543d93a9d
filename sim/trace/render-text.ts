// The readable rendering: one line per event, virtual time first, then who, then what happened
// in Go's words. Columns are fixed-width so a student can scan down one process.

import { unreachable } from '../kernel/assert.ts';
import type { TraceEvent } from './events.ts';

export function formatMicros(micros: number): string {
  const seconds = Math.floor(micros / 1_000_000);
  const rest = String(micros % 1_000_000).padStart(6, '0');
  return `${String(seconds).padStart(3, ' ')}.${rest}s`;
}

export function describeEvent(event: TraceEvent): string {
  switch (event.type) {
    case 'spawn': return 'process started';
    case 'crash': return 'process crashed: its goroutines stop, its sockets close';
    case 'pause': return 'process paused (SIGSTOP): its goroutines do not run';
    case 'resume': return 'process resumed';
    case 'listen': return `listen ${event.path}`;
    case 'unlink': return `unlink ${event.path}`;
    case 'link': return `link ${event.path} -> ${event.to}`;
    case 'rename': return `rename ${event.path} -> ${event.to}`;
    case 'dial': return `dial ${event.path} (conn ${event.conn})`;
    case 'accept': return `accept conn ${event.conn} on ${event.path}`;
    case 'send': return `conn ${event.conn} write ${event.what}`;
    case 'recv': return `conn ${event.conn} read ${event.what}`;
    case 'shutdown': return `conn ${event.conn} shutdown(SHUT_WR): the peer will read EOF`;
    case 'close': return `conn ${event.conn} close${event.unread > 0 ? ` with ${event.unread} unread (peer gets ECONNRESET)` : ''}`;
    case 'error': return `conn ${event.conn} ${event.error}`;
    case 'rpc-return': return `Call ${event.method} #${event.seq} returned${event.error ? `: ${event.error}` : ' ok'}`;
    case 'rpc-serve': return `serve ${event.method} #${event.seq} (conn ${event.conn})`;
    case 'op-call': return `client ${event.client} ${event.op}(${JSON.stringify(event.key)}${event.op === 'get' ? '' : `, ${JSON.stringify(event.value)}`}) ...`;
    case 'op-return': return `client ${event.client} ${event.op}(${JSON.stringify(event.key)}) returned${event.op === 'get' ? ` ${JSON.stringify(event.value)}` : ''}`;
    case 'log': return `| ${event.text}`;
    case 'fault': return `FAULT ${event.text}`;
    case 'note': return `# ${event.text}`;
    default: return unreachable(event, 'trace event');
  }
}

export function renderTextLine(event: TraceEvent): string {
  return `${formatMicros(event.t)} ${event.task.padEnd(22)} ${describeEvent(event)}`;
}

export function renderText(events: readonly TraceEvent[]): string {
  return events.map(renderTextLine).join('\n');
}
