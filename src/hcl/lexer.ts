/**
 * Tokens of the HCL subset that `atlas.hcl` files use: identifiers, numbers, quoted templates (with `${…}` kept as
 * source for the parser), heredocs, punctuation and newlines; `#`, `//` and block comments are skipped.
 */
import { HclError, type Pos } from "./errors.ts";

/** A piece of a template: literal text, or the source of one `${…}` interpolation and where it starts. */
export type TemplatePart = { readonly text: string } | { readonly source: string; readonly pos: Pos };

/** One token. `template` carries the parts of a quoted string or heredoc. */
export type Token =
  | { readonly kind: "ident" | "number" | "punct"; readonly text: string; readonly pos: Pos }
  | { readonly kind: "newline" | "eof"; readonly text: string; readonly pos: Pos }
  | { readonly kind: "template"; readonly text: string; readonly parts: readonly TemplatePart[]; readonly pos: Pos };

const PUNCT = new Set(["{", "}", "[", "]", "(", ")", "=", ",", ".", ":", "-"]);
const ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", '"': '"', "\\": "\\" };

/** A lexer over one source text; `origin` shifts positions when the text is an interpolation inside a file. */
class Lexer {
  private i = 0;
  private line: number;
  private col: number;
  private readonly tokens: Token[] = [];

  constructor(
    private readonly src: string,
    private readonly file: string,
    origin: Pos,
  ) {
    this.line = origin.line;
    this.col = origin.col;
  }

  private pos(): Pos {
    return { line: this.line, col: this.col };
  }

  private fail(message: string, pos: Pos = this.pos()): never {
    throw new HclError(this.file, message, pos);
  }

  private advance(n = 1): string {
    const s = this.src.slice(this.i, this.i + n);
    for (const ch of s) {
      if (ch === "\n") this.line++, (this.col = 1);
      else this.col++;
    }
    this.i += n;
    return s;
  }

  private skipComment(): boolean {
    const two = this.src.slice(this.i, this.i + 2);
    if (this.src[this.i] === "#" || two === "//") {
      while (this.i < this.src.length && this.src[this.i] !== "\n") this.advance();
      return true;
    }
    if (two !== "/*") return false;
    const start = this.pos();
    const end = this.src.indexOf("*/", this.i + 2);
    if (end === -1) this.fail("unterminated block comment", start);
    this.advance(end + 2 - this.i);
    return true;
  }

  run(): Token[] {
    while (this.i < this.src.length) {
      const ch = this.src[this.i];
      if (ch === " " || ch === "\t" || ch === "\r") this.advance();
      else if (this.skipComment()) continue;
      else if (ch === "\n") this.tokens.push({ kind: "newline", pos: this.pos(), text: this.advance() });
      else this.token(ch);
    }
    this.tokens.push({ kind: "eof", text: "", pos: this.pos() });
    return this.tokens;
  }

  private token(ch: string): void {
    const pos = this.pos();
    const rest = this.src.slice(this.i);
    const word = /^[\p{ID_Start}_][\p{ID_Continue}-]*/u.exec(rest);
    const num = /^\d+(\.\d+)?([eE][-+]?\d+)?/.exec(rest);
    if (word) this.tokens.push({ kind: "ident", text: this.advance(word[0].length), pos });
    else if (num) this.tokens.push({ kind: "number", text: this.advance(num[0].length), pos });
    else if (ch === '"') this.tokens.push({ kind: "template", text: '"', parts: this.quoted(), pos });
    else if (rest.startsWith("<<")) this.tokens.push({ kind: "template", text: "<<", parts: this.heredoc(), pos });
    else if (PUNCT.has(ch)) this.tokens.push({ kind: "punct", text: this.advance(), pos });
    else this.fail(`unexpected character ${JSON.stringify(ch)}`);
  }

