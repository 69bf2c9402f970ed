/**
 * Partitioning: the `PARTITION BY …` clause of CREATE and ALTER TABLE, partition definitions, and the ALTER TABLE
 * partition operations (ADD / DROP / REORGANIZE / COALESCE PARTITION, REMOVE PARTITIONING; TRUNCATE PARTITION is a
 * data statement), all in the canonical form inspection gives (see partitioning.ts).
 */
import type { TableChange } from "../../schema/changes.ts";
import type { Partition, Partitioning, Subpartitioning, Table } from "../../schema/model.ts";
import type { Cursor } from "../cursor.ts";
import { exprFromTokens } from "../expr.ts";
import type { Token } from "../lexer.ts";
import { canonicalPartitioning, canonicalValueTokens } from "../partitioning.ts";
import { DataStatementError, SchemaStateError, UnsupportedStatementError } from "./errors.ts";

/** Partition options that change storage, not the schema: read and not modelled. */
const STORAGE_OPTIONS = ["DATA", "INDEX", "MAX_ROWS", "MIN_ROWS", "TABLESPACE", "NODEGROUP"];

/** Reads `PARTITION BY …` (the cursor at PARTITION) into a canonical partitioning. */
export function readPartitionBy(cur: Cursor): Partitioning {
  cur.expectWord("PARTITION", "BY");
  const method = readMethod(cur, false);
  const count = cur.acceptWord("PARTITIONS") ? cur.integer("partition count") : undefined;
  let sub: Subpartitioning | undefined;
  if (cur.acceptWord("SUBPARTITION", "BY")) {
    const m = readMethod(cur, true);
    const n = cur.acceptWord("SUBPARTITIONS") ? cur.integer("sub-partition count") : undefined;
    sub = { ...(m as Omit<Subpartitioning, "count">), ...(n !== undefined ? { count: n } : {}) };
  }
  const columnsOnly = method.type.includes("COLUMNS");
  const partitions = cur.isOp("(") ? readDefinitions(cur, columnsOnly) : [];
  const listed = method.type.includes("RANGE") || method.type.includes("LIST");
  if (listed && partitions.length === 0) cur.fail("partition definitions");
  if (count !== undefined && partitions.length > 0 && count !== partitions.length)
    cur.fail("as many partitions as PARTITIONS");
  if (sub && sub.count === undefined && !partitions.some((p) => p.subpartitions)) sub = { ...sub, count: 1 };
  return canonicalPartitioning({
    ...method,
    ...(partitions.length === 0 ? { count: count ?? 1 } : {}),
    partitions,
    ...(sub ? { subpartition: sub } : {}),
  });
}

/** `[LINEAR] HASH (expr) | [LINEAR] KEY [ALGORITHM = n] (columns) | RANGE|LIST {(expr) | COLUMNS (columns)}`. */
function readMethod(cur: Cursor, sub: boolean): Pick<Partitioning, "type" | "expr" | "columns"> {
  const at = cur.peek();
  const linear = cur.acceptWord("LINEAR");
  if (cur.acceptWord("HASH")) return { type: linear ? "LINEAR HASH" : "HASH", expr: exprFromTokens(cur.group()) };
  if (cur.acceptWord("KEY")) {
    if (cur.acceptWord("ALGORITHM")) cur.optionalEquals(), cur.next();
    return { type: linear ? "LINEAR KEY" : "KEY", columns: names(cur.group()) };
  }
  if (!linear && !sub && (cur.isWord("RANGE") || cur.isWord("LIST"))) {
    const family = cur.next().value.toUpperCase() as "RANGE" | "LIST";
    if (cur.acceptWord("COLUMNS")) return { type: `${family} COLUMNS`, columns: names(cur.group()) };
    return { type: family, expr: exprFromTokens(cur.group()) };
  }
  if (cur.isWord("SYSTEM_TIME")) throw new UnsupportedStatementError("PARTITION BY SYSTEM_TIME", at.line, at.column);
  return cur.fail(sub ? "HASH or KEY" : "RANGE, LIST, HASH or KEY");
}

function names(tokens: readonly Token[]): string[] {
  return tokens.filter((t) => !(t.kind === "op" && t.value === ",")).map((t) => t.value);
}

/** Reads `(PARTITION p [VALUES …] [options] [(SUBPARTITION s …, …)], …)`. */
export function readDefinitions(cur: Cursor, columnsOnly: boolean): Partition[] {
  cur.expectOp("(");
  const out: Partition[] = [];
  do out.push(readDefinition(cur, columnsOnly));
  while (cur.acceptOp(","));
  cur.expectOp(")");
  return out;
}

function readDefinition(cur: Cursor, columnsOnly: boolean): Partition {
  cur.expectWord("PARTITION");
  const name = cur.name("partition name");
  let values: string | undefined;
  if (cur.acceptWord("VALUES")) {
    if (cur.acceptWord("LESS", "THAN")) {
      values = cur.acceptWord("MAXVALUE") ? "MAXVALUE" : canonicalValueTokens(cur.group(), columnsOnly);
    } else {
      cur.expectWord("IN");
      values = canonicalValueTokens(cur.group(), columnsOnly);
    }
  }
  const comment = readOptions(cur);
  let subpartitions: string[] | undefined;
  if (cur.acceptOp("(")) {
    subpartitions = [];
    do {
      cur.expectWord("SUBPARTITION");
      subpartitions.push(cur.name("sub-partition name"));
      readOptions(cur);
    } while (cur.acceptOp(","));
    cur.expectOp(")");
  }
  return {
    name,
    ...(values !== undefined ? { values } : {}),
    ...(comment ? { comment } : {}),
    ...(subpartitions ? { subpartitions } : {}),
  };
}

