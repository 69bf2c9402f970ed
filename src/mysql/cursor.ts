/**
 * A cursor over one statement's tokens, with the small matching helpers every statement parser uses.
 */
import { ParseError, type Token } from "./lexer.ts";

/**
 * `value.toUpperCase() === upper` for an upper-case ASCII keyword, without building the upper-cased copy: ASCII
 * letters compare case-folded in place; any non-ASCII character (which may upper-case into ASCII or into several
 * characters) falls back to the exact comparison.
 */
function sameWord(value: string, upper: string): boolean {
  if (value === upper) return true;
  const n = value.length;
  // Upper-casing never shortens a string; only non-ASCII characters lengthen it.
  if (n > upper.length) return false;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0x80) return value.toUpperCase() === upper;
    if (c !== upper.charCodeAt(i) && !(c >= 0x61 && c <= 0x7a && c - 0x20 === upper.charCodeAt(i))) return false;
  }
  return n === upper.length;
}

/** Reads tokens in order; every `expect…` failure is a ParseError naming the offending token's position. */
export class Cursor {
  private i = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  /** The token `k` places ahead (the end token when past the end). */
  peek(k = 0): Token {
    const at = this.i + k;
    return this.tokens[at < this.tokens.length ? at : this.tokens.length - 1]!;
  }

  /** Consumes and returns the next token. */
  next(): Token {
    const t = this.peek();
    if (t.kind !== "eof") this.i++;
    return t;
  }

  /** True when the tokens ahead are these words (case-insensitive; up to three, the longest phrase a parser needs). */
  isWord(a: string, b?: string, c?: string): boolean {
    if (!this.wordAt(0, a)) return false;
    if (b === undefined) return true;
    if (!this.wordAt(1, b)) return false;
    return c === undefined || this.wordAt(2, c);
  }

  private wordAt(k: number, upper: string): boolean {
    const t = this.peek(k);
    return t.kind === "word" && sameWord(t.value, upper);
  }

  /** Consumes the words when they are ahead; reports whether it did. */
  acceptWord(a: string, b?: string, c?: string): boolean {
    if (!this.isWord(a, b, c)) return false;
    this.i += c !== undefined ? 3 : b !== undefined ? 2 : 1;
    return true;
  }

  /** Consumes the words or fails. */
  expectWord(a: string, b?: string, c?: string): void {
    for (const w of [a, b, c]) if (w !== undefined && !this.acceptWord(w)) this.fail(w);
  }

  /** True when the next token is this operator or punctuation. */
  isOp(op: string, k = 0): boolean {
    const t = this.peek(k);
    return t.kind === "op" && t.value === op;
  }

  /** Consumes the operator when it is next; reports whether it did. */
  acceptOp(op: string): boolean {
    if (!this.isOp(op)) return false;
    this.i++;
    return true;
  }

  /** Consumes the operator or fails. */
  expectOp(op: string): void {
    if (!this.acceptOp(op)) this.fail(`"${op}"`);
  }

  /** True at the end of the statement (an optional final `;` included). */
  atEnd(): boolean {
    return this.peek().kind === "eof" || (this.isOp(";") && this.peek(1).kind === "eof");
  }

  /** Fails unless the statement is over. */
  expectEnd(): void {
    if (!this.atEnd()) this.fail("end of statement");
  }

  /** Reads a name: a bare word or a backtick-quoted identifier (or a string where MySQL allows one). */
  name(what: string): string {
    const t = this.peek();
    if (t.kind === "word" || t.kind === "ident" || t.kind === "string") {
      this.i++;
      return t.value;
    }
    return this.fail(what);
  }

  /** Reads a possibly schema-qualified table name and returns its last part. */
  tableName(): string {
    let n = this.name("table name");
    while (this.acceptOp(".")) n = this.name("table name");
    return n;
  }

  /** Reads `( name, … )`. */
  nameList(what: string): string[] {
    this.expectOp("(");
    const out = [this.name(what)];
    while (this.acceptOp(",")) out.push(this.name(what));
    this.expectOp(")");
    return out;
  }

  /** Reads a parenthesised group and returns the tokens inside it (the parentheses excluded). */
  group(): Token[] {
    this.expectOp("(");
    const start = this.i;
    let depth = 1;
    for (;;) {
      const t = this.next();
      if (t.kind === "eof") this.fail('")"', t);
      if (t.kind === "op" && t.value === "(") depth++;
      if (t.kind === "op" && t.value === ")" && --depth === 0) return this.tokens.slice(start, this.i - 1) as Token[];
    }
  }

  /** Reads a string literal's value. */
  string(what: string): string {
    const t = this.peek();
    if (t.kind !== "string") return this.fail(what);
    this.i++;
    return t.value;
  }

  /** Reads a whole number. */
  integer(what: string): number {
    const t = this.peek();
    if (t.kind !== "number" || !/^\d+$/.test(t.value)) return this.fail(what);
    this.i++;
    return Number(t.value);
  }

  /** Consumes and returns the tokens up to the end of the statement (a final `;` and the end token left out). */
  rest(): Token[] {
    const out: Token[] = [];
    while (!this.atEnd()) out.push(this.next());
    return out;
  }

  /** Skips an optional `=`. */
  optionalEquals(): void {
    this.acceptOp("=");
  }

  /** Throws a ParseError: `expected <what>, found "<token>"`. */
  fail(what: string, at: Token = this.peek()): never {
    const found = at.kind === "eof" ? "end of statement" : JSON.stringify(at.raw);
    throw new ParseError(at.line, at.column, `expected ${what}, found ${found}`);
  }
}
