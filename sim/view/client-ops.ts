// The clients' operations as a page draws them: each call paired with its return (a client makes
// one call at a time), and the linearizability verdict on the whole history, with the operations
// of the smallest non-linearizable sub-history the checker found marked as violating.

import { checkKvHistory } from '../check/linearizability.ts';
import type { KvOperation, KvOperationKind } from '../check/history.ts';
import type { TraceEvent } from '../trace/events.ts';
import type { ClientOp, Verdict } from './view-model.ts';

/** The checker's step budget in a page: enough for the lab's histories, bounded for big ones. */
const VIEW_CHECK_BUDGET_STEPS = 5_000_000;

interface OpenOp {
  client: number;
  kind: KvOperationKind;
  key: string;
  value: string;
  callMicros: number;
  returnMicros: number | null;
}

function historyOf(trace: readonly TraceEvent[]): OpenOp[] {
  const ops: OpenOp[] = [];
  const open = new Map<number, OpenOp>();
  for (const event of trace) {
    if (event.type === 'op-call') {
      const op: OpenOp = { client: event.client, kind: event.op as KvOperationKind, key: event.key, value: event.value, callMicros: event.t, returnMicros: null };
      ops.push(op);
      open.set(event.client, op);
    } else if (event.type === 'op-return') {
      const op = open.get(event.client);
      if (op === undefined) continue;
      op.returnMicros = event.t;
      op.value = event.value;
      open.delete(event.client);
    }
  }
  return ops;
}

function sameOp(a: OpenOp, b: KvOperation): boolean {
  return a.client === b.clientId && a.callMicros === b.callMicros && a.kind === b.kind && a.key === b.key;
}

export function clientOperations(trace: readonly TraceEvent[]): { ops: ClientOp[]; verdict: Verdict } {
  const history = historyOf(trace);
  if (history.length === 0) return { ops: [], verdict: { result: 'none', text: 'no key/value operations in this run' } };
  const kv: KvOperation[] = history.map((op) => ({ clientId: op.client, kind: op.kind, key: op.key, value: op.value, callMicros: op.callMicros, returnMicros: op.returnMicros }));
  const checked = checkKvHistory(kv, { budgetSteps: VIEW_CHECK_BUDGET_STEPS });
  const minimal = checked.result === 'illegal' ? checked.report.minimal : [];
  const ops = history.map((op) => ({ ...op, violating: minimal.some((m) => sameOp(op, m)) }));
  switch (checked.result) {
    case 'ok':
      return { ops, verdict: { result: 'ok', text: `linearizable: ${history.length} operations on ${checked.keysChecked} keys` } };
    case 'illegal':
      return { ops, verdict: { result: 'illegal', text: `NOT linearizable on key ${JSON.stringify(checked.report.key)}: the ${minimal.length} highlighted operations cannot be put in any order that explains what the gets saw` } };
    case 'unknown':
      return { ops, verdict: { result: 'unknown', text: `undecided: the checker ran out of steps on keys ${checked.undecidedKeys.join(', ')}` } };
  }
}
