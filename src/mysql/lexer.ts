/**
 * The MySQL/MariaDB tokenizer: turns one statement's text into tokens that carry their line and column.
 */

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

const OPERATORS = ["<=>", "->>", "<<", ">>", "<=", ">=", "<>", "!=", "||", "&&", ":=", "->", "=", "<", ">", "+", "-", "*", "/", "%", "^", "&", "|", "~", "!", "(", ")", ",", ".", ";", "@", "?", "{", "}"];
const ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", "0": "\0", b: "\b", Z: "\x1a", "\\": "\\", "'": "'", '"': '"' };

/** Splits SQL text into tokens; comments are skipped and `/*!NNNNN … *\/` conditional comments yield their content. */
export function tokenize(sql: string): Token[] {
  return new Lexer(sql).run();
}

class Lexer {
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  private space = false;
  /** Depth of open conditional comments (`/*!…`): their closing star-slash is skipped. */
  private conditional = 0;
  private readonly out: Token[] = [];

  constructor(private readonly src: string) {}

  run(): Token[] {
    while (this.pos < this.src.length) this.step();
    this.out.push(this.token("eof", "", "", this.pos));
    return this.out;
  }

  private step(): void {
    const s = this.src;
    const c = s[this.pos]!;
    if (c === "\n" || c === " " || c === "\t" || c === "\r" || c === "\f" || c === "\v") return this.blank(1);
    if (c === "#" || (c === "-" && s[this.pos + 1] === "-" && /[\s]/.test(s[this.pos + 2] ?? " "))) return this.lineComment();
    if (c === "/" && s[this.pos + 1] === "*") return this.blockComment();
    if (c === "*" && s[this.pos + 1] === "/" && this.conditional > 0) {
      this.conditional--;
      return this.blank(2);
    }
    if (c === "`") return this.quotedIdent();
    if (c === "'" || c === '"') return this.string(c);
    if (/[0-9]/.test(c) || (c === "." && /[0-9]/.test(s[this.pos + 1] ?? ""))) return this.number();
    if (/[A-Za-z_$\u0080-\uffff]/.test(c)) return this.word();
    const op = OPERATORS.find((o) => s.startsWith(o, this.pos));
    if (!op) throw new ParseError(this.line, this.col(this.pos), `unexpected character ${JSON.stringify(c)}`);
    this.push("op", op, op, this.pos + op.length);
  }

  private col(at: number): number {
    return at - this.lineStart + 1;
  }

  private token(kind: TokenKind, value: string, raw: string, start: number): Token {
    return { kind, value, raw, line: this.line, column: this.col(start), spaceBefore: this.space };
  }

  private push(kind: TokenKind, value: string, raw: string, end: number): void {
    this.out.push(this.token(kind, value, raw, this.pos));
    this.advance(end);
    this.space = false;
  }

  private advance(end: number): void {
    for (let i = this.pos; i < end; i++) {
      if (this.src[i] === "\n") {
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
    const m = /^\/\*!(\d{5,6})?/.exec(this.src.slice(this.pos, this.pos + 10));
    if (m) {
      this.conditional++;
      return this.blank(m[0].length);
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
    let i = this.pos + 1;
    let value = "";
    for (;;) {
      const c = this.src[i];
      if (c === undefined) throw new ParseError(this.line, this.col(this.pos), `unclosed quote ${JSON.stringify(q)}`);
      if (c === "\\") {
        const e = this.src[i + 1] ?? "";
        value += ESCAPES[e] ?? (e === "%" || e === "_" ? "\\" + e : e);
        i += 2;
      } else if (c === q && this.src[i + 1] === q) {
        value += q;
        i += 2;
      } else if (c === q) {
        i++;
        break;
      } else {
        value += c;
        i++;
      }
    }
    this.push("string", value, this.src.slice(this.pos, i), i);
  }

  private number(): void {
    const rest = this.src.slice(this.pos);
    const hex = /^0x[0-9a-fA-F]+/.exec(rest);
    if (hex && !/[\w$]/.test(rest[hex[0].length] ?? "")) return this.push("hex", hex[0], hex[0], this.pos + hex[0].length);
    const bit = /^0b[01]+/.exec(rest);
    if (bit && !/[\w$]/.test(rest[bit[0].length] ?? "")) return this.push("bit", bit[0], bit[0], this.pos + bit[0].length);
    const m = /^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?/i.exec(rest)!;
    if (/[A-Za-z_$]/.test(rest[m[0].length] ?? "")) return this.word();
    this.push("number", m[0], m[0], this.pos + m[0].length);
  }

  private word(): void {
    const rest = this.src.slice(this.pos);
    const lit = /^([xXbB])'([0-9a-fA-F]*)'/.exec(rest);
    if (lit) return this.push(lit[1]!.toLowerCase() === "x" ? "hex" : "bit", lit[0], lit[0], this.pos + lit[0].length);
    const m = /^[\w$\u0080-\uffff]+/.exec(rest)!;
    this.push("word", m[0], m[0], this.pos + m[0].length);
  }
}
