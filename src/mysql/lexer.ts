/**
 * The MySQL/MariaDB tokenizer: turns one statement's text into tokens that carry their line and column.
 */
import type { Flavor } from "./flavor.ts";

/** Token kinds: bare words, quoted identifiers, strings, numbers, hex/bit literals, operators and punctuation. */
export type TokenKind = "word" | "ident" | "string" | "number" | "hex" | "bit" | "op" | "eof";

/** One token. `value` is the unquoted text for identifiers and strings, the source text otherwise. */
export interface Token {
  readonly kind: TokenKind;
  readonly value: string;
  readonly line: number;
  readonly column: number;
  /** The token's exact source text (quotes included). */
  readonly raw: string;
  /** Whitespace or a comment came right before this token. */
  readonly spaceBefore: boolean;
}

/** A syntax error at a position of the statement text; the message starts with `line:column:`. */
export class ParseError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly detail: string,
  ) {
    super(`${line}:${column}: ${detail}`);
    this.name = "ParseError";
  }
}

const OPERATORS = [
  "<=>",
  "->>",
  "<<",
  ">>",
  "<=",
  ">=",
  "<>",
  "!=",
  "||",
  "&&",
  ":=",
  "->",
  "=",
  "<",
  ">",
  "+",
  "-",
  "*",
  "/",
  "%",
  "^",
  "&",
  "|",
  "~",
  "!",
  "(",
  ")",
  ",",
  ".",
  ";",
  "@",
  "?",
  "{",
  "}",
];
/** The operators by first character, longest first (the order of OPERATORS), so a token is found without a search. */
const OPERATORS_BY_FIRST = new Map<string, string[]>();
for (const op of OPERATORS) OPERATORS_BY_FIRST.set(op[0]!, [...(OPERATORS_BY_FIRST.get(op[0]!) ?? []), op]);
const ESCAPES: Record<string, string> = {
  n: "\n",
  r: "\r",
  t: "\t",
  "0": "\0",
  b: "\b",
  Z: "\x1a",
  "\\": "\\",
  "'": "'",
  '"': '"',
};

// Sticky patterns: they match at `lastIndex` without copying the rest of the statement.
const HEX = /0x[0-9a-fA-F]+/y;
const BIT = /0b[01]+/y;
const NUMBER = /(\d+\.?\d*|\.\d+)(e[+-]?\d+)?/iy;
const QUOTED_LITERAL = /([xXbB])'([0-9a-fA-F]*)'/y;
/** A versioned comment's opening: `/*!`, or MariaDB's `/*M!`, with an optional 5- or 6-digit server version. */
const CONDITIONAL = /\/\*(M?)!(\d{5,6})?/y;

/** Matches a sticky pattern at `at`; the match text or undefined. */
function matchAt(re: RegExp, s: string, at: number): string | undefined {
  re.lastIndex = at;
  const m = re.exec(s);
  return m === null ? undefined : m[0];
}

