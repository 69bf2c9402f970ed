/**
 * Atlas's statement scanner (`sql/migrate/lex.go`) with the MySQL/MariaDB options (`MatchBegin`, `BackslashEscapes`,
 * `HashComments`): splits a migration file into statements exactly as `atlas migrate apply` executes them.
 */
import { goQuoteBytes } from "../go/quote.ts";
import { decodeRune } from "../go/utf8.ts";
import { fromByteString, toByteString, trimLeftSpace, trimSpace } from "./bytestring.ts";
import { matchDirective, unescapeDelimiter } from "./dir/directive-match.ts";

/** One scanned statement: its text, byte offset in the file, and the comment group attached to it. */
export interface Stmt {
  readonly text: string;
  /** Byte offset of the statement start (after an `atlas:delimiter` first line: relative to the text after it). */
  readonly pos: number;
  readonly comments: readonly string[];
}

/** A file that cannot be split: unclosed quote or parenthesis, stray `)`, empty delimiter. */
export class SplitError extends Error {
  /** `line`/`col` are absent for "empty delimiter", which Atlas reports without a position. */
  constructor(
    readonly reason: string,
    readonly line?: number,
    readonly col?: number,
  ) {
    super(line === undefined ? reason : `${line}:${col}: ${reason}`);
    this.name = "SplitError";
  }
}

const EOS = -1;
const DEFAULT_DELIM = ";";
const DELIMITER_CMD = "delimiter";
// Go RE2's `\s` is [\t\n\f\r ] (no \v); sticky so they test at an offset without slicing.
const reBegin = /[\t\n\f\r ]*BEGIN[\t\n\f\r ]+/iy;
const reEnd = /^[\t\n\f\r ]*END[\t\n\f\r ]*/i;
const reDelimCmd = /^delimiter$/i;
const quoteNames: Record<number, string> = { 0x27: "'\\''", 0x22: "'\"'", 0x60: "'`'" };

interface RawStmt {
  pos: number;
  text: string;
  comments: string[];
}

/** A cheap necessary condition for reBegin to match at a character: it is a blank or the B of BEGIN. */
function mayBegin(c: number): boolean {
  return c === 0x42 || c === 0x62 || c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
}

/**
 * ASCII characters the scan loop passes over without effect wherever they are (past the first position): not a
 * parenthesis, quote or comment start, and unable to start a BEGIN (see mayBegin). The delimiter's first character
 * is excluded at run time.
 */
const PLAIN = new Uint8Array(0x80).map((_, c) => (mayBegin(c) || "()'\"`#-/".includes(String.fromCharCode(c)) ? 0 : 1));

function matchAt(re: RegExp, s: string, at: number): string | undefined {
  re.lastIndex = at;
  const m = re.exec(s);
  return m === null ? undefined : m[0];
}

/** One scanner state over a byte string; nested BEGIN … END blocks get a scanner of their own. */
class Scanner {
  private src = "";
  private input = "";
  private pos = 0;
  total = 0;
  private width = 0;
  private delim = DEFAULT_DELIM;
  private comments: string[] = [];

  init(input: string): void {
    this.src = input;
    this.input = input;
    const d = matchDirective(input, "delimiter", "-- ");
    if (d === undefined) return;
    this.setDelim(d);
    const nl = input.indexOf("\n");
    if (nl === -1) throw this.error(this.pos, `no input found after delimiter ${goQuoteBytes(d)}`);
    this.input = input.slice(nl + 1);
  }

