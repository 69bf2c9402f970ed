/**
 * The benchmark's final schema written for drizzle-kit (drizzle-orm's mysql-core): the same tables, columns, keys,
 * indexes and foreign keys as entitiesSource at the last version, so both tools diff the same schema.
 */
import { COLUMNS, createdIn, DEFAULT_SHAPE, type Shape } from "./entities-source.ts";

/** The drizzle column builders, in the order of the entities' COLUMN_DECLS. */
const COLUMN_BUILDERS: readonly string[] = [
  `id: bigint("id", { mode: "number", unsigned: true }).autoincrement().notNull()`,
  `site_id: int("site_id", { unsigned: true }).notNull()`,
  `ref_id: bigint("ref_id", { mode: "number", unsigned: true })`,
  `name: varchar("name", { length: 191 }).notNull()`,
  `slug: varchar("slug", { length: 64 }).notNull().default("")`,
  `status: mysqlEnum("status", ["new", "active", "archived"]).notNull().default("new")`,
  `amount: decimal("amount", { precision: 12, scale: 2 }).notNull().default("0")`,
  `ratio: double("ratio")`,
  `visits: int("visits").notNull().default(0)`,
  `flag: boolean("flag").notNull().default(false)`,
  `day: date("day").notNull()`,
  `code: char("code", { length: 8 })`,
  `created_at: datetime("created_at", { fsp: 3 }).notNull().default(sql\`CURRENT_TIMESTAMP(3)\`)`,
  `updated_at: timestamp("updated_at").notNull().defaultNow().onUpdateNow()`,
  `note: text("note")`,
  `ip: varbinary("ip", { length: 16 })`,
  `payload: json("payload")`,
  `score: float("score")`,
  `hits: bigint("hits", { mode: "number", unsigned: true }).notNull().default(0)`,
  `extra: varchar("extra", { length: 255 })`,
];

function tableSource(t: number, extra: string | undefined): string {
  const columns = COLUMN_BUILDERS.slice(0, COLUMNS).concat(extra === undefined ? [] : [extra]);
  const fk =
    t % 5 === 0 && t > 0
      ? `, foreignKey({ name: "t${t}_ref_fk", columns: [t.ref_id], foreignColumns: [t${t - 1}.id] }).onDelete("set null")`
      : "";
  return (
    `export const t${t} = mysqlTable("t${t}", {\n  ${columns.join(",\n  ")},\n}, (t) => [primaryKey({ columns: [t.id] }), ` +
    `index("t${t}_site_day").on(t.site_id, t.day), uniqueIndex("t${t}_slug_uq").on(t.slug), ` +
    `index("t${t}_status_created").on(t.status, t.created_at)${fk}]);\n`
  );
}

/** The drizzle schema module; `extraColumnOnT0` adds one column builder to table t0 (the benchmark's change). */
export function drizzleSource(extraColumnOnT0?: string, shape: Shape = DEFAULT_SHAPE): string {
  const tables = Array.from({ length: shape.tables }, (_, t) => t).filter((t) => createdIn(t, shape) <= shape.versions);
  return [
    `import { sql } from "drizzle-orm";`,
    `import { bigint, boolean, char, date, datetime, decimal, double, float, foreignKey, index, int, json, mysqlEnum, ` +
      `mysqlTable, primaryKey, text, timestamp, uniqueIndex, varbinary, varchar } from "drizzle-orm/mysql-core";\n`,
    ...tables.map((t) => tableSource(t, t === 0 ? extraColumnOnT0 : undefined)),
  ].join("\n");
}
