// Reads one flat EDN map, the shape of a line in a Jepsen/Porcupine history such as
// `{:process 0, :type :ok, :f :get, :key "7", :value ""}`. Only what those lines use is
// supported: keyword keys, and values that are keywords, strings (with the usual backslash
// escapes), integers, nil, true or false. Commas count as whitespace, as in EDN. Errors are
// reported as EdnSyntaxError with the column, for the history parser to turn into a line error.

export type EdnScalar =
  | { readonly type: 'keyword'; readonly name: string }
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'integer'; readonly value: number }
  | { readonly type: 'nil' }
  | { readonly type: 'boolean'; readonly value: boolean };

export class EdnSyntaxError extends Error {
  override readonly name = 'EdnSyntaxError';
  constructor(
    readonly column: number,
    what: string,
  ) {
    super(`column ${column}: ${what}`);
  }
}

const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' };

/** Whitespace or a comma (EDN treats commas as whitespace). */
function isSpace(code: number): boolean {
  return code === 32 || code === 44 || (code >= 9 && code <= 13);
}

/** A character that may appear in a symbol, keyword name or number: [A-Za-z0-9*+!\-_?<>=/.]. */
function isSymbolChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || // a-z
    (code >= 65 && code <= 90) || // A-Z
    (code >= 45 && code <= 57) || // - . / 0-9
    (code >= 60 && code <= 63) || // < = > ?
    code === 33 || code === 42 || code === 43 || code === 95 // ! * + _
  );
}

class Cursor {
  pos = 0;
  constructor(readonly text: string) {}
  peek(): string {
    return this.text[this.pos] ?? '';
  }
  fail(what: string): never {
    throw new EdnSyntaxError(this.pos + 1, what);
  }
  skipSpace(): void {
    while (this.pos < this.text.length && isSpace(this.text.charCodeAt(this.pos))) this.pos++;
  }
  readSymbol(): string {
    const start = this.pos;
    while (this.pos < this.text.length && isSymbolChar(this.text.charCodeAt(this.pos))) this.pos++;
    return this.text.slice(start, this.pos);
  }
}

function readString(cur: Cursor): string {
  cur.pos++; // opening quote
  let out = '';
  for (;;) {
    const quote = cur.text.indexOf('"', cur.pos);
    const backslash = cur.text.indexOf('\\', cur.pos);
    if (quote === -1) return cur.fail('unterminated string');
    if (backslash === -1 || quote < backslash) {
      out += cur.text.slice(cur.pos, quote);
      cur.pos = quote + 1;
      return out;
    }
    out += cur.text.slice(cur.pos, backslash);
    cur.pos = backslash + 1;
    out += readEscape(cur);
  }
}

/** Decodes the escape after a backslash (the cursor is on the character after it). */
function readEscape(cur: Cursor): string {
  const esc = cur.peek();
  if (esc === 'u') {
    const hex = cur.text.slice(cur.pos + 1, cur.pos + 5);
    if (!/^[0-9a-fA-F]{4}$/.test(hex)) cur.fail('bad \\u escape in string');
    cur.pos += 5;
    return String.fromCharCode(parseInt(hex, 16));
  }
  const decoded = ESCAPES[esc];
  if (decoded === undefined) cur.fail(esc === '' ? 'unterminated string' : `unknown escape \\${esc} in string`);
  cur.pos++;
  return decoded;
}

function readValue(cur: Cursor): EdnScalar {
  const ch = cur.peek();
  if (ch === '"') return { type: 'string', value: readString(cur) };
  if (ch === ':') {
    cur.pos++;
    const name = cur.readSymbol();
    if (name === '') cur.fail('empty keyword');
    return { type: 'keyword', name };
  }
  const start = cur.pos;
  const word = cur.readSymbol();
  if (word === 'nil') return { type: 'nil' };
  if (word === 'true' || word === 'false') return { type: 'boolean', value: word === 'true' };
  if (/^[-+]?\d+$/.test(word)) return { type: 'integer', value: Number(word) };
  cur.pos = start;
  if (ch === '') return cur.fail('expected a value, got end of line');
  return cur.fail(word === '' ? `unexpected ${JSON.stringify(ch)}` : `unsupported value ${word}`);
}

/** Parses `{:k v, :k v}` into a map from keyword name (without the colon) to value. */
export function parseEdnMap(text: string): Map<string, EdnScalar> {
  const cur = new Cursor(text);
  const fields = new Map<string, EdnScalar>();
  cur.skipSpace();
  if (cur.peek() !== '{') cur.fail("expected '{' at the start of the line");
  cur.pos++;
  for (;;) {
    cur.skipSpace();
    if (cur.peek() === '}') break;
    if (cur.peek() !== ':') cur.fail(cur.peek() === '' ? "missing closing '}'" : 'expected a keyword key');
    const key = readValue(cur);
    if (key.type !== 'keyword') return cur.fail('expected a keyword key');
    if (fields.has(key.name)) cur.fail(`duplicate key :${key.name}`);
    cur.skipSpace();
    if (cur.peek() === '}' || cur.peek() === '') cur.fail(`key :${key.name} has no value`);
    fields.set(key.name, readValue(cur));
  }
  cur.pos++;
  cur.skipSpace();
  if (cur.pos < text.length) cur.fail("unexpected text after the closing '}'");
  return fields;
}
