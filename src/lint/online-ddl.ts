/**
 * How InnoDB executes each table change, per flavour: without touching rows (instant / in place, no rebuild), by
 * rebuilding the table in place (concurrent writes allowed, time proportional to its size), or by copying it
 * (ALGORITHM=COPY: writes blocked for the whole copy).
 *
 * | change                                   | MySQL 8.0.40 | MariaDB 10.11 |
 * |------------------------------------------|--------------|---------------|
 * | add column (any position), virtual       | instant [1]  | instant [2]   |
 * | add STORED generated column              | copy [1]     | copy [2]      |
 * | add AUTO_INCREMENT column                | rebuild [1]  | rebuild [3]   |
 * | drop column                              | instant [1]  | instant [2]   |
 * | rename column, default, comment          | instant [1]  | instant [2]   |
 * | move column (FIRST / AFTER)              | rebuild [1]  | instant [2]   |
 * | change data type                         | copy [1]     | copy [2]      |
 * | extend VARCHAR/VARBINARY                 | in place if the length prefix stays 1 or 2 bytes, else copy [1] | instant [2] |
 * | append ENUM/SET members                  | instant [1]  | instant [2]   |
 * | other ENUM/SET member change             | copy [1]     | copy [2]      |
 * | column charset/collation                 | copy [1]     | copy [2]      |
 * | NULL ↔ NOT NULL                          | rebuild [1]  | rebuild [2]   |
 * | generated expression/storage             | copy [1]     | copy [3]      |
 * | add/drop/rename secondary index          | no rebuild [1] | no rebuild [2] |
 * | add first FULLTEXT index                 | rebuild [1]  | rebuild [2]   |
 * | add primary key; drop+add in one stmt    | rebuild [1]  | rebuild [2]   |
 * | drop primary key alone                   | copy [1]     | copy [2]      |
 * | add foreign key (foreign_key_checks=1)   | copy [1]     | copy [2]      |
 * | drop foreign key, drop CHECK             | no rebuild [1] | instant [2] |
 * | add CHECK                                | copy [3]     | copy [2]      |
 * | CONVERT TO CHARACTER SET                 | copy [1]     | copy [2]      |
 * | table default charset                    | rebuild [1]  | instant [2]   |
 * | change ENGINE                            | copy [1]     | copy [3]      |
 * | table comment, AUTO_INCREMENT            | instant [1]  | instant [2]   |
 * | PARTITION BY, REMOVE PARTITIONING        | copy [1]     | copy [3]      |
 * | ADD/COALESCE PARTITION of HASH/KEY       | copy [1]     | copy [3]      |
 * | ADD/DROP PARTITION of RANGE/LIST         | no rebuild [1] | no rebuild [3] |
 * | REORGANIZE PARTITION                     | copies the rows of those partitions only [1] | same [3] |
 * | ROW_FORMAT, KEY_BLOCK_SIZE, PAGE_COMPRESSED | rebuild [1] | rebuild [4] |
 * | STATS_*, PAGE_COMPRESSION_LEVEL          | instant [1]  | instant [4]   |
 *
 * [1] MySQL 8.0 Reference Manual, §15.12.1 "Online DDL Operations"
 *     (https://dev.mysql.com/doc/refman/8.0/en/innodb-online-ddl-operations.html).
 * [2] Verified on MariaDB 10.11.19 by running each ALTER with ALGORITHM=INSTANT, NOCOPY, INPLACE and COPY in turn on a
 *     one-row InnoDB table and keeping the first that succeeds (INPLACE but not NOCOPY = rebuild).
 * [3] Not verified on a server; follows the MariaDB KB page "InnoDB Online DDL Overview" / the MySQL manual by analogy.
 * [4] Verified on MariaDB 10.11: ALGORITHM=NOCOPY refused ("requires the table to be rebuilt") for ROW_FORMAT,
 *     KEY_BLOCK_SIZE and PAGE_COMPRESSED; STATS_* accepted with INSTANT, PAGE_COMPRESSION_LEVEL with NOCOPY.
 */
import type { TableChange } from "../schema/changes.ts";
import type { Column, Table } from "../schema/model.ts";
import type { Flavor } from "../mysql/flavor.ts";
import { baseType } from "../mysql/typeinfo.ts";
import { assertNever } from "../schema/changes.ts";
import { goQuote } from "../go/quote.ts";
import { typeValues } from "./type-values.ts";
import { memberChange } from "./enum-set.ts";
import { rebuildsTable, STORAGE_OPTION_KEYS } from "../schema/table-options.ts";
import { storageOptionName } from "../mysql/storage-options.ts";

/** How a change runs: `none` (instant or in place without rebuild), `rebuild` (in place) or `copy`. */
export type Cost = "none" | "rebuild" | "copy";

/** A change that costs a rebuild or a copy, with a phrase saying what it does (e.g. `change the type of column "a"`). */
export interface Costly {
  readonly cost: Exclude<Cost, "none">;
  readonly what: string;
}

const BYTES: Record<string, number> = { utf8mb4: 4, utf8mb3: 3, utf8: 3, ucs2: 2, utf16: 4, utf32: 4 };

function varLength(c: Column): { base: string; bytes: number } | undefined {
  const m = /^(varchar|varbinary)\((\d+)\)$/.exec(c.type);
  return m
    ? { base: m[1]!, bytes: Number(m[2]) * (m[1] === "varchar" ? (BYTES[c.charset ?? ""] ?? 1) : 1) }
    : undefined;
}

