/**
 * How InnoDB executes each table change, per flavour: the algorithm the server picks (INSTANT: metadata only; NOCOPY:
 * in place without rebuilding the table — MariaDB's name, MySQL calls it INPLACE with no rebuild; INPLACE: the table is
 * rebuilt in place; COPY: the rows are copied to a new table) and the lowest lock it allows (NONE: writers go on;
 * SHARED: writers wait for the whole statement).
 *
 * | change                                   | MySQL 8.0.40            | MariaDB 10.11            |
 * |------------------------------------------|-------------------------|--------------------------|
 * | add column (any position), virtual       | INSTANT [1]             | INSTANT [2]              |
 * | add STORED generated column              | COPY [1]                | COPY [2]                 |
 * | add AUTO_INCREMENT column                | INPLACE, SHARED [1]     | INPLACE, SHARED [2]      |
 * | drop column                              | INSTANT [1]             | INSTANT [2]              |
 * | drop an indexed column                   | NOCOPY [3]              | NOCOPY [2]               |
 * | rename column, default, comment          | INSTANT [1]             | INSTANT [2]              |
 * | move column (FIRST / AFTER)              | INPLACE [1]             | INSTANT [2]              |
 * | change data type                         | COPY [1]                | COPY [2]                 |
 * | extend VARCHAR/VARBINARY                 | NOCOPY if the length prefix stays 1 or 2 bytes, else COPY [1] | INSTANT [2] |
 * | append ENUM/SET members                  | INSTANT [1]             | INSTANT [2]              |
 * | other ENUM/SET member change             | COPY [1]                | COPY [2]                 |
 * | column charset/collation                 | COPY [1]                | COPY [2]                 |
 * | NULL ↔ NOT NULL                          | INPLACE [1]             | INPLACE [2]              |
 * | generated expression/storage, AUTO_INCREMENT flag | COPY [1]       | COPY [3]                 |
 * | add secondary index                      | NOCOPY [1]              | NOCOPY [2]               |
 * | drop secondary index                     | NOCOPY [1]              | NOCOPY [2]               |
 * | rename index                             | INSTANT [1]             | INSTANT [2]              |
 * | add FULLTEXT index (first one rebuilds)  | INPLACE/NOCOPY, SHARED [1] | INPLACE/NOCOPY, SHARED [2] |
 * | add SPATIAL index                        | NOCOPY, SHARED [1]      | NOCOPY, SHARED [3]       |
 * | add primary key; drop+add in one stmt    | INPLACE [1]             | INPLACE [2]              |
 * | drop primary key alone                   | COPY [1]                | COPY [2]                 |
 * | add foreign key (foreign_key_checks=1)   | COPY [1]                | COPY [2]                 |
 * | drop foreign key                         | NOCOPY [1]              | INSTANT [2]              |
 * | add CHECK                                | COPY [3]                | COPY [2]                 |
 * | drop CHECK                               | NOCOPY [3]              | INSTANT [2]              |
 * | CONVERT TO CHARACTER SET                 | COPY [1]                | COPY [2]                 |
 * | table default charset                    | INPLACE, SHARED [1]     | INSTANT [2]              |
 * | change ENGINE                            | COPY [1]                | COPY [3]                 |
 * | ENGINE= the same engine (a rebuild)      | INPLACE [1]             | INPLACE [2]              |
 * | table comment                            | INSTANT [1]             | INSTANT [2]              |
 * | AUTO_INCREMENT=                          | NOCOPY [1]              | INSTANT [2]              |
 * | ROW_FORMAT, KEY_BLOCK_SIZE, PAGE_COMPRESSED | INPLACE [1]          | INPLACE [2]              |
 * | STATS_PERSISTENT, _AUTO_RECALC, _SAMPLE_PAGES | INSTANT [1]        | INSTANT [2]              |
 * | PAGE_COMPRESSION_LEVEL                   | —                       | NOCOPY [2]               |
 * | PARTITION BY, REMOVE PARTITIONING        | COPY [1]                | COPY [3]                 |
 * | ADD PARTITION PARTITIONS n, COALESCE (HASH/KEY) | COPY [1]         | COPY [3]                 |
 * | ADD/DROP PARTITION (RANGE/LIST)          | no rebuild, no pin [1]  | no rebuild, no pin [2]   |
 * | REORGANIZE PARTITION                     | copies those partitions' rows only, no pin [1] | same [2] |
 *
 * "No pin": MariaDB 10.11 refuses ALGORITHM= and LOCK= beside a partition operation (a syntax error), so a statement
 * with one is never pinned.
 *
 * [1] MySQL 8.0 Reference Manual, §15.12.1 "Online DDL Operations"
 *     (https://dev.mysql.com/doc/refman/8.0/en/innodb-online-ddl-operations.html).
 * [2] Verified on MariaDB 10.11.19 by running each ALTER with ALGORITHM=INSTANT, NOCOPY, INPLACE and COPY in turn on a
 *     one-row InnoDB table, keeping the first that succeeds, then with LOCK=NONE (test/mysql/cost-server.test.ts).
 * [3] Not verified on a server; follows the MariaDB KB page "InnoDB Online DDL Overview" / the MySQL manual by analogy.
 */
