import { describe, expect, it } from 'vitest';
import { HistoryFormatError, parsePorcupineKvHistory } from '../../sim/check/porcupine-format.ts';

function lines(...text: string[]): string {
  return text.join('\n');
}

function formatError(text: string): HistoryFormatError {
  try {
    parsePorcupineKvHistory(text);
  } catch (error) {
    if (error instanceof HistoryFormatError) return error;
    throw error;
  }
  throw new Error('expected a HistoryFormatError');
}

describe('parsePorcupineKvHistory', () => {
  describe('well-formed logs', () => {
    it('should pair each invoke with the next completion of the same process', () => {
      const history = parsePorcupineKvHistory(
        lines(
          '{:process 0, :type :invoke, :f :append, :key "0", :value "x 0 0 y"}',
          '{:process 1, :type :invoke, :f :get, :key "0", :value nil}',
          '{:process 0, :type :ok, :f :append, :key "0", :value "x 0 0 y"}',
          '{:process 1, :type :ok, :f :get, :key "0", :value "x 0 0 y"}',
          '{:process 0, :type :invoke, :f :put, :key "7", :value "v"}',
          '{:process 0, :type :ok, :f :put, :key "7", :value "v"}',
        ),
      );
      expect(history).toEqual([
        { clientId: 0, kind: 'append', key: '0', value: 'x 0 0 y', callMicros: 1, returnMicros: 3 },
        { clientId: 1, kind: 'get', key: '0', value: 'x 0 0 y', callMicros: 2, returnMicros: 4 },
        { clientId: 0, kind: 'put', key: '7', value: 'v', callMicros: 5, returnMicros: 6 },
      ]);
    });

    it('should skip blank lines and nemesis events but keep line numbers as times', () => {
      const history = parsePorcupineKvHistory(
        lines(
          '',
          '{:process :nemesis, :type :info, :f :start, :value nil}',
          '{:process 3, :type :invoke, :f :get, :key "k", :value nil}',
          '   ',
          '{:process 3, :type :ok, :f :get, :key "k", :value ""}',
          '',
        ),
      );
      expect(history).toEqual([{ clientId: 3, kind: 'get', key: 'k', value: '', callMicros: 3, returnMicros: 5 }]);
    });

    it('should drop an operation that failed', () => {
      const history = parsePorcupineKvHistory(
        lines(
          '{:process 0, :type :invoke, :f :put, :key "k", :value "v"}',
          '{:process 0, :type :fail, :f :put, :key "k", :value "v"}',
        ),
      );
      expect(history).toEqual([]);
    });

    it('should give an unknown outcome to :info completions and to invokes never completed', () => {
      const history = parsePorcupineKvHistory(
        lines(
          '{:process 0, :type :invoke, :f :put, :key "k", :value "a"}',
          '{:process 1, :type :invoke, :f :append, :key "k", :value "b"}',
          '{:process 0, :type :info, :f :put, :key "k", :value "a"}',
          '{:process 0, :type :invoke, :f :get, :key "k", :value nil}',
          '{:process 0, :type :ok, :f :get, :key "k", :value "ab"}',
        ),
      );
      expect(history.map((op) => [op.kind, op.callMicros, op.returnMicros])).toEqual([
        ['put', 1, null],
        ['append', 2, null],
        ['get', 4, 5],
      ]);
    });

    it('should decode escapes in strings', () => {
      const history = parsePorcupineKvHistory(
        lines(
          '{:process 0, :type :invoke, :f :put, :key "a \\"b\\"", :value "x\\\\y\\n"}',
          '{:process 0, :type :ok, :f :put, :key "a \\"b\\"", :value "x\\\\y\\n"}',
        ),
      );
      expect(history[0]).toMatchObject({ key: 'a "b"', value: 'x\\y\n' });
    });

    it('should read a get that returned nil as the empty string', () => {
      const history = parsePorcupineKvHistory(
        lines('{:process 0, :type :invoke, :f :get, :key "k", :value nil}', '{:process 0, :type :ok, :f :get, :key "k", :value nil}'),
      );
      expect(history[0]?.value).toBe('');
    });
  });

  describe('malformed logs', () => {
    const invoke = '{:process 0, :type :invoke, :f :put, :key "k", :value "v"}';

    it('should name the line of a syntax error', () => {
      const error = formatError(lines(invoke, '{:process 0, :type :ok, :f :put, :key "k", :value "v"'));
      expect(error.lineNumber).toBe(2);
      expect(error.message).toMatch(/^line 2: .*missing closing '}'/);
      expect(error.message).not.toContain('\n');
    });

    it.each([
      ['{:process 0, :type :invoke, :f :cas, :key "k", :value "v"}', /line 1: :f must be one of :put, :append, :get, got :cas/],
      ['{:process 0, :type :done, :f :put, :key "k", :value "v"}', /line 1: :type must be one of .*got :done/],
      ['{:process "zero", :type :invoke, :f :put, :key "k", :value "v"}', /line 1: :process must be an integer, got "zero"/],
      ['{:process 0, :type :invoke, :f :put, :value "v"}', /line 1: an :invoke needs a string :key/],
      ['{:process 0, :type :invoke, :f :put, :key "k", :value nil}', /line 1: an :invoke of :put needs a string :value/],
      ['{:process 0, :type :invoke, :f :put, :key "k, :value "v"}', /line 1: /],
      ['[:process 0]', /line 1: column 1: expected '\{'/],
      ['{:process 0, :type :ok, :f :put, :key "k", :value "v"}', /line 1: :ok of process 0 has no pending :invoke/],
    ])('should reject %s', (text, message) => {
      expect(() => parsePorcupineKvHistory(text)).toThrow(HistoryFormatError);
      expect(formatError(text).message).toMatch(message);
    });

    it('should reject a second invoke while the first is pending', () => {
      const error = formatError(lines(invoke, '', invoke));
      expect(error.lineNumber).toBe(3);
      expect(error.message).toContain('still pending');
    });

    it('should reject a completion for a different operation than the invoke', () => {
      const error = formatError(lines(invoke, '{:process 0, :type :ok, :f :append, :key "k", :value "v"}'));
      expect(error.message).toMatch(/^line 2: .*:append.*line 1 is :put/);
    });
  });
});
