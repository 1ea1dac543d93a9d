// Parses a key/value history in the line format of Porcupine's test data (Jepsen-style EDN maps,
// one event per line, in real-time order) into a KvHistory. Each `:invoke` is paired with the next
// completion of the same process: `:ok` (it happened; a get's `:value` is what it read), `:fail`
// (it definitely did not happen: dropped) or `:info` (unknown outcome: returnMicros null). An
// invoke still pending at the end of the log is also an unknown outcome. Times are line numbers
// (1-based), so a report's times point straight back into the file. Blank lines and
// `:process :nemesis` lines (fault injection, not client operations) are skipped. Anything else
// that does not fit throws HistoryFormatError naming the line.

import { EdnSyntaxError, parseEdnMap, type EdnScalar } from './edn-map.ts';
import type { KvHistory, KvOperation, KvOperationKind } from './history.ts';

export class HistoryFormatError extends Error {
  override readonly name = 'HistoryFormatError';
  constructor(
    readonly lineNumber: number,
    what: string,
  ) {
    super(`line ${lineNumber}: ${what}`);
  }
}

type EventType = 'invoke' | 'ok' | 'fail' | 'info';

interface LogEvent {
  readonly lineNumber: number;
  readonly process: number;
  readonly type: EventType;
  readonly kind: KvOperationKind;
  readonly key: string | null;
  /** A string, or null for `:value nil` (or no `:value`). */
  readonly value: string | null;
}

interface Pending {
  readonly invoke: LogEvent;
  readonly order: number;
}

function describeScalar(value: EdnScalar | undefined): string {
  if (value === undefined) return 'nothing';
  switch (value.type) {
    case 'keyword':
      return `:${value.name}`;
    case 'string':
      return JSON.stringify(value.value);
    case 'nil':
      return 'nil';
    case 'integer':
    case 'boolean':
      return String(value.value);
  }
}

function keywordField<T extends string>(
  fields: Map<string, EdnScalar>,
  name: string,
  allowed: readonly T[],
  lineNumber: number,
): T {
  const value = fields.get(name);
  const found = value?.type === 'keyword' ? allowed.find((a) => a === value.name) : undefined;
  if (found === undefined) {
    const expected = allowed.map((a) => `:${a}`).join(', ');
    throw new HistoryFormatError(lineNumber, `:${name} must be one of ${expected}, got ${describeScalar(value)}`);
  }
  return found;
}

function optionalStringField(fields: Map<string, EdnScalar>, name: string, lineNumber: number): string | null {
  const value = fields.get(name);
  if (value === undefined || value.type === 'nil') return null;
  if (value.type === 'string') return value.value;
  throw new HistoryFormatError(lineNumber, `:${name} must be a string or nil, got ${describeScalar(value)}`);
}

/** Reads one non-blank line; null for lines that are not client operations (nemesis). */
function parseEvent(line: string, lineNumber: number): LogEvent | null {
  let fields: Map<string, EdnScalar>;
  try {
    fields = parseEdnMap(line);
  } catch (error) {
    if (error instanceof EdnSyntaxError) throw new HistoryFormatError(lineNumber, error.message);
    throw error;
  }
  const processField = fields.get('process');
  if (processField?.type === 'keyword' && processField.name === 'nemesis') return null;
  if (processField?.type !== 'integer') {
    throw new HistoryFormatError(lineNumber, `:process must be an integer, got ${describeScalar(processField)}`);
  }
  return {
    lineNumber,
    process: processField.value,
    type: keywordField(fields, 'type', ['invoke', 'ok', 'fail', 'info'] as const, lineNumber),
    kind: keywordField(fields, 'f', ['put', 'append', 'get'] as const, lineNumber),
    key: optionalStringField(fields, 'key', lineNumber),
    value: optionalStringField(fields, 'value', lineNumber),
  };
}

function checkInvoke(event: LogEvent, pending: Map<number, Pending>): void {
  const earlier = pending.get(event.process);
  if (earlier !== undefined) {
    throw new HistoryFormatError(
      event.lineNumber,
      `process ${event.process} invokes again while its invoke on line ${earlier.invoke.lineNumber} is still pending`,
    );
  }
  if (event.key === null) throw new HistoryFormatError(event.lineNumber, 'an :invoke needs a string :key');
  if (event.kind !== 'get' && event.value === null) {
    throw new HistoryFormatError(event.lineNumber, `an :invoke of :${event.kind} needs a string :value`);
  }
}

function checkCompletion(event: LogEvent, invoke: LogEvent | undefined): LogEvent {
  const where = `:${event.type} of process ${event.process}`;
  if (invoke === undefined) throw new HistoryFormatError(event.lineNumber, `${where} has no pending :invoke`);
  if (invoke.kind !== event.kind) {
    throw new HistoryFormatError(
      event.lineNumber,
      `${where} is for :${event.kind} but its :invoke on line ${invoke.lineNumber} is :${invoke.kind}`,
    );
  }
  if (event.key !== null && event.key !== invoke.key) {
    throw new HistoryFormatError(
      event.lineNumber,
      `${where} names key ${JSON.stringify(event.key)} but its :invoke on line ${invoke.lineNumber} names ${JSON.stringify(invoke.key)}`,
    );
  }
  return invoke;
}

function makeOperation(invoke: LogEvent, returnEvent: LogEvent | null): KvOperation {
  const observed = invoke.kind === 'get' ? (returnEvent?.value ?? '') : (invoke.value ?? '');
  return {
    clientId: invoke.process,
    kind: invoke.kind,
    key: invoke.key ?? '',
    value: observed,
    callMicros: invoke.lineNumber,
    returnMicros: returnEvent === null ? null : returnEvent.lineNumber,
  };
}

/** Parses the whole text of a history file. Operations come out in the order of their invokes. */
export function parsePorcupineKvHistory(text: string): KvHistory {
  const byOrder: (KvOperation | null)[] = [];
  const pending = new Map<number, Pending>();
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const event = parseEvent(line, index + 1);
    if (event === null) return;
    if (event.type === 'invoke') {
      checkInvoke(event, pending);
      pending.set(event.process, { invoke: event, order: byOrder.length });
      byOrder.push(null);
      return;
    }
    const entry = pending.get(event.process);
    const invoke = checkCompletion(event, entry?.invoke);
    pending.delete(event.process);
    if (entry === undefined) return;
    byOrder[entry.order] = event.type === 'fail' ? null : makeOperation(invoke, event.type === 'ok' ? event : null);
  });
  for (const entry of pending.values()) byOrder[entry.order] = makeOperation(entry.invoke, null);
  return byOrder.filter((op): op is KvOperation => op !== null);
}
