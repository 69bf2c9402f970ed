/**
 * Builders for planner tests: small canonical tables and columns (MariaDB defaults unless told otherwise).
 */
import { mariadb, type Flavor } from "../../../src/mysql/flavor.ts";
import { plan, type PlannedStatement } from "../../../src/mysql/plan.ts";
import type { Change } from "../../../src/schema/changes.ts";
import type {
  Check,
  Column,
  FkAction,
  ForeignKey,
  Index,
  IndexPart,
  Schema,
  Table,
  TableOptions,
} from "../../../src/schema/model.ts";

/** A MariaDB-default table charset/collation/engine. */
export const MARIA_OPTIONS: TableOptions = { charset: "utf8mb4", collate: "utf8mb4_general_ci", engine: "InnoDB" };

/** A column; NOT NULL unless `nullable` is given. */
export function col(name: string, type: string, extra: Partial<Column> = {}): Column {
  return { name, type, nullable: false, ...extra };
}

/** A nullable int column. */
export function nint(name: string, extra: Partial<Column> = {}): Column {
  return col(name, "int", { nullable: true, ...extra });
}

/** A varchar column with the table's default charset and collation. */
export function vc(name: string, size: number, extra: Partial<Column> = {}): Column {
  return col(name, `varchar(${size})`, { charset: "utf8mb4", collate: "utf8mb4_general_ci", ...extra });
}

/** The `id int NOT NULL AUTO_INCREMENT` column. */
export const ID: Column = col("id", "int", { autoIncrement: true });

/** A table with a primary key on `id` when it has an `id` column. */
export function table(name: string, columns: readonly Column[], extra: Partial<Table> = {}): Table {
  const pk = columns.some((c) => c.name === "id") ? { primaryKey: { parts: [{ column: "id" }] } } : {};
  return { name, columns, indexes: [], foreignKeys: [], checks: [], options: MARIA_OPTIONS, ...pk, ...extra };
}

/** A BTREE index over columns (or explicit parts). */
export function idx(name: string, parts: readonly (string | IndexPart)[], extra: Partial<Index> = {}): Index {
  return {
    name,
    unique: false,
    type: "BTREE",
    parts: parts.map((p) => (typeof p === "string" ? { column: p } : p)),
    ...extra,
  };
}

/** A foreign key `name (columns) → refTable (refColumns)`. */
export function fk(
  name: string,
  columns: readonly string[],
  refTable: string,
  refColumns: readonly string[] = ["id"],
  onDelete: FkAction = "NO ACTION",
  onUpdate: FkAction = "NO ACTION",
): ForeignKey {
  return { name, columns, refTable, refColumns, onDelete, onUpdate };
}

/** An enforced CHECK. */
export function chk(name: string, expr: string, enforced = true): Check {
  return { name, expr, enforced };
}

/** One golden case: changes in, statements (`comment: sql`) or a PlanError out. */
export interface PlanCase {
  readonly name: string;
  /** Defaults to MariaDB. */
  readonly flavor?: Flavor;
  /** Tables before the changes: created first in live runs, and passed to `plan` as the current schema unless `blind`. */
  readonly current?: readonly Table[];
  /** Plan without telling the planner the current schema. */
  readonly blind?: boolean;
  readonly changes: readonly Change[];
  readonly want: readonly string[] | { readonly error: RegExp; readonly table: string; readonly column?: string };
  /** Also run the statements on the test server (MariaDB) and compare the result with applyChanges. */
  readonly live?: boolean;
}

/** The schema a case starts from. */
export function currentSchema(c: PlanCase): Schema {
  return { tables: c.current ?? [] };
}

/** Plans a case the way the golden and live tests do. */
export function planCase(c: PlanCase): PlannedStatement[] {
  return plan(c.changes, c.flavor ?? mariadb, c.current && !c.blind ? { current: currentSchema(c) } : {});
}
