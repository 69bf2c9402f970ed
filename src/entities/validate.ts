/**
 * Entity validation: everything that would make a broken table is reported before anything is written, one line per
 * problem naming the table and column.
 */
import type { TSchema } from "@sinclair/typebox";
import { type ColumnMeta, readMeta } from "./meta.ts";
import { checkValue } from "./row-schema.ts";
import { type KeyLimits, limitProblems, MYSQL_KEY_LIMITS } from "./server-limits.ts";
import type { IndexPartSpec, TableDef } from "./table.ts";
import { storageOptionProblems } from "./validate-options.ts";

/** One problem in the declared entities. */
export class EntityError extends Error {
  constructor(
    readonly table: string,
    readonly column: string | undefined,
    readonly problem: string,
  ) {
    super(`table "${table}"${column ? ` column "${column}"` : ""}: ${problem}`);
    this.name = "EntityError";
  }
}

const partColumn = (p: IndexPartSpec) => (typeof p === "string" ? p : "column" in p ? p.column : undefined);
const base = (type: string) => /^[a-z]+/.exec(type)?.[0] ?? type;
const INTEGER = new Set(["tinyint", "smallint", "mediumint", "int", "bigint"]);
const TEMPORAL_NOW = new Set(["datetime", "timestamp"]);
const NO_LITERAL_DEFAULT = /text$|blob$|^json$/;

/**
 * Checks every declared table, also against the server's limits (`limits`: the target's index limits, MySQL's by
 * default); returns the problems found (empty when the entities are sound).
 */
export function validateEntities(tables: readonly TableDef[], limits: KeyLimits = MYSQL_KEY_LIMITS): EntityError[] {
  const errors: EntityError[] = [];
  const byName = new Map<string, TableDef>();
  for (const t of tables) {
    if (byName.has(t.name)) errors.push(new EntityError(t.name, undefined, "declared twice"));
    byName.set(t.name, t);
  }
  for (const t of tables) errors.push(...validateTable(t, byName, limits));
  return errors;
}

function validateTable(t: TableDef, tables: Map<string, TableDef>, limits: KeyLimits): EntityError[] {
  const errors: EntityError[] = [];
  const err = (column: string | undefined, problem: string) => errors.push(new EntityError(t.name, column, problem));
  const metas = new Map<string, ColumnMeta>();
  for (const name in t.columns) {
    const schema = t.columns[name]!;
    const meta = readMeta(schema);
    if (!meta) err(name, "is not built with a column builder (col.int(), col.varchar(n), …)");
    else metas.set(name, meta), validateColumn(name, meta, schema, err);
  }
  const names = new Set<string>();
  const unique = (kind: string, name: string) => {
    if (names.has(`${kind}:${name}`)) err(undefined, `${kind} "${name}" declared twice`);
    names.add(`${kind}:${name}`);
  };
  const keyed = new Set<string>();
  const checkParts = (what: string, parts: readonly IndexPartSpec[]) => {
    if (parts.length === 0) err(undefined, `${what} has no columns`);
    parts.forEach((p, i) => {
      const c = partColumn(p);
      if (c !== undefined && !metas.has(c)) err(c, `named in ${what} but not declared`);
      if (c !== undefined && i === 0) keyed.add(c);
    });
  };
  if (t.primaryKey) {
    checkParts("the primary key", t.primaryKey);
    for (const p of t.primaryKey) {
      const c = partColumn(p);
      if (c && metas.get(c)?.nullable) err(c, "is in the primary key but nullable");
    }
  }
  for (const i of t.indexes ?? []) unique("index", i.name), checkParts(`index "${i.name}"`, i.columns);
  for (const c of t.checks ?? []) unique("check", c.name);
  for (const fk of t.foreignKeys ?? []) {
    unique("foreign key", fk.name);
    validateForeignKey(t, fk, metas, tables, err);
  }
  let autoIncrements = 0;
  for (const [name, meta] of metas) {
    if (!meta.autoIncrement) continue;
    autoIncrements++;
    if (!keyed.has(name)) err(name, "is AUTO_INCREMENT but not the first column of a key");
  }
  if (autoIncrements > 1) err(undefined, "has more than one AUTO_INCREMENT column");
  limitProblems(t, metas, limits, err);
  if (t.partitionBy) validatePartitioning(t, metas, err);
  for (const p of storageOptionProblems(t)) err(undefined, p);
  if (t.autoIncrement !== undefined && !(Number.isInteger(t.autoIncrement) && t.autoIncrement >= 1))
    err(undefined, `autoIncrement must be a positive integer, got ${t.autoIncrement}`);
  return errors;
}

/**
 * A partitioned table: no foreign keys (InnoDB has none on partitioned tables, either way), partition columns
 * declared and in the primary key and every unique index, RANGE and LIST partitions listed, HASH and KEY counted or
 * listed.
 */