  /** Scans the next statement; `undefined` at the end of the input. */
  stmt(): RawStmt | undefined {
    let depth = 0;
    let openingPos = 0;
    this.skipSpaces();
    for (;;) {
      this.skipPlain();
      const r = this.next();
      if (r === EOS) {
        if (depth > 0) throw this.error(openingPos, "unclosed '('");
        if (this.pos > 0) return this.emit(this.input);
        return undefined;
      }
      if (r === 0x28) {
        if (depth === 0) openingPos = this.pos;
        depth++;
      } else if (r === 0x29) {
        if (depth === 0) throw this.error(this.pos, "unexpected ')'");
        depth--;
      } else if (r === 0x27 || r === 0x22 || r === 0x60) {
        this.skipQuote(r);
      } else if (
        this.pos === 1 &&
        this.input.length > DELIMITER_CMD.length &&
        reDelimCmd.test(this.input.slice(0, DELIMITER_CMD.length))
      ) {
        this.addPos(DELIMITER_CMD.length - 1);
        this.delimCmd();
        this.skipSpaces();
      } else if (depth === 0 && this.input.startsWith(this.delim, this.pos - this.width)) {
        this.addPos(this.delim.length - this.width);
        return this.emit(this.input.slice(0, this.pos));
      } else if (r === 0x23) {
        this.comment("#", "\n");
      } else if (r === 0x2d && this.pick() === 0x2d) {
        this.next();
        this.comment("--", "\n");
      } else if (r === 0x2f && this.pick() === 0x2a) {
        this.next();
        this.comment("/*", "*/");
      } else if (mayBegin(r) && this.atBegin() && this.skipBegin()) {
        return this.emit(this.input.slice(0, this.pos));
      }
    }
  }

  // Either the statement starts with BEGIN, or BEGIN follows (at least) one space inside it.
  private atBegin(): boolean {
    if (this.delim !== DEFAULT_DELIM) return false;
    if (this.pos === 1) return matchAt(reBegin, this.input, 0) !== undefined;
    return (
      this.pos > 1 &&
      mayBegin(this.input.charCodeAt(this.pos - 2)) &&
      matchAt(reBegin, this.input, this.pos - 2) !== undefined
    );
  }

  /** Passes over a run of PLAIN characters at once (never the first one: position 1 may start a DELIMITER command). */
  private skipPlain(): void {
    if (this.pos === 0) return;
    const s = this.input;
    const delim = this.delim.charCodeAt(0);
    let p = this.pos;
    for (let c = s.charCodeAt(p); c < 0x80 && PLAIN[c] === 1 && c !== delim; c = s.charCodeAt(p)) p++;
    if (p === this.pos) return;
    this.width = 1;
    this.total += p - this.pos;
    this.pos = p;
  }

  private next(): number {
    if (this.pos >= this.input.length) return EOS;
    const b = this.input.charCodeAt(this.pos);
    if (b < 0x80) {
      // ASCII is one byte and one rune: no decoding needed.
      this.width = 1;
      this.addPos(1);
      return b;
    }
    const { r, w } = decodeRune(this.input, this.pos);
    this.width = w;
    this.addPos(w);
    return r;
  }

  private pick(): number {
    const p = this.pos;
    const w = this.width;
    const t = this.total;
    const r = this.next();
    this.pos = p;
    this.width = w;
    this.total = t;
    return r;
  }

  private addPos(p: number): void {
    this.pos += p;
    this.total += p;
  }

  private skipQuote(quote: number): void {
    const start = this.pos;
    for (;;) {
      const r = this.next();
      if (r === EOS) throw this.error(start, `unclosed quote ${quoteNames[quote]}`);
      if (r === 0x5c) this.next();
      else if (r === quote) return;
    }
  }

  // A failed attempt is "not a BEGIN block": Atlas drops the error and keeps scanning (the consumed BEGIN included).
  private skipBegin(): boolean {
    const m = matchAt(reBegin, this.input, this.pos - 1);
    if (m === undefined) return false;
    this.addPos(m.length - 1);
    const group = new Scanner();
    try {
      group.init(this.input.slice(this.pos));
      for (;;) {
        const stmt = group.stmt();
        if (stmt === undefined) return false;
        const end = reEnd.exec(stmt.text);
        if (end !== null && (end[0].length === stmt.text.length || stmt.text.slice(end[0].length) === this.delim))
          break;
      }
    } catch (e) {
      if (e instanceof SplitError) return false;
      throw e;
    }
    this.addPos(group.total);
    return true;
  }

