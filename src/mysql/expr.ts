/**
 * canonicalExpr: the one canonical text of a SQL expression (checks, generated columns, expression defaults, index
 * expressions), so that formatting, quoting and letter case never make two equal expressions differ.
 */
import { ParseError, tokenize, type Token } from "./lexer.ts";
import { ident, quoteString } from "./sql.ts";

/** Words that are operators or syntax, never identifiers, and are written lower-case with spaces around them. */
const KEYWORDS = new Set([
  "and",
  "or",
  "not",
  "xor",
  "is",
  "null",
  "true",
  "false",
  "unknown",
  "in",
  "like",
  "between",
  "case",
  "when",
  "then",
  "else",
  "end",
  "div",
  "mod",
  "regexp",
  "rlike",
  "escape",
  "binary",
  "collate",
  "distinct",
  "as",
  "exists",
  "sounds",
  "asc",
  "desc",
  "separator",
  "from",
  "for",
  "using",
  "both",
  "leading",
  "trailing",
  "signed",
  "unsigned",
  "interval",
  "current_timestamp",
  "current_date",
  "current_time",
  "localtime",
  "localtimestamp",
  "current_user",
  "utc_date",
  "utc_time",
  "utc_timestamp",
  "all",
  "any",
  "some",
  "with",
  "rollup",
  "over",
  "partition",
  "order",
  "by",
]);

/** Keywords that stay keywords even when a `(` follows them (they are not functions). */
const OPERATOR_KEYWORDS = new Set([
  "and",
  "or",
  "not",
  "xor",
  "in",
  "is",
  "like",
  "between",
  "case",
  "when",
  "then",
  "else",
  "exists",
  "regexp",
  "rlike",
  "div",
  "escape",
  "as",
  "all",
  "any",
  "some",
  "over",
  "by",
]);

/** Words that make a typed literal when a string follows them. */
const TYPED_LITERAL = new Set(["date", "time", "timestamp"]);

/** Function names the servers spell differently (MariaDB stores `lower` as `lcase`, `%` as `MOD`, …): one spelling each. */
const FUNCTION_SYNONYMS: Record<string, string> = {
  lcase: "lower",
  ucase: "upper",
  substring: "substr",
  mid: "substr",
  character_length: "char_length",
  octet_length: "length",
  power: "pow",
  ceil: "ceiling",
  day: "dayofmonth",
};

/** Operators with a synonym the servers may print instead. */
const OPERATOR_SYNONYMS: Record<string, string> = { "!=": "<>", "&&": "and", "%": "mod" };

/** Charset introducers (`_utf8mb4'a'`) are dropped: the servers add or keep them inconsistently. */
const INTRODUCER =
  /^_(utf8mb4|utf8mb3|utf8|latin1|ascii|ucs2|utf16|utf16le|utf32|cp1251|cp1250|latin2|big5|gbk|sjis)$/i;

/** The canonical text of an expression; throws ParseError on text the lexer cannot read. */
export function canonicalExpr(text: string): string {
  return exprFromTokens(tokenize(text).filter((t) => t.kind !== "eof"));
}

/** The canonical text of an expression given as tokens (e.g. the inside of `CHECK (…)`). */
export function exprFromTokens(tokens: readonly Token[]): string {
  const toks = stripOuterParens(
    tokens.filter((t, k) => !(t.kind === "word" && INTRODUCER.test(t.value) && tokens[k + 1]?.kind === "string")),
  );
  if (toks.length === 0) throw new ParseError(tokens[0]?.line ?? 1, tokens[0]?.column ?? 1, "empty expression");
  const words = toks.map((_t, k) => render(toks, k));
  let out = "";
  for (let k = 0; k < toks.length; k++) out += (k > 0 && spaced(toks, words, k) ? " " : "") + words[k];
  return out;
}

/** Removes parentheses that wrap the whole expression. */
function stripOuterParens(toks: readonly Token[]): readonly Token[] {
  let cur = toks;
  while (cur.length >= 2 && isOp(cur[0], "(") && matching(cur, 0) === cur.length - 1) cur = cur.slice(1, -1);
  return cur;
}

function matching(toks: readonly Token[], open: number): number {
  let depth = 0;
  for (let k = open; k < toks.length; k++) {
    if (isOp(toks[k], "(")) depth++;
    if (isOp(toks[k], ")") && --depth === 0) return k;
  }
  return -1;
}

function isOp(t: Token | undefined, v: string): boolean {
  return t !== undefined && t.kind === "op" && t.value === v;
}

type Role = "keyword" | "function" | "name";

/** Whether a bare word is a keyword, a function name, or an identifier, from the words around it. */
function roleOf(toks: readonly Token[], k: number): Role {
  const w = toks[k]!.value.toLowerCase();
  const prev = toks[k - 1];
  const next = toks[k + 1];
  if (isOp(prev, ".") || isOp(next, ".")) return "name";
  const prevWord = prev?.kind === "word" ? prev.value.toLowerCase() : "";
  if (prevWord === "collate" || prevWord === "using" || prevWord === "as")
    return isOp(next, "(") ? "function" : "keyword";
  if (toks[k - 2]?.kind === "word" && toks[k - 2]!.value.toLowerCase() === "interval") return "keyword";
  if (next?.kind === "word" && next.value.toLowerCase() === "from" && /^[a-z_]+$/.test(w) && w !== "distinct")
    return "keyword";
  // A typed literal (`DATE '2020-01-01'`): the type word is syntax, never a column.
  if (next?.kind === "string" && TYPED_LITERAL.has(w)) return "keyword";
  if (isOp(next, "(") && !OPERATOR_KEYWORDS.has(w) && !(w === "interval" && next!.spaceBefore)) return "function";
  return KEYWORDS.has(w) ? "keyword" : "name";
}

function render(toks: readonly Token[], k: number): string {
  const t = toks[k]!;
  switch (t.kind) {
    case "ident":
      return ident(t.value);
    case "string":
      return quoteString(t.value);
    case "hex":
    case "bit":
      return t.value.toLowerCase();
    case "word": {
      const role = roleOf(toks, k);
      const w = t.value.toLowerCase();
      return role === "name" ? ident(t.value) : role === "function" ? (FUNCTION_SYNONYMS[w] ?? w) : w;
    }
    case "op":
      return OPERATOR_SYNONYMS[t.value] ?? t.value;
    case "number":
    case "eof":
      return t.value;
  }
}

/** True when a token is a prefix (unary) operator: `-`, `+`, `~`, `!` not after an operand. */
function isUnary(toks: readonly Token[], words: readonly string[], k: number): boolean {
  const t = toks[k]!;
  if (t.kind !== "op" || !["-", "+", "~", "!"].includes(t.value)) return false;
  const prev = toks[k - 1];
  if (!prev) return true;
  if (prev.kind === "op") return prev.value !== ")";
  return (
    prev.kind === "word" &&
    roleOf(toks, k - 1) === "keyword" &&
    !["null", "true", "false", "unknown", "end"].includes(words[k - 1]!) &&
    !/^(current|local|utc)/.test(words[k - 1]!)
  );
}

/** Whether a space goes between token k-1 and token k. */
function spaced(toks: readonly Token[], words: readonly string[], k: number): boolean {
  const prev = toks[k - 1]!;
  const t = toks[k]!;
  if (isOp(prev, "(") || isOp(prev, ".") || isOp(t, ".") || isOp(t, ")") || isOp(t, ",")) return false;
  if (isUnary(toks, words, k - 1)) return false;
  if (isOp(t, "(")) return !(prev.kind === "word" && roleOf(toks, k - 1) === "function");
  return true;
}