function validatePartitioning(
  t: TableDef,
  metas: Map<string, ColumnMeta>,
  err: (c: string | undefined, p: string) => void,
) {
  const p = t.partitionBy!;
  if ((t.foreignKeys ?? []).length > 0)
    err(undefined, "is partitioned and has foreign keys: InnoDB cannot partition a table with foreign keys");
  const listed = p.type.includes("RANGE") || p.type.includes("LIST");
  if (listed && !(p.partitions ?? []).length) err(undefined, `${p.type} partitioning needs its partitions listed`);
  if (!listed && p.count === undefined && !(p.partitions ?? []).length)
    err(undefined, `${p.type} partitioning needs a partition count or partitions`);
  const keys = [
    ...(t.primaryKey ? [{ what: "the primary key", parts: t.primaryKey }] : []),
    ...(t.indexes ?? []).filter((i) => i.unique).map((i) => ({ what: `unique index "${i.name}"`, parts: i.columns })),
  ];
  for (const c of p.columns ?? []) {
    if (!metas.has(c)) err(c, "named in partitionBy but not declared");
    for (const k of keys)
      if (!k.parts.some((x) => partColumn(x) === c)) err(c, `partitions the table but is not in ${k.what}`);
  }
}

/** What a type text alone says: its base name and the problems of its length, worked out once per distinct text. */
interface TypeFacts {
  readonly base: string;
  readonly problems: readonly string[];
}

const typeFacts = new Map<string, TypeFacts>();

function factsOf(type: string): TypeFacts {
  const known = typeFacts.get(type);
  if (known) return known;
  const b = base(type);
  const problems: string[] = [];
  const size = /^(var)?(char|binary)\((\d+)\)/.exec(type);
  if (size) {
    const n = Number(size[3]);
    const max = size[1] ? 65535 : 255;
    if (!Number.isInteger(n) || n < 1 || n > max)
      problems.push(`${b} length must be an integer from 1 to ${max}, got ${size[3]}`);
  }
  if (/\((NaN|undefined|-?\d*\.\d+)\)/.test(type)) problems.push(`type ${type} needs a whole-number length`);
  if (/^tinyint\(1\)$/.test(type))
    problems.push("tinyint with display width 1 is a boolean: declare it with col.bool()");
  const facts = { base: b, problems };
  if (typeFacts.size < 4096) typeFacts.set(type, facts);
  return facts;
}

function validateColumn(name: string, meta: ColumnMeta, schema: TSchema, err: (c: string, p: string) => void) {
  const { base: b, problems } = factsOf(meta.type);
  for (const p of problems) err(name, p);
  if (meta.autoIncrement && !INTEGER.has(b)) err(name, `AUTO_INCREMENT needs an integer type, not ${meta.type}`);
  if (meta.onUpdate && !TEMPORAL_NOW.has(b))
    err(name, `ON UPDATE needs a datetime or timestamp column, not ${meta.type}`);
  const d = meta.default;
  if (d && meta.autoIncrement) err(name, "an AUTO_INCREMENT column cannot have a default");
  if (d && meta.generated) err(name, "a generated column cannot have a default");
  if (d?.kind === "literal") {
    if (NO_LITERAL_DEFAULT.test(b)) err(name, `${meta.type} cannot have a literal default (use an expression default)`);
    else if (!checkValue(schema, meta.declaredDefault))
      err(name, `default ${JSON.stringify(meta.declaredDefault)} does not fit ${meta.type}`);
  }
  if (d?.kind === "expr" && /^current_timestamp/i.test(d.value) && !TEMPORAL_NOW.has(b))
    err(name, `default ${d.value} needs a datetime or timestamp column`);
}

function validateForeignKey(
  _t: TableDef,
  fk: NonNullable<TableDef["foreignKeys"]>[number],
  metas: Map<string, ColumnMeta>,
  tables: Map<string, TableDef>,
  err: (c: string | undefined, p: string) => void,
) {
  const refName = typeof fk.references.table === "string" ? fk.references.table : fk.references.table.name;
  const ref = tables.get(refName);
  const what = `foreign key "${fk.name}"`;
  if (fk.columns.length !== fk.references.columns.length)
    return err(undefined, `${what} has ${fk.columns.length} columns but references ${fk.references.columns.length}`);
  if (!ref) return err(undefined, `${what} references table "${refName}", which is not declared`);
  for (const [i, c] of fk.columns.entries()) {
    const mine = metas.get(c);
    const refCol = fk.references.columns[i]!;
    const theirs = ref.columns[refCol] ? readMeta(ref.columns[refCol]!) : undefined;
    if (!mine) {
      err(c, `named in ${what} but not declared`);
      continue;
    }
    if (!theirs) {
      err(c, `${what} references column "${refName}.${refCol}", which is not declared`);
      continue;
    }
    // Display widths do not matter to a foreign key (`int(10)` references `int`).
    const width = (type: string) => type.replace(/^([a-z]+)\(\d+\)/, "$1");
    const same =
      base(mine.type) === base(theirs.type) &&
      (INTEGER.has(base(mine.type)) ? width(mine.type) === width(theirs.type) : true);
    if (!same) err(c, `${what}: type ${mine.type} does not match ${refName}.${refCol} (${theirs.type})`);
    if (!mine.nullable && (fk.onDelete === "SET NULL" || fk.onUpdate === "SET NULL"))
      err(c, `${what} uses SET NULL but the column is NOT NULL`);
  }
}