/** Reads a definition's options; returns its COMMENT. */
function readOptions(cur: Cursor): string | undefined {
  let comment: string | undefined;
  for (;;) {
    if (cur.acceptWord("COMMENT")) {
      cur.optionalEquals();
      comment = cur.string("comment string");
    } else if (cur.acceptWord("STORAGE", "ENGINE") || cur.acceptWord("ENGINE")) {
      cur.optionalEquals();
      cur.name("engine name");
    } else if (STORAGE_OPTIONS.some((w) => cur.isWord(w))) {
      cur.next();
      cur.acceptWord("DIRECTORY");
      cur.optionalEquals();
      cur.next();
    } else return comment;
  }
}

/** True when the cursor is at an ALTER TABLE clause about partitions. */
export function atPartitionClause(cur: Cursor): boolean {
  return (
    cur.isWord("PARTITION", "BY") ||
    cur.isWord("REMOVE", "PARTITIONING") ||
    cur.isWord("ADD", "PARTITION") ||
    cur.isWord("DROP", "PARTITION") ||
    ["REORGANIZE", "COALESCE", "TRUNCATE", "ANALYZE", "CHECK", "OPTIMIZE", "REBUILD", "REPAIR", "EXCHANGE"].some((w) =>
      cur.isWord(w, "PARTITION"),
    ) ||
    cur.isWord("CONVERT", "PARTITION") ||
    cur.isWord("CONVERT", "TABLE")
  );
}

/** One ALTER TABLE partition clause (see atPartitionClause) as the changes it makes to table `t`. */
export function partitionClause(cur: Cursor, t: Table): TableChange[] {
  const at = cur.peek();
  if (cur.isWord("PARTITION", "BY")) {
    const to = readPartitionBy(cur);
    return [{ kind: "SetPartitioning", ...(t.partition ? { from: t.partition } : {}), to }];
  }
  if (cur.acceptWord("REMOVE", "PARTITIONING")) return [{ kind: "SetPartitioning", from: partitioning(t) }];
  if (cur.acceptWord("ADD", "PARTITION")) {
    const p = partitioning(t);
    cur.acceptWord("IF", "NOT", "EXISTS");
    if (cur.acceptWord("PARTITIONS")) return countChange(t, p, p.count! + cur.integer("partition count"), at);
    return [{ kind: "AddPartitions", partitions: readDefinitions(cur, p.type.includes("COLUMNS")) }];
  }
  if (cur.acceptWord("DROP", "PARTITION")) {
    const p = partitioning(t);
    const ifExists = cur.acceptWord("IF", "EXISTS");
    const wanted = nameList(cur);
    const partitions = wanted.flatMap((n) => {
      const found = p.partitions.find((x) => x.name === n);
      if (!found && !ifExists) throw new SchemaStateError("partition", n, "missing");
      return found ? [found] : [];
    });
    return partitions.length ? [{ kind: "DropPartitions", partitions }] : [];
  }
  if (cur.acceptWord("REORGANIZE", "PARTITION")) {
    const p = partitioning(t);
    if (cur.atEnd()) return [];
    const from = nameList(cur).map((n) => {
      const found = p.partitions.find((x) => x.name === n);
      if (!found) throw new SchemaStateError("partition", n, "missing");
      return found;
    });
    cur.expectWord("INTO");
    return [{ kind: "ReorganizePartitions", from, to: readDefinitions(cur, p.type.includes("COLUMNS")) }];
  }
  if (cur.acceptWord("COALESCE", "PARTITION")) {
    const p = partitioning(t);
    return countChange(t, p, p.count! - cur.integer("partition count"), at);
  }
  // TRUNCATE PARTITION deletes rows: a data statement, as TRUNCATE TABLE is.
  if (cur.isWord("TRUNCATE", "PARTITION")) throw new DataStatementError("TRUNCATE PARTITION");
  if (["ANALYZE", "CHECK", "OPTIMIZE", "REBUILD", "REPAIR"].some((w) => cur.acceptWord(w, "PARTITION"))) {
    // Statistics and storage, not the schema.
    partitioning(t);
    nameList(cur);
    return [];
  }
  throw new UnsupportedStatementError(`ALTER TABLE … ${at.value.toUpperCase()} PARTITION`, at.line, at.column);
}

function countChange(t: Table, p: Partitioning, to: number, at: Token): TableChange[] {
  if (p.count === undefined)
    throw new UnsupportedStatementError("a partition count change on named partitions", at.line, at.column);
  if (to < 1) throw new SchemaStateError("partition", t.name, "missing");
  return to === p.count ? [] : [{ kind: "ModifyPartitionCount", from: p.count, to }];
}

function partitioning(t: Table): Partitioning {
  if (!t.partition) throw new SchemaStateError("partitioning", t.name, "missing");
  return t.partition;
}

/** `ALL` or `name, name, …` (consumes the commas: a partition operation is the only clause of its ALTER). */
function nameList(cur: Cursor): string[] {
  if (cur.acceptWord("ALL")) return [];
  const out = [cur.name("partition name")];
  while (cur.acceptOp(",")) out.push(cur.name("partition name"));
  return out;
}
