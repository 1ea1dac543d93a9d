// Sorting a caller's outcome into what the server did, by the Go error text alone: what a 6.824
// student sees. "unexpected EOF" means the reply was lost (the handler ran or will run);
// reset, broken pipe and "shut down" mean the request never reached a handler.

import type { CallResult } from '../../sim/index.ts';

export type Outcome = 'normal' | 'reply-dropped' | 'request-dropped';

export function classify(result: CallResult): Outcome {
  if (result.ok) return 'normal';
  const text = result.error.message;
  if (text === 'unexpected EOF') return 'reply-dropped';
  if (text.endsWith('connection reset by peer') || text.endsWith('broken pipe') || text === 'connection is shut down') return 'request-dropped';
  throw new Error(`unclassified call error: ${text}`);
}
