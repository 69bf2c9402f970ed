/**
 * The parts of an `ALTER TABLE` statement an online schema-change tool takes apart: the table (and its schema when
 * qualified) and the clauses after the table name, without a trailing `;` or comments (pt-online-schema-change's
 * `--alter`).
 */
import { type Token, tokenize } from "../lexer.ts";
import { tokenOffset } from "./token-offset.ts";

/** An ALTER TABLE statement taken apart. */
export interface AlterBody {
  readonly schema?: string;
  readonly table: string;
  readonly clauses: string;
}

/** Takes an `ALTER [ONLINE] [IGNORE] TABLE name clauses` apart; undefined for any other statement. */
export function alterBody(text: string): AlterBody | undefined {
  let tokens: Token[];
  try {
    tokens = tokenize(text).filter((t) => t.kind !== "eof");
  } catch {
    return undefined;
  }
  const word = (i: number) => (tokens[i]?.kind === "word" ? tokens[i]!.value.toUpperCase() : "");
  if (word(0) !== "ALTER") return undefined;
  let i = 1;
  while (word(i) === "ONLINE" || word(i) === "IGNORE") i++;
  if (word(i) !== "TABLE") return undefined;
  i++;
  const name = (t: Token | undefined) => (t && (t.kind === "ident" || t.kind === "word") ? t.value : undefined);
  const first = name(tokens[i]);
  if (first === undefined) return undefined;
  let schema: string | undefined;
  let table = first;
  let end = tokens[i]!;
  if (tokens[i + 1]?.raw === "." && name(tokens[i + 2]) !== undefined) {
    schema = first;
    table = name(tokens[i + 2])!;
    end = tokens[i + 2]!;
  }
  while (tokens.length > 0 && tokens.at(-1)!.raw === ";") tokens.pop();
  const last = tokens.at(-1)!;
  if (last === end) return undefined;
  const clauses = text.slice(tokenOffset(text, end) + end.raw.length, tokenOffset(text, last) + last.raw.length).trim();
  return { ...(schema !== undefined ? { schema } : {}), table, clauses };
}
