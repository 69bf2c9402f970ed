/**
 * Recursive-descent parser for the `atlas.hcl` subset: bodies (attributes, labelled blocks) and expressions
 * (literals, templates, heredocs, traversals like `var.x` / `data.a.b.url`, function calls, lists, objects).
 */
import type { Attribute, Block, Body, Expr, Step } from "./ast.ts";
import { tokenize, type TemplatePart, type Token } from "./lexer.ts";
import { HclError, type Pos } from "./errors.ts";

const KEYWORDS: Record<string, boolean | null> = { true: true, false: false, null: null };

class Parser {
  private i = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly file: string,
  ) {}

  private peek(): Token {
    return this.tokens[this.i]!;
  }

  private next(): Token {
    return this.tokens[this.i++]!;
  }

  private fail(message: string, tok: Token = this.peek()): never {
    throw new HclError(this.file, message, tok.pos);
  }

  private describe(tok: Token): string {
    return tok.kind === "eof" ? "end of file" : tok.kind === "newline" ? "newline" : JSON.stringify(tok.text);
  }

  private isPunct(text: string): boolean {
    const t = this.peek();
    return t.kind === "punct" && t.text === text;
  }

  private expect(text: string): Token {
    if (!this.isPunct(text)) this.fail(`expected ${JSON.stringify(text)}, found ${this.describe(this.peek())}`);
    return this.next();
  }

  private skipNewlines(): void {
    while (this.peek().kind === "newline") this.i++;
  }

  body(closing: boolean): Body {
    const attrs: Attribute[] = [];
    const blocks: Block[] = [];
    for (this.skipNewlines(); this.peek().kind !== "eof" && !(closing && this.isPunct("}")); this.skipNewlines()) {
      const name = this.peek();
      if (name.kind !== "ident") this.fail(`expected an attribute or block, found ${this.describe(name)}`);
      this.next();
      if (this.isPunct("=")) {
        if (attrs.some((a) => a.name === name.text))
          this.fail(`attribute ${JSON.stringify(name.text)} is defined twice`, name);
        this.next();
        attrs.push({ name: name.text, expr: this.expr(), pos: name.pos });
        this.endOfItem();
      } else blocks.push(this.block(name));
    }
    if (this.peek().kind === "eof" && closing) this.fail('expected "}", found end of file');
    return { attrs, blocks };
  }

  /** Fails unless every token was read. */
  end(): void {
    if (this.peek().kind !== "eof") this.fail(`unexpected ${this.describe(this.peek())} after the expression`);
  }

  private endOfItem(): void {
    const t = this.peek();
    if (t.kind !== "newline" && t.kind !== "eof" && !this.isPunct("}"))
      this.fail(`expected a newline after the attribute, found ${this.describe(t)}`);
  }

  private block(name: Token): Block {
    const labels: string[] = [];
    for (let t = this.peek(); !this.isPunct("{"); t = this.peek()) {
      if (t.kind === "ident") labels.push(this.next().text);
      else if (t.kind === "template" && t.text === '"' && t.parts.every((p) => "text" in p)) {
        labels.push(t.parts.map((p) => ("text" in p ? p.text : "")).join(""));
        this.next();
      } else this.fail(`expected a block label or "{", found ${this.describe(t)}`);
    }
    this.next();
    const body = this.body(true);
    this.expect("}");
    this.endOfItem();
    return { type: name.text, labels, body, pos: name.pos };
  }

  expr(): Expr {
    let e = this.primary();
    for (;;) {
      if (this.isPunct(".")) {
        const dot = this.next();
        const step = this.next();
        if (step.kind !== "ident" && step.kind !== "number")
          this.fail(`expected a name after ".", found ${this.describe(step)}`, step);
        e = this.step(e, { attr: step.text }, dot.pos);
      } else if (this.isPunct("[") && e.kind === "traversal") {
        const open = this.next();
        this.skipNewlines();
        const index = this.expr();
        this.skipNewlines();
        this.expect("]");
        e = this.step(e, { index }, open.pos);
      } else return e;
    }
  }

  private step(e: Expr, step: Step, pos: Pos): Expr {
    if (e.kind !== "traversal")
      throw new HclError(this.file, "only variables and references can be followed by . or [", pos);
    return { ...e, steps: [...e.steps, step] };
  }

  private primary(): Expr {
    const t = this.next();
    if (t.kind === "number") return { kind: "literal", value: Number(t.text), pos: t.pos };
    if (t.kind === "template") return this.template(t.parts, t.pos);
    if (t.kind === "punct") return this.punctuated(t);
    if (t.kind !== "ident") return this.fail(`expected an expression, found ${this.describe(t)}`, t);
    if (t.text in KEYWORDS) return { kind: "literal", value: KEYWORDS[t.text]!, pos: t.pos };
    return this.isPunct("(") ? this.call(t) : { kind: "traversal", root: t.text, steps: [], pos: t.pos };
  }

  private punctuated(t: Token): Expr {
    if (t.text === "[") return { kind: "list", items: this.sequence("]", () => this.expr()), pos: t.pos };
    if (t.text === "{") return { kind: "object", items: this.sequence("}", () => this.objectItem()), pos: t.pos };
    if (t.text === "-" && this.peek().kind === "number")
      return { kind: "literal", value: -Number(this.next().text), pos: t.pos };
    if (t.text === "(") {
      this.skipNewlines();
      const inner = this.expr();
      this.skipNewlines();
      this.expect(")");
      return inner;
    }
    return this.fail(`expected an expression, found ${this.describe(t)}`, t);
  }

  private objectItem(): { key: string; value: Expr } {
    const k = this.next();
    const key =
      k.kind === "ident"
        ? k.text
        : k.kind === "template"
          ? k.parts.map((p) => ("text" in p ? p.text : "")).join("")
          : this.fail(`expected an object key, found ${this.describe(k)}`, k);
    if (!this.isPunct("=") && !this.isPunct(":"))
      this.fail(`expected "=" or ":" after object key, found ${this.describe(this.peek())}`);
    this.next();
    return { key, value: this.expr() };
  }

  private call(name: Token): Expr {
    this.next();
    return { kind: "call", name: name.text, args: this.sequence(")", () => this.expr()), pos: name.pos };
  }

  /** Items separated by commas (or newlines, for objects) up to `close`, a trailing comma allowed. */
  private sequence<T>(close: string, item: () => T): T[] {
    const items: T[] = [];
    for (this.skipNewlines(); !this.isPunct(close); this.skipNewlines()) {
      items.push(item());
      this.skipNewlines();
      if (this.isPunct(",")) this.next();
      else if (!this.isPunct(close) && close !== "}")
        this.fail(`expected "," or ${JSON.stringify(close)}, found ${this.describe(this.peek())}`);
    }
    this.next();
    return items;
  }

  private template(parts: readonly TemplatePart[], pos: Pos): Expr {
    const out = parts.map((p) =>
      "text" in p ? { text: p.text } : { expr: parseExpression(p.source, this.file, p.pos) },
    );
    return { kind: "template", parts: out, pos };
  }
}

/** Parses one expression's source (an interpolation) starting at `pos` in `file`. */
export function parseExpression(src: string, file: string, pos: Pos): Expr {
  const p = new Parser(tokenize(src, file, pos), file);
  const e = p.expr();
  p.end();
  return e;
}

/** Parses a whole HCL file into its top-level body; syntax errors are HclErrors with a position. */
export function parseHcl(src: string, file: string): Body {
  return new Parser(tokenize(src, file), file).body(false);
}
