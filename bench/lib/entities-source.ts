/**
 * The benchmark's entities, as module source text: 300 tables × 20 columns (realistic types, keys, some foreign keys),
 * grown over 100 versions so that every version changes something (tables created up to version 80, four columns
 * added later to each, one index added two versions after a table appears).
 */

/** How many versions the history has, and the final table/column counts. */
export const VERSIONS = 100;
export const TABLES = 300;
export const COLUMNS = 20;

const FIRST_VERSION_TABLES = 63;

/** The version a table first appears in: 63 tables in version 1, then three per version up to version 80. */
export function createdIn(table: number): number {
  return table < FIRST_VERSION_TABLES ? 1 : 2 + Math.floor((table - FIRST_VERSION_TABLES) / 3);
}

/** The 20 column declarations, in order; the last four arrive one every five versions after the table. */
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

function tableSource(t: number, version: number): string {
  const age = version - createdIn(t);
  const columns = COLUMN_DECLS.slice(0, 16 + Math.min(4, Math.floor(age / 5)));
  const indexes = [
    `{ name: "t${t}_site_day", columns: ["site_id", "day"] }`,
    `{ name: "t${t}_slug_uq", columns: ["slug"], unique: true }`,
  ];
  if (age >= 2)
    indexes.push(`{ name: "t${t}_status_created", columns: ["status", { column: "created_at", desc: true }] }`);
  const fks =
    t % 5 === 0 && t > 0
      ? `, foreignKeys: [{ name: "t${t}_ref_fk", columns: ["ref_id"], references: { table: t${t - 1}, columns: ["id"] }, onDelete: "SET NULL" }]`
      : "";
  return `export const t${t} = table("t${t}", {\n  ${columns.join(",\n  ")},\n}, { primaryKey: ["id"], indexes: [${indexes.join(", ")}]${fks} });\n`;
}

/** The entities module of one version; `dsl` is the absolute path of src/entities/index.ts. */
export function entitiesSource(version: number, dsl: string): string {
  const tables = Array.from({ length: TABLES }, (_, t) => t).filter((t) => createdIn(t) <= version);
  return [
    `import { col, sql, table } from ${JSON.stringify(dsl)};\n`,
    `export const database = { charset: "utf8mb4", collate: "utf8mb4_0900_ai_ci" };\n`,
    ...tables.map((t) => tableSource(t, version)),
    `export const tables = [${tables.map((t) => `t${t}`).join(", ")}];\n`,
  ].join("\n");
}
