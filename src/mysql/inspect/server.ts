/**
 * The server behind a connection: its flavour (from `@@version`) and its default charset and collation.
 */
import type { Row } from "../../db/types.ts";
import { charsetOfCollation, canonicalCharset, canonicalCollation } from "../charset.ts";
import { type Flavor, mariadb, mysql8 } from "../flavor.ts";
import { text } from "./values.ts";

/** What the first inspection query tells about the server. */
export interface ServerInfo {
  /** The flavour with the server's version and its own default charset/collation. */
  readonly flavor: Flavor;
  /** `@@lower_case_table_names` (0: case-sensitive names). */
  readonly lowerCaseTableNames: number;
}

/** Compares dotted version prefixes numerically: negative when a < b. */
function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The flavour of a version string: `MariaDB` in it means MariaDB; MySQL before 8.0.19 still reports display widths. */
export function flavorOfVersion(version: string): Flavor {
  const number = /^\d+(\.\d+)*/.exec(version)?.[0] ?? "0";
  if (/mariadb/i.test(version)) {
    const renames = compareVersions(number, "10.5.2") >= 0;
    return { ...mariadb, version: number, renameColumn: renames, renameIndex: renames };
  }
  return { ...mysql8, version: number, displayWidth: compareVersions(number, "8.0.19") < 0 };
}

/** Reads the server row (`SERVER_QUERY`) into ServerInfo. */
export function serverInfo(row: Row): ServerInfo {
  const base = flavorOfVersion(text(row, "version") ?? "");
  const collate = text(row, "collation");
  const charset = text(row, "charset");
  const defaults = collate
    ? { ...base.defaults, charset: charsetOfCollation(collate), collate: canonicalCollation(collate) }
    : charset
      ? { ...base.defaults, charset: canonicalCharset(charset) }
      : base.defaults;
  return { flavor: { ...base, defaults }, lowerCaseTableNames: Number(text(row, "lower_case") ?? 0) };
}
