// The overlay (overlay/net/net_rpcsim.go) and the host (sim/golang/net-calls.ts) pass a socket
// call's errno as a number: -1-i for the i-th name of one list written twice, once in each
// language. If the two lists ever differ, Go prints the wrong error text for a socket state, so
// this reads the Go list out of the overlay and holds the host's to it.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NET_ERRNOS } from '../../sim/golang/net-calls.ts';

const OVERLAY = new URL('../../sim/golang/overlay/net/net_rpcsim.go', import.meta.url);

/** hostErrnos's entries as errno names: io.EOF is EOF, ErrClosed ECLOSED, syscall.X is X. */
function overlayErrnos(): string[] {
  const source = readFileSync(OVERLAY, 'utf8');
  const list = /var hostErrnos = \[\.\.\.\]error\{([^}]*)\}/.exec(source);
  if (list === null) throw new Error('hostErrnos not found in net_rpcsim.go');
  return list[1]!
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => (entry === 'io.EOF' ? 'EOF' : entry === 'ErrClosed' ? 'ECLOSED' : entry.replace(/^syscall\./, '')));
}

describe('the errno numbers between the Go overlay and the host', () => {
  it('should list the same errno names in the same order on both sides', () => {
    expect(overlayErrnos()).toEqual(NET_ERRNOS);
  });
});