import type { TableChange } from "../../schema/changes.ts";
import { assertNever } from "../../schema/changes.ts";
import type { Column, Table } from "../../schema/model.ts";
import { goQuote } from "../../go/quote.ts";
import type { Flavor } from "../flavor.ts";
import { baseType } from "../typeinfo.ts";
import { memberChange, typeValues } from "./members.ts";
import { rebuildsTable, STORAGE_OPTION_KEYS, type StorageOptionKey } from "../../schema/table-options.ts";
import { storageOptionName } from "../storage-options.ts";

/** The algorithms, cheapest first. */
export const ALGORITHMS = ["INSTANT", "NOCOPY", "INPLACE", "COPY"] as const;

/** How the server executes a change: see the table above. */
export type Algorithm = (typeof ALGORITHMS)[number];

/** The lowest lock a change allows: NONE (concurrent writes go on) or SHARED (writers wait). */
export type LockLevel = "NONE" | "SHARED";

/** One change's cost, with a phrase saying what it does (e.g. `change the type of column "a"`). */
export interface ChangeCost {
  readonly algorithm: Algorithm;
  readonly lock: LockLevel;
  readonly what: string;
  /** The server takes no ALGORITHM= or LOCK= clause beside this change (partition operations). */
  readonly unpinnable?: true;
}

const cost = (algorithm: Algorithm, what: string, lock: LockLevel = algorithm === "COPY" ? "SHARED" : "NONE") => ({
  algorithm,
  lock,
  what,
});

const BYTES: Record<string, number> = { utf8mb4: 4, utf8mb3: 3, utf8: 3, ucs2: 2, utf16: 4, utf32: 4 };

function varLength(c: Column): { base: string; bytes: number } | undefined {
  const m = /^(varchar|varbinary)\((\d+)\)$/.exec(c.type);
  return m
    ? { base: m[1]!, bytes: Number(m[2]) * (m[1] === "varchar" ? (BYTES[c.charset ?? ""] ?? 1) : 1) }
    : undefined;
}

/** The algorithm a type change needs (INSTANT when the type is unchanged). */
function typeAlgorithm(from: Column, to: Column, flavor: Flavor): Algorithm {
  if (from.type === to.type) return "INSTANT";
  const a = varLength(from);
  const b = varLength(to);
  if (a && b && a.base === b.base && b.bytes >= a.bytes) {
    if (flavor.inplaceWideningAnyLength) return "INSTANT";
    return a.bytes < 256 === b.bytes < 256 ? "NOCOPY" : "COPY";
  }
  const base = baseType(to.type);
  if (
    (base === "enum" || base === "set") &&
    baseType(from.type) === base &&
    !memberChange(typeValues(from.type), typeValues(to.type))
  )
    return "INSTANT";
  return "COPY";
}