  private comment(left: string, right: string): void {
    const i = this.input.indexOf(right, this.pos);
    if (i === -1) return; // Not a comment.
    const startsStatement = this.pos === left.length;
    this.addPos(i - this.pos + right.length);
    if (!startsStatement) return; // Inside a statement: stays in its text.
    this.comments.push(this.input.slice(0, this.pos));
    this.input = this.input.slice(this.pos);
    this.pos = 0;
    // A blank line detaches the comment group from the statement that follows.
    if (this.input.startsWith("\n\n") || (right === "\n" && this.input.startsWith("\n"))) this.comments = [];
    this.skipSpaces();
  }

  private skipSpaces(): void {
    const n = this.input.length;
    this.input = trimLeftSpace(this.input);
    this.total += n - this.input.length;
  }

  private emit(text: string): RawStmt {
    const stmt: RawStmt = { pos: this.total - text.length, text, comments: this.comments };
    this.input = this.input.slice(this.pos);
    this.pos = 0;
    this.comments = [];
    if (this.delim !== DEFAULT_DELIM && stmt.text.endsWith(this.delim))
      stmt.text = stmt.text.slice(0, -this.delim.length);
    stmt.text = trimSpace(stmt.text);
    return stmt;
  }

  // The MySQL client's `DELIMITER x` command: the rest of the line (optionally 'quoted') is the new delimiter.
  private delimCmd(): void {
    if (this.pick() !== 0x20) return;
    for (let r = this.pick(); r !== EOS && r !== 0x0a; r = this.next());
    let delim = trimSpace(this.input.slice(DELIMITER_CMD.length, this.pos));
    if (delim.startsWith("'") && delim.endsWith("'")) delim = delim.slice(1, -1).replaceAll("''", "'");
    this.setDelim(delim);
    this.emit(this.input.slice(0, this.pos));
  }

  private setDelim(d: string): void {
    if (d === "") throw new SplitError("empty delimiter");
    this.delim = unescapeDelimiter(d);
  }

  private error(pos: number, reason: string): SplitError {
    const p = this.src.length - this.input.length + pos;
    const before = this.src.slice(0, p);
    const line = before.split("\n").length;
    const col = line === 1 ? p : p - before.lastIndexOf("\n") - 1;
    return new SplitError(fromByteString(reason), line, col);
  }
}

/**
 * Splits a migration file into statements the way Atlas's MySQL driver does. Texts are trimmed; with the default `;`
 * delimiter the `;` is kept, a custom delimiter (`-- atlas:delimiter`, `DELIMITER`) is stripped. Raw bytes are
 * scanned as they are (as Go does); `pos` is a byte offset.
 */
export function splitStatements(input: string | Uint8Array): Stmt[] {
  const scanner = new Scanner();
  scanner.init(toByteString(input));
  const stmts: Stmt[] = [];
  for (let s = scanner.stmt(); s !== undefined; s = scanner.stmt()) {
    stmts.push({ text: fromByteString(s.text), pos: s.pos, comments: s.comments.map(fromByteString) });
  }
  return stmts;
}

/**
 * The text to send to the server for a statement. A statement that is only its delimiter after versioned comments
 * (`/*!40101 SET NAMES utf8 *\/;`, which the splitter, like Atlas's, takes for a leading comment) is those comments:
 * the server runs or ignores them by its version, where the bare `;` would fail with "Query was empty".
 */
export function serverText(stmt: Stmt): string {
  if (stmt.text !== ";" && stmt.text !== "") return stmt.text;
  const versioned = stmt.comments.filter((c) => /^\/\*M?!/.test(c));
  return versioned.length > 0 ? versioned.join("\n") : stmt.text;
}