function typeCost(from: Column, to: Column, flavor: Flavor): Cost {
  if (from.type === to.type) return "none";
  const a = varLength(from);
  const b = varLength(to);
  if (a && b && a.base === b.base && b.bytes >= a.bytes)
    return flavor.inplaceWideningAnyLength || a.bytes < 256 === b.bytes < 256 ? "none" : "copy";
  const base = baseType(to.type);
  if (
    (base === "enum" || base === "set") &&
    baseType(from.type) === base &&
    !memberChange(typeValues(from.type), typeValues(to.type))
  )
    return "none";
  return "copy";
}

function modifyColumn(from: Column, to: Column, moved: boolean, flavor: Flavor): Costly[] {
  const out: Costly[] = [];
  const col = goQuote(to.name);
  if (typeCost(from, to, flavor) === "copy")
    out.push({
      cost: "copy",
      what: `change the type of column ${col} from ${goQuote(from.type)} to ${goQuote(to.type)}`,
    });
  if (from.charset !== to.charset || from.collate !== to.collate)
    out.push({ cost: "copy", what: `change the collation of column ${col}` });
  if (JSON.stringify(from.generated) !== JSON.stringify(to.generated))
    out.push({ cost: "copy", what: `change the generated expression of column ${col}` });
  if (!!from.autoIncrement !== !!to.autoIncrement)
    out.push({ cost: "copy", what: `change AUTO_INCREMENT on column ${col}` });
  if (from.nullable !== to.nullable)
    out.push({ cost: "rebuild", what: `make column ${col} ${to.nullable ? "nullable" : "NOT NULL"}` });
  if (moved && flavor.columnMoveRebuilds) out.push({ cost: "rebuild", what: `move column ${col}` });
  return out;
}

/** ROW_FORMAT, KEY_BLOCK_SIZE and page compression are how rows are stored: changing one rebuilds the table. */
function storageRebuild(c: Extract<TableChange, { kind: "ModifyOptions" }>): Costly[] {
  const keys = [...STORAGE_OPTION_KEYS.filter((k) => c.to[k] !== undefined), ...(c.reset ?? [])].filter(
    (k) => rebuildsTable(k) && c.to[k] !== c.from[k],
  );
  if (keys.length === 0) return [];
  const what = keys.map(
    (k) => `${storageOptionName(k)}=${c.to[k] === undefined ? "DEFAULT" : c.to[k] === true ? 1 : c.to[k]}`,
  );
  return [{ cost: "rebuild", what: `change its storage (${what.join(" ")})` }];
}

/** The rebuilds and copies the changes of one ALTER on `table` (its state before) cost on `flavor`. */
export function costOf(table: Table, changes: readonly TableChange[], flavor: Flavor): Costly[] {
  const addsPk = changes.some((c) => c.kind === "AddPrimaryKey");
  const out: Costly[] = [];
  for (const c of changes) {
    switch (c.kind) {
      case "AddColumn":
        if (c.column.generated?.stored)
          out.push({ cost: "copy", what: `add stored generated column ${goQuote(c.column.name)}` });
        else if (c.column.autoIncrement)
          out.push({ cost: "rebuild", what: `add AUTO_INCREMENT column ${goQuote(c.column.name)}` });
        break;
      case "ModifyColumn":
        out.push(...modifyColumn(c.from, c.to, c.position !== undefined, flavor));
        break;
      case "AddIndex":
        if (c.index.type === "FULLTEXT" && !table.indexes.some((i) => i.type === "FULLTEXT"))
          out.push({ cost: "rebuild", what: `add the first FULLTEXT index ${goQuote(c.index.name)}` });
        break;
      case "AddPrimaryKey":
        out.push({ cost: "rebuild", what: "add a primary key" });
        break;
      case "DropPrimaryKey":
        if (!addsPk) out.push({ cost: "copy", what: "drop the primary key" });
        break;
      case "AddForeignKey":
        out.push({ cost: "copy", what: `add foreign key ${goQuote(c.foreignKey.name)}` });
        break;
      case "AddCheck":
        out.push({ cost: "copy", what: `add CHECK constraint ${goQuote(c.check.name)}` });
        break;
      case "ConvertCharset":
        out.push({ cost: "copy", what: `convert it to character set ${goQuote(c.charset)}` });
        break;
      case "ModifyOptions":
        if (c.to.engine !== undefined && c.to.engine.toLowerCase() !== (c.from.engine ?? "").toLowerCase())
          out.push({ cost: "copy", what: `change its engine to ${goQuote(c.to.engine)}` });
        else if (c.to.engine !== undefined) out.push({ cost: "rebuild", what: `rebuild it (ENGINE=${c.to.engine})` });
        if (c.to.charset !== undefined && c.to.charset !== c.from.charset && flavor.charsetChangeRebuilds)
          out.push({ cost: "rebuild", what: `change its default character set to ${goQuote(c.to.charset)}` });
        out.push(...storageRebuild(c));
        break;
      case "SetPartitioning":
        out.push({ cost: "copy", what: c.to ? "partition it anew" : "remove its partitioning" });
        break;
      case "ModifyPartitionCount":
        out.push({ cost: "copy", what: `spread its rows over ${c.to} partitions` });
        break;
      // Reorganizing the catch-all of a RANGE table moves only the rows in it (none while the range lasts).
      case "AddPartitions":
      case "DropPartitions":
      case "ReorganizePartitions":
      case "DropColumn":
      case "RenameColumn":
      case "DropIndex":
      case "RenameIndex":
      case "DropForeignKey":
      case "DropCheck":
        break;
      default:
        assertNever(c, "table change");
    }
  }
  return out;
}
