/**
 * Character sets and collations: aliases, each charset's default collation, and a collation's charset,
 * for MySQL 8 and MariaDB (the common charsets; both servers agree except on utf8mb4 and gb18030).
 */
import type { Flavor } from "./flavor.ts";

const DEFAULT_COLLATION: Record<string, string> = {
  armscii8: "armscii8_general_ci",
  ascii: "ascii_general_ci",
  big5: "big5_chinese_ci",
  binary: "binary",
  cp1250: "cp1250_general_ci",
  cp1251: "cp1251_general_ci",
  cp1256: "cp1256_general_ci",
  cp1257: "cp1257_general_ci",
  cp850: "cp850_general_ci",
  cp852: "cp852_general_ci",
  cp866: "cp866_general_ci",
  cp932: "cp932_japanese_ci",
  dec8: "dec8_swedish_ci",
  eucjpms: "eucjpms_japanese_ci",
  euckr: "euckr_korean_ci",
  gb2312: "gb2312_chinese_ci",
  gbk: "gbk_chinese_ci",
  geostd8: "geostd8_general_ci",
  greek: "greek_general_ci",
  hebrew: "hebrew_general_ci",
  hp8: "hp8_english_ci",
  keybcs2: "keybcs2_general_ci",
  koi8r: "koi8r_general_ci",
  koi8u: "koi8u_general_ci",
  latin1: "latin1_swedish_ci",
  latin2: "latin2_general_ci",
  latin5: "latin5_turkish_ci",
  latin7: "latin7_general_ci",
  macce: "macce_general_ci",
  macroman: "macroman_general_ci",
  sjis: "sjis_japanese_ci",
  swe7: "swe7_swedish_ci",
  tis620: "tis620_thai_ci",
  ucs2: "ucs2_general_ci",
  ujis: "ujis_japanese_ci",
  utf16: "utf16_general_ci",
  utf16le: "utf16le_general_ci",
  utf32: "utf32_general_ci",
  utf8mb3: "utf8mb3_general_ci",
  utf8mb4: "utf8mb4_general_ci",
};

/** Charset names longest first, so `utf16le_…` is matched before `utf16_…`. */
const BY_LENGTH = [...Object.keys(DEFAULT_COLLATION), "gb18030"].sort((a, b) => b.length - a.length);

/** A charset or collation name the tables do not know. */
export class UnknownCharsetError extends Error {
  constructor(readonly charsetName: string) {
    super(`unknown character set or collation ${JSON.stringify(charsetName)}`);
    this.name = "UnknownCharsetError";
  }
}

/** The canonical charset name: lower-case, `utf8` → `utf8mb3`. */
export function canonicalCharset(name: string): string {
  const n = name.toLowerCase();
  return n === "utf8" ? "utf8mb3" : n;
}

/** The canonical collation name: lower-case, `utf8_…` → `utf8mb3_…`. */
export function canonicalCollation(name: string): string {
  const n = name.toLowerCase();
  return n.startsWith("utf8_") ? "utf8mb3_" + n.slice(5) : n;
}

/** The default collation of a charset on a flavour; throws UnknownCharsetError for an unknown charset. */
export function defaultCollation(charset: string, flavor: Flavor): string {
  const cs = canonicalCharset(charset);
  const found = flavor.collationOverrides[cs] ?? DEFAULT_COLLATION[cs];
  if (!found) throw new UnknownCharsetError(charset);
  return found;
}

/** Collation → charset answers already found (the names come from a fixed set, so this stays small). */
const charsetOf = new Map<string, string>();

/** The charset a collation belongs to; throws UnknownCharsetError for an unknown collation. */
export function charsetOfCollation(collation: string): string {
  const known = charsetOf.get(collation);
  if (known !== undefined) return known;
  const co = canonicalCollation(collation);
  if (co === "binary") return "binary";
  const cs = BY_LENGTH.find((c) => co.startsWith(c + "_"));
  if (!cs) throw new UnknownCharsetError(collation);
  charsetOf.set(collation, cs);
  return cs;
}

/** Resolves an optional charset and collation to both (collation wins; the charset alone gives its default collation). */
export function resolveCharset(
  charset: string | undefined,
  collate: string | undefined,
  flavor: Flavor,
): { charset: string; collate: string } | undefined {
  if (collate) return { charset: charsetOfCollation(collate), collate: canonicalCollation(collate) };
  if (charset) return { charset: canonicalCharset(charset), collate: defaultCollation(charset, flavor) };
  return undefined;
}
