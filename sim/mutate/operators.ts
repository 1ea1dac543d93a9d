// The mutation operators of `npm run mutants`, over the TypeScript syntax tree of one protocol
// file: the mistakes students make in the lab, written as small edits. Each site is a text span
// and its replacement, so applying one is a string splice. Lines that test a bug switch
// (`this.bugs.has(...)`) are left alone: the reference runs with every switch off, so a mutant
// there is equivalent by construction.

import ts from 'typescript';

export type OperatorName =
  | 'invert-condition' // if (c)  →  if (!(c))
  | 'remove-condition' // if (c)  →  if (true): the guarded code always runs
  | 'flip-comparison' // === ↔ !==, < ↔ <=, > ↔ >=
  | 'swap-statements' // two neighbouring statements in the other order
  | 'remove-await' // await x  →  x
  | 'remove-lock' // a mutex lock or unlock call removed
  | 'remove-call' // a call statement removed (e.g. this.seen.add(id))
  | 'off-by-one'; // an integer constant n → n + 1 or n - 1

export interface Mutation {
  readonly file: string;
  readonly line: number;
  /** The function or method it sits in ("PBServer.forward"), for naming the site stably. */
  readonly scope: string;
  readonly operator: OperatorName;
  readonly start: number;
  readonly end: number;
  readonly replacement: string;
  /** "line 110: if (this.seen.has(args.Id)) → if (!(...))", for the report. */
  readonly description: string;
}

const FLIPS: ReadonlyMap<ts.SyntaxKind, string> = new Map([
  [ts.SyntaxKind.EqualsEqualsEqualsToken, '!=='],
  [ts.SyntaxKind.ExclamationEqualsEqualsToken, '==='],
  [ts.SyntaxKind.LessThanToken, '<='],
  [ts.SyntaxKind.LessThanEqualsToken, '<'],
  [ts.SyntaxKind.GreaterThanToken, '>='],
  [ts.SyntaxKind.GreaterThanEqualsToken, '>'],
]);

const short = (text: string): string => text.replace(/\s+/g, ' ').slice(0, 70);

export function mutationsOf(file: string, source: string): Mutation[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const out: Mutation[] = [];
  const add = (node: ts.Node, operator: OperatorName, start: number, end: number, replacement: string): void => {
    const line = tree.getLineAndCharacterOfPosition(node.getStart(tree)).line + 1;
    const lineText = source.split('\n')[line - 1] ?? '';
    if (/bugs\.has\(/.test(lineText)) return;
    out.push({ file, line, scope: scopeOf(node), operator, start, end, replacement, description: `line ${line}: ${short(source.slice(start, end))} → ${short(replacement) || '(removed)'}` });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isTypeNode(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) return;
    if (ts.isIfStatement(node)) {
      const c = node.expression;
      add(c, 'invert-condition', c.getStart(tree), c.getEnd(), `!(${c.getText(tree)})`);
      add(c, 'remove-condition', c.getStart(tree), c.getEnd(), 'true');
    }
    if (ts.isBinaryExpression(node)) {
      const flipped = FLIPS.get(node.operatorToken.kind);
      if (flipped !== undefined) add(node, 'flip-comparison', node.operatorToken.getStart(tree), node.operatorToken.getEnd(), flipped);
    }
    if (ts.isAwaitExpression(node)) add(node, 'remove-await', node.getStart(tree), node.expression.getStart(tree), '');
    if (ts.isNumericLiteral(node) && /^\d+$/.test(node.text) && !ts.isPropertyAssignment(node.parent)) {
      const n = Number(node.text);
      add(node, 'off-by-one', node.getStart(tree), node.getEnd(), String(n + 1));
      if (n > 0) add(node, 'off-by-one', node.getStart(tree), node.getEnd(), String(n - 1));
    }
    if (ts.isBlock(node)) blockMutations(node);
    ts.forEachChild(node, visit);
  };
  const blockMutations = (block: ts.Block): void => {
    const statements = block.statements;
    statements.forEach((statement, i) => {
      if (ts.isExpressionStatement(statement)) {
        const text = statement.getText(tree);
        const call = ts.isAwaitExpression(statement.expression) ? statement.expression.expression : statement.expression;
        if (/\.(lock|unlock)\(\)/.test(text)) add(statement, 'remove-lock', statement.getStart(tree), statement.getEnd(), '');
        else if (ts.isCallExpression(call)) add(statement, 'remove-call', statement.getStart(tree), statement.getEnd(), '');
      }
      const next = statements[i + 1];
      if (next !== undefined && ts.isExpressionStatement(statement) && ts.isExpressionStatement(next)) {
        const between = source.slice(statement.getEnd(), next.getStart(tree));
        add(statement, 'swap-statements', statement.getStart(tree), next.getEnd(), `${next.getText(tree)}${between}${statement.getText(tree)}`);
      }
    });
  };
  visit(tree);
  return out;
}

/** "PBServer.forward", "nrand", or "(module)": the named functions and classes around a node. */
function scopeOf(node: ts.Node): string {
  const names: string[] = [];
  for (let at: ts.Node | undefined = node; at !== undefined; at = at.parent) {
    if ((ts.isFunctionDeclaration(at) || ts.isMethodDeclaration(at) || ts.isClassDeclaration(at)) && at.name !== undefined) names.unshift(at.name.getText());
    else if (ts.isConstructorDeclaration(at)) names.unshift('constructor');
    else if (ts.isVariableDeclaration(at) && ts.isIdentifier(at.name)) names.unshift(at.name.text);
  }
  return names.length === 0 ? '(module)' : names.join('.');
}

/** What applying an edit needs: a span of one file and its replacement. */
export type Splice = Pick<Mutation, 'file' | 'start' | 'end' | 'replacement'>;

export function applyMutation(source: string, mutation: Splice): string {
  return source.slice(0, mutation.start) + mutation.replacement + source.slice(mutation.end);
}