  /** Reads `${…}` at the cursor: returns its inner source, skipping nested braces and strings. */
  private interpolation(): TemplatePart {
    const open = this.pos();
    this.advance(2);
    const pos = this.pos();
    const start = this.i;
    let depth = 0;
    for (;;) {
      const c = this.src[this.i];
      if (c === undefined || c === "\n") this.fail("unterminated template interpolation", open);
      if (c === '"') this.quoted();
      else if (c === "{") depth++, this.advance();
      else if (c === "}" && depth === 0) break;
      else if (c === "}") depth--, this.advance();
      else this.advance();
    }
    const source = this.src.slice(start, this.i);
    this.advance();
    return { source, pos };
  }

  private quoted(): TemplatePart[] {
    const start = this.pos();
    this.advance();
    const parts: TemplatePart[] = [];
    let text = "";
    for (;;) {
      const c = this.src[this.i];
      if (c === undefined || c === "\n") this.fail("unterminated string", start);
      if (c === '"') break;
      if (this.src.startsWith("$${", this.i) || this.src.startsWith("%%{", this.i)) text += this.advance(3).slice(1);
      else if (this.src.startsWith("${", this.i)) {
        if (text) parts.push({ text });
        text = "";
        parts.push(this.interpolation());
      } else if (c === "\\") text += this.escape();
      else text += this.advance();
    }
    this.advance();
    if (text || parts.length === 0) parts.push({ text });
    return parts;
  }

  private escape(): string {
    const pos = this.pos();
    this.advance();
    const c = this.src[this.i] ?? "";
    if (c in ESCAPES) return (this.advance(), ESCAPES[c]);
    const hex =
      c === "u" ? /^u([0-9a-fA-F]{4})/.exec(this.src.slice(this.i)) : /^U([0-9a-fA-F]{8})/.exec(this.src.slice(this.i));
    if (!hex) this.fail(`invalid escape sequence \\${c}`, pos);
    this.advance(hex[0].length);
    return String.fromCodePoint(parseInt(hex[1], 16));
  }

  private heredoc(): TemplatePart[] {
    const start = this.pos();
    const head = /^<<(-?)([A-Za-z_][A-Za-z0-9_]*)\r?\n/.exec(this.src.slice(this.i));
    if (!head) this.fail("invalid heredoc: expected <<MARKER or <<-MARKER then a newline", start);
    this.advance(head[0].length);
    const lines: { text: string; pos: Pos }[] = [];
    for (;;) {
      if (this.i >= this.src.length) this.fail(`unterminated heredoc, expected ${head[2]}`, start);
      const pos = this.pos();
      const nl = this.src.indexOf("\n", this.i);
      const line = this.src.slice(this.i, nl === -1 ? undefined : nl);
      if (line.trim() === head[2]) return (this.advance(line.length), heredocParts(lines, head[1] === "-"));
      lines.push({ text: line, pos });
      this.advance(line.length + (nl === -1 ? 0 : 1));
    }
  }
}

/** Heredoc content: `<<-` strips the smallest indentation; `${…}` interpolates as in quoted strings; no escapes. */
function heredocParts(lines: { text: string; pos: Pos }[], indented: boolean): TemplatePart[] {
  const indents = lines.filter((l) => l.text.trim() !== "").map((l) => /^[ \t]*/.exec(l.text)![0].length);
  const cut = indented && indents.length > 0 ? Math.min(...indents) : 0;
  const parts: TemplatePart[] = [];
  for (const l of lines) {
    const text = l.text.slice(cut) + "\n";
    const origin = { line: l.pos.line, col: l.pos.col + cut };
    for (const p of splitInterpolations(text, origin)) parts.push(p);
  }
  return parts.length > 0 ? parts : [{ text: "" }];
}

function splitInterpolations(text: string, origin: Pos): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const m of text.matchAll(/(\$\$\{)|\$\{([^}]*)\}/g)) {
    const at = m.index ?? 0;
    if (m[1]) {
      parts.push({ text: text.slice(last, at) + "${" });
    } else {
      if (at > last) parts.push({ text: text.slice(last, at) });
      parts.push({ source: m[2] ?? "", pos: { line: origin.line, col: origin.col + at + 2 } });
    }
    last = at + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** Splits HCL source into tokens; `origin` is where the text starts in `file` (1:1 for a whole file). */
export function tokenize(src: string, file: string, origin: Pos = { line: 1, col: 1 }): Token[] {
  return new Lexer(src, file, origin).run();
}
