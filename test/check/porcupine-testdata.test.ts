import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkKvHistory, formatLinearizabilityReport } from '../../sim/check/linearizability.ts';
import { parsePorcupineKvHistory } from '../../sim/check/porcupine-format.ts';
import { porcupineDataPath } from './kv-fixtures.ts';

function checkFile(fileName: string) {
  const history = parsePorcupineKvHistory(readFileSync(porcupineDataPath(fileName), 'utf8'));
  return { history, result: checkKvHistory(history) };
}

describe('Porcupine kv test data', () => {
  it.each(['c01-ok.txt', 'c10-ok.txt'])('should find %s linearizable', (fileName) => {
    const { history, result } = checkFile(fileName);
    expect(history.length).toBeGreaterThan(0);
    expect(result.result).toBe('ok');
  });

  it.each(['c01-bad.txt', 'c10-bad.txt'])('should find %s not linearizable and explain why', (fileName) => {
    const { result } = checkFile(fileName);
    expect(result.result).toBe('illegal');
    if (result.result !== 'illegal') return;
    const { report } = result;
    expect(report.minimal.length).toBeGreaterThan(0);
    expect(report.minimal.length).toBeLessThanOrEqual(report.opsOnKey);
    expect(report.minimal.every((op) => op.key === report.key)).toBe(true);
    expect(checkKvHistory(report.minimal).result).toBe('illegal');
    expect(formatLinearizabilityReport(report)).toContain(`key ${JSON.stringify(report.key)}`);
  });

  it('should parse the histories into matched operations', () => {
    const { history } = checkFile('c10-ok.txt');
    expect(history).toHaveLength(337);
    expect(history.every((op) => op.returnMicros !== null && op.returnMicros > op.callMicros)).toBe(true);
    expect(new Set(history.map((op) => op.clientId)).size).toBe(10);
  });
});
