/**
 * The benchmark's entities, as module source text: by default 300 tables × 20 columns (realistic types, keys, some
 * foreign keys), grown over 100 versions so that every version changes something (tables created up to 80% of the
 * versions, three per version after a first batch, four columns added later to each, one index added two versions
 * after a table appears). `bun run bench:growth` uses other shapes of the same kind.
 */

/** A history's size: the final table count and the number of versions (one migration file each). */
export interface Shape {
  readonly tables: number;
  readonly versions: number;
}

/** The default shape, and the final column count of every table. */
export const DEFAULT_SHAPE: Shape = { tables: 300, versions: 100 };
export const COLUMNS = 20;

/** Columns every table has from its first version; the last four arrive later (columnCount). */
export const FIRST_COLUMNS = 16;

/**
 * The version a table first appears in: a first batch in version 1, then `tables / versions` per version up to 80% of
 * the versions (300 / 100: 63 tables in version 1, then three per version up to version 80).
 */
export function createdIn(table: number, shape: Shape): number {
  const perVersion = Math.max(1, Math.floor(shape.tables / shape.versions));
  const lastVersion = Math.max(2, Math.floor(shape.versions * 0.8));
  const firstBatch = Math.max(1, shape.tables - perVersion * (lastVersion - 1));
  return table < firstBatch ? 1 : 2 + Math.floor((table - firstBatch) / perVersion);
}

/**
 * How many columns a table has at an age (versions since it appeared): FIRST_COLUMNS, then one more every
 * `versions / 20` versions (every five in 100), up to COLUMNS, so the versions after the last new table still change.
 */
export function columnCount(age: number, shape: Shape): number {
  const step = Math.max(1, Math.ceil(shape.versions / 20));
  return FIRST_COLUMNS + Math.min(COLUMNS - FIRST_COLUMNS, Math.floor(age / step));
}

/** The index a table gains two versions after it appears. */
export function lateIndexName(t: number): string {
  return `t${t}_status_created`;
}

/** The column declarations, in order. */
const COLUMN_DECLS: readonly string[] = [
  `id: col.bigint({ unsigned: true, autoIncrement: true })`,
  `site_id: col.int({ unsigned: true })`,
  `ref_id: col.bigint({ unsigned: true, nullable: true })`,
  `name: col.varchar(191)`,
  `slug: col.varchar(64, { default: "" })`,
  `status: col.enum(["new", "active", "archived"], { default: "new" })`,
  `amount: col.decimal(12, 2, { default: 0 })`,
  `ratio: col.double({ nullable: true })`,
  `visits: col.int({ default: 0 })`,
  `flag: col.bool({ default: false })`,
  `day: col.date()`,
  `code: col.char(8, { nullable: true })`,
  `created_at: col.datetime(3, { default: sql("CURRENT_TIMESTAMP(3)") })`,
  `updated_at: col.timestamp(0, { default: sql("CURRENT_TIMESTAMP"), onUpdate: sql("CURRENT_TIMESTAMP") })`,
  `note: col.text({ nullable: true, comment: "free text" })`,
  `ip: col.varbinary(16, { nullable: true })`,
  `payload: col.json({ nullable: true })`,
  `score: col.float({ nullable: true })`,
  `hits: col.bigint({ unsigned: true, default: 0 })`,
  `extra: col.varchar(255, { nullable: true })`,
];

function tableSource(t: number, age: number, shape: Shape): string {
  const columns = COLUMN_DECLS.slice(0, columnCount(age, shape));
  const indexes = [
    `{ name: "t${t}_site_day", columns: ["site_id", "day"] }`,
    `{ name: "t${t}_slug_uq", columns: ["slug"], unique: true }`,
  ];
  if (age >= 2)
    indexes.push(`{ name: "${lateIndexName(t)}", columns: ["status", { column: "created_at", desc: true }] }`);
  const fks =
    t % 5 === 0 && t > 0
      ? `, foreignKeys: [{ name: "t${t}_ref_fk", columns: ["ref_id"], references: { table: t${t - 1}, columns: ["id"] }, onDelete: "SET NULL" }]`
      : "";
  return `export const t${t} = table("t${t}", {\n  ${columns.join(",\n  ")},\n}, { primaryKey: ["id"], indexes: [${indexes.join(", ")}]${fks} });\n`;
}

/** The entities module of one version; `dsl` is the absolute path of src/entities/index.ts. */
export function entitiesSource(version: number, dsl: string, shape: Shape = DEFAULT_SHAPE): string {
  const tables = Array.from({ length: shape.tables }, (_, t) => t).filter((t) => createdIn(t, shape) <= version);
  return [
    `import { col, sql, table } from ${JSON.stringify(dsl)};\n`,
    `export const database = { charset: "utf8mb4", collate: "utf8mb4_0900_ai_ci" };\n`,
    ...tables.map((t) => tableSource(t, version - createdIn(t, shape), shape)),
    `export const tables = [${tables.map((t) => `t${t}`).join(", ")}];\n`,
  ].join("\n");
}