function modifyColumn(from: Column, to: Column, moved: boolean, flavor: Flavor): ChangeCost[] {
  const col = goQuote(to.name);
  const out: ChangeCost[] = [];
  const type = typeAlgorithm(from, to, flavor);
  if (type === "COPY")
    out.push(cost("COPY", `change the type of column ${col} from ${goQuote(from.type)} to ${goQuote(to.type)}`));
  else if (type === "NOCOPY") out.push(cost("NOCOPY", `extend column ${col} to ${goQuote(to.type)}`));
  if (from.charset !== to.charset || from.collate !== to.collate)
    out.push(cost("COPY", `change the collation of column ${col}`));
  if (JSON.stringify(from.generated) !== JSON.stringify(to.generated))
    out.push(cost("COPY", `change the generated expression of column ${col}`));
  if (!!from.autoIncrement !== !!to.autoIncrement) out.push(cost("COPY", `change AUTO_INCREMENT on column ${col}`));
  if (from.nullable !== to.nullable)
    out.push(cost("INPLACE", `make column ${col} ${to.nullable ? "nullable" : "NOT NULL"}`));
  if (moved && flavor.columnMoveRebuilds) out.push(cost("INPLACE", `move column ${col}`));
  return out.length > 0 ? out : [cost("INSTANT", `modify column ${col}`)];
}

function indexed(table: Table, column: string): boolean {
  return (
    (table.primaryKey?.parts.some((p) => p.column === column) ?? false) ||
    table.indexes.some((i) => i.parts.some((p) => p.column === column))
  );
}

function modifyOptions(c: Extract<TableChange, { kind: "ModifyOptions" }>, flavor: Flavor): ChangeCost[] {
  const out: ChangeCost[] = [];
  const { from, to } = c;
  if (to.engine !== undefined && to.engine.toLowerCase() !== (from.engine ?? "").toLowerCase())
    out.push(cost("COPY", `change its engine to ${goQuote(to.engine)}`));
  else if (to.engine !== undefined) out.push(cost("INPLACE", `rebuild it (ENGINE=${to.engine})`));
  if (to.charset !== undefined && to.charset !== from.charset)
    out.push(
      flavor.charsetChangeRebuilds
        ? cost("INPLACE", `change its default character set to ${goQuote(to.charset)}`, "SHARED")
        : cost("INSTANT", `change its default character set to ${goQuote(to.charset)}`),
    );
  if (to.autoIncrement !== undefined && to.autoIncrement !== from.autoIncrement)
    out.push(cost(flavor.name === "mysql" ? "NOCOPY" : "INSTANT", "set its AUTO_INCREMENT"));
  out.push(...storageCosts(c));
  return out.length > 0 ? out : [cost("INSTANT", "change its options")];
}

/** ROW_FORMAT, KEY_BLOCK_SIZE and page compression are how rows are stored: a change rebuilds the table in place. */
function storageCosts(c: Extract<TableChange, { kind: "ModifyOptions" }>): ChangeCost[] {
  const changed = [...STORAGE_OPTION_KEYS.filter((k) => c.to[k] !== undefined), ...(c.reset ?? [])].filter(
    (k) => c.to[k] !== c.from[k],
  );
  const value = (k: StorageOptionKey) =>
    `${storageOptionName(k)}=${c.to[k] === undefined ? "DEFAULT" : c.to[k] === true ? 1 : c.to[k]}`;
  const rebuilds = changed.filter(rebuildsTable);
  const out: ChangeCost[] = [];
  if (rebuilds.length > 0) out.push(cost("INPLACE", `change its storage (${rebuilds.map(value).join(" ")})`));
  if (changed.includes("pageCompressionLevel")) out.push(cost("NOCOPY", `set ${value("pageCompressionLevel")}`));
  return out;
}

const partitionCost = (what: string): ChangeCost => ({ ...cost("NOCOPY", what), unpinnable: true });