/** `\n`, space, `\t`, `\r`, `\f`, `\v`: the blanks between tokens. */
function isBlank(code: number): boolean {
  return code === 0x0a || code === 0x20 || code === 0x09 || code === 0x0d || code === 0x0c || code === 0x0b;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** `[\w$]`: a character that continues a word. */
function isWordChar(code: number): boolean {
  return isDigit(code) || isWordStart(code);
}

/** `[A-Za-z_$]`. */
function isWordStart(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x5f || code === 0x24;
}

/**
 * Splits SQL text into tokens; comments are skipped and `/*!NNNNN … *\/` conditional comments yield their content —
 * all of them without a flavour, else those the flavour's server runs (the others are comments).
 */
export function tokenize(sql: string, flavor?: Pick<Flavor, "runsVersionedComment">): Token[] {
  return new Lexer(sql, flavor).run();
}

class Lexer {
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  private space = false;
  /** Depth of open conditional comments (`/*!…`): their closing star-slash is skipped. */
  private conditional = 0;
  private readonly out: Token[] = [];

  constructor(
    private readonly src: string,
    private readonly flavor?: Pick<Flavor, "runsVersionedComment">,
  ) {}

  run(): Token[] {
    while (this.pos < this.src.length) this.step();
    this.out.push(this.token("eof", "", "", this.pos));
    return this.out;
  }

  private step(): void {
    const s = this.src;
    const c = s[this.pos]!;
    const code = s.charCodeAt(this.pos);
    if (isBlank(code)) {
      let end = this.pos + 1;
      while (isBlank(s.charCodeAt(end))) end++;
      return this.blank(end - this.pos);
    }
    if (c === "#" || (c === "-" && s[this.pos + 1] === "-" && /[\s]/.test(s[this.pos + 2] ?? " ")))
      return this.lineComment();
    if (c === "/" && s[this.pos + 1] === "*") return this.blockComment();
    if (c === "*" && s[this.pos + 1] === "/" && this.conditional > 0) {
      this.conditional--;
      return this.blank(2);
    }
    if (c === "`") return this.quotedIdent();
    if (c === "'" || c === '"') return this.string(c);
    if (isDigit(code) || (c === "." && isDigit(s.charCodeAt(this.pos + 1)))) return this.number();
    if (isWordStart(code) || code >= 0x80) return this.word();
    const op = this.operator(c);
    if (!op) throw new ParseError(this.line, this.col(this.pos), `unexpected character ${JSON.stringify(c)}`);
    this.push("op", op, op, this.pos + op.length);
  }

  private operator(c: string): string | undefined {
    for (const o of OPERATORS_BY_FIRST.get(c) ?? []) if (o.length === 1 || this.src.startsWith(o, this.pos)) return o;
    return undefined;
  }

  private col(at: number): number {
    return at - this.lineStart + 1;
  }

  private token(kind: TokenKind, value: string, raw: string, start: number): Token {
    return { kind, value, raw, line: this.line, column: this.col(start), spaceBefore: this.space };
  }

  private push(kind: TokenKind, value: string, raw: string, end: number): void {
    this.out.push(this.token(kind, value, raw, this.pos));
    // Only quoted tokens can span lines.
    if (kind === "ident" || kind === "string") this.advance(end);
    else this.pos = end;
    this.space = false;
  }

  private advance(end: number): void {
    for (let i = this.pos; i < end; i++) {
      if (this.src.charCodeAt(i) === 0x0a) {
        this.line++;
        this.lineStart = i + 1;
      }
    }
    this.pos = end;
  }

  private blank(n: number): void {
    this.advance(this.pos + n);
    this.space = true;
  }

  private lineComment(): void {
    const end = this.src.indexOf("\n", this.pos);
    this.blank((end < 0 ? this.src.length : end) - this.pos);
  }

  private blockComment(): void {
    CONDITIONAL.lastIndex = this.pos;
    const versioned = CONDITIONAL.exec(this.src);
    const m = versioned?.[0];
    const runs =
      versioned === null ||
      this.flavor === undefined ||
      this.flavor.runsVersionedComment(
        versioned[1] === "M",
        versioned[2] === undefined ? undefined : Number(versioned[2]),
      );
    if (m !== undefined && runs) {
      this.conditional++;
      return this.blank(m.length);
    }
    const end = this.src.indexOf("*/", this.pos + 2);
    if (end < 0) throw new ParseError(this.line, this.col(this.pos), "unclosed comment");
    this.blank(end + 2 - this.pos);
  }

  private quotedIdent(): void {
    let i = this.pos + 1;
    let value = "";
    for (;;) {
      const j = this.src.indexOf("`", i);
      if (j < 0) throw new ParseError(this.line, this.col(this.pos), "unclosed quote '`'");
      value += this.src.slice(i, j);
      if (this.src[j + 1] !== "`") {
        i = j + 1;
        break;
      }
      value += "`";
      i = j + 2;
    }
    this.push("ident", value, this.src.slice(this.pos, i), i);
  }

  private string(q: string): void {
    const s = this.src;
    let i = this.pos + 1;
    let value = "";
    for (;;) {
      // Copy the run of plain characters up to the next backslash or quote in one slice.
      let j = i;
      while (j < s.length && s[j] !== "\\" && s[j] !== q) j++;
      value += s.slice(i, j);
      i = j;
      const c = s[i];
      if (c === undefined) throw new ParseError(this.line, this.col(this.pos), `unclosed quote ${JSON.stringify(q)}`);
      if (c === "\\") {
        const e = s[i + 1] ?? "";
        value += ESCAPES[e] ?? (e === "%" || e === "_" ? "\\" + e : e);
        i += 2;
      } else if (s[i + 1] === q) {
        value += q;
        i += 2;
      } else {
        i++;
        break;
      }
    }
    this.push("string", value, s.slice(this.pos, i), i);
  }

  private number(): void {
    const s = this.src;
    const hex = matchAt(HEX, s, this.pos);
    if (hex !== undefined && !isWordChar(s.charCodeAt(this.pos + hex.length)))
      return this.push("hex", hex, hex, this.pos + hex.length);
    const bit = matchAt(BIT, s, this.pos);
    if (bit !== undefined && !isWordChar(s.charCodeAt(this.pos + bit.length)))
      return this.push("bit", bit, bit, this.pos + bit.length);
    const m = matchAt(NUMBER, s, this.pos)!;
    if (isWordStart(s.charCodeAt(this.pos + m.length))) return this.word();
    this.push("number", m, m, this.pos + m.length);
  }

  private word(): void {
    const s = this.src;
    const first = s[this.pos];
    if ((first === "x" || first === "X" || first === "b" || first === "B") && s[this.pos + 1] === "'") {
      const lit = matchAt(QUOTED_LITERAL, s, this.pos);
      if (lit !== undefined)
        return this.push(first === "x" || first === "X" ? "hex" : "bit", lit, lit, this.pos + lit.length);
    }
    let end = this.pos + 1;
    for (let c = s.charCodeAt(end); isWordChar(c) || c >= 0x80; c = s.charCodeAt(end)) end++;
    const m = s.slice(this.pos, end);
    this.push("word", m, m, end);
  }
}