/** What each change of one ALTER on `table` (its state before) costs on `flavor`, in order. */
export function changeCosts(table: Table, changes: readonly TableChange[], flavor: Flavor): ChangeCost[] {
  const addsPk = changes.some((c) => c.kind === "AddPrimaryKey");
  const mysql = flavor.name === "mysql";
  const out: ChangeCost[] = [];
  for (const c of changes) {
    switch (c.kind) {
      case "AddColumn": {
        const name = goQuote(c.column.name);
        if (c.column.generated?.stored) out.push(cost("COPY", `add stored generated column ${name}`));
        else if (c.column.autoIncrement) out.push(cost("INPLACE", `add AUTO_INCREMENT column ${name}`, "SHARED"));
        else out.push(cost("INSTANT", `add column ${name}`));
        break;
      }
      case "DropColumn":
        out.push(
          indexed(table, c.column.name)
            ? cost("NOCOPY", `drop indexed column ${goQuote(c.column.name)}`)
            : cost("INSTANT", `drop column ${goQuote(c.column.name)}`),
        );
        break;
      case "RenameColumn":
        out.push(cost("INSTANT", `rename column ${goQuote(c.from)}`));
        break;
      case "ModifyColumn":
        out.push(...modifyColumn(c.from, c.to, c.position !== undefined, flavor));
        break;
      case "AddIndex": {
        const name = goQuote(c.index.name);
        if (c.index.type === "FULLTEXT")
          out.push(
            table.indexes.some((i) => i.type === "FULLTEXT")
              ? cost("NOCOPY", `add FULLTEXT index ${name}`, "SHARED")
              : cost("INPLACE", `add the first FULLTEXT index ${name}`, "SHARED"),
          );
        else if (c.index.type === "SPATIAL") out.push(cost("NOCOPY", `add SPATIAL index ${name}`, "SHARED"));
        else out.push(cost("NOCOPY", `add index ${name}`));
        break;
      }
      case "DropIndex":
        out.push(cost("NOCOPY", `drop index ${goQuote(c.index.name)}`));
        break;
      case "RenameIndex":
        out.push(cost("INSTANT", `rename index ${goQuote(c.from)}`));
        break;
      case "AddPrimaryKey":
        out.push(cost("INPLACE", "add a primary key"));
        break;
      case "DropPrimaryKey":
        // Dropped and added in one statement: the AddPrimaryKey item is the rebuild.
        if (!addsPk) out.push(cost("COPY", "drop the primary key"));
        break;
      case "AddForeignKey":
        out.push(cost("COPY", `add foreign key ${goQuote(c.foreignKey.name)}`));
        break;
      case "DropForeignKey":
        out.push(cost(mysql ? "NOCOPY" : "INSTANT", `drop foreign key ${goQuote(c.foreignKey.name)}`));
        break;
      case "AddCheck":
        out.push(cost("COPY", `add CHECK constraint ${goQuote(c.check.name)}`));
        break;
      case "DropCheck":
        out.push(cost(mysql ? "NOCOPY" : "INSTANT", `drop CHECK constraint ${goQuote(c.check.name)}`));
        break;
      case "ConvertCharset":
        out.push(cost("COPY", `convert it to character set ${goQuote(c.charset)}`));
        break;
      case "ModifyOptions":
        out.push(...modifyOptions(c, flavor));
        break;
      case "SetPartitioning":
        out.push({ ...cost("COPY", c.to ? "partition it anew" : "remove its partitioning"), unpinnable: true });
        break;
      case "ModifyPartitionCount":
        out.push({ ...cost("COPY", `spread its rows over ${c.to} partitions`), unpinnable: true });
        break;
      case "AddPartitions":
        out.push(partitionCost(`add partitions ${c.partitions.map((p) => goQuote(p.name)).join(", ")}`));
        break;
      case "DropPartitions":
        out.push(partitionCost(`drop partitions ${c.partitions.map((p) => goQuote(p.name)).join(", ")}`));
        break;
      // Splitting the catch-all of a RANGE table moves only the rows in it (none while the range lasts).
      case "ReorganizePartitions":
        out.push(partitionCost(`reorganize partitions ${c.from.map((p) => goQuote(p.name)).join(", ")}`));
        break;
      default:
        assertNever(c, "table change");
    }
  }
  return out;
}
