/**
 * Schema → entities source text: one `export const` per table built with `table()` and the `col` builders, then
 * `export const tables = […]` and the database defaults. For adopting an existing database: loaded back through
 * entitiesToSchema and the normaliser, the module gives the same schema (table AUTO_INCREMENT counters aside).
 */
import type {
  Column,
  Default,
  ForeignKey,
  Index,
  IndexPart,
  Partition,
  Partitioning,
  Schema,
  Table,
  TableOptions,
} from "../schema/model.ts";
import { objectsSource } from "./objects-source.ts";
import { viewSource } from "./view-source.ts";

/** A column type the `col` builders cannot declare (e.g. `bit(3)`, `uuid`). */
export class UnsupportedEntityTypeError extends Error {
  constructor(
    readonly table: string,
    readonly column: string,
    readonly type: string,
  ) {
    super(`column "${table}"."${column}" has type ${type}, which the entity builders cannot declare`);
    this.name = "UnsupportedEntityTypeError";
  }
}

/** Options of the writer. */
export interface EntitiesSourceOptions {
  /** The module specifier the generated file imports `col`, `sql` and `table` from. */
  readonly importFrom: string;
}

const s = (v: string) => JSON.stringify(v);
const IDENT = /^[A-Za-z_$][\w$]*$/;
const RESERVED = new Set([
  "break",
  "case",
  "catch",
  "class",
  "const",
  "continue",
  "debugger",
  "default",
  "delete",
  "do",
  "else",
  "enum",
  "export",
  "extends",
  "false",
  "finally",
  "for",
  "function",
  "if",
  "import",
  "in",
  "instanceof",
  "new",
  "null",
  "return",
  "super",
  "switch",
  "this",
  "throw",
  "true",
  "try",
  "typeof",
  "var",
  "void",
  "while",
  "with",
  "yield",
  "let",
  "static",
  "implements",
  "interface",
  "package",
  "private",
  "protected",
  "public",
  "await",
  "tables",
  "database",
  "col",
  "sql",
  "table",
  "view",
  "views",
  "trigger",
  "event",
  "routine",
  "objects",
]);
const key = (name: string) => (IDENT.test(name) ? name : s(name));

/** The values of `enum('a','b')` / `set(…)` type text (single-quoted, `''` and backslash escapes). */
function enumValues(args: string): string[] {
  const out: string[] = [];
  const re = /'((?:[^'\\]|''|\\.)*)'/g;
  for (let m = re.exec(args); m; m = re.exec(args))
    out.push(m[1]!.replace(/''/g, "'").replace(/\\(.)/g, (_x, c: string) => ({ n: "\n", r: "\r", "0": "\0" })[c] ?? c));
  return out;
}

/** The builder call for a canonical type, the kind of literal its default takes, and options the type needs. */
function builder(
  t: Table,
  c: Column,
): { call: (opts: string) => string; literal: "number" | "string" | "bool"; unsigned: boolean; options: string[] } {
  const unsigned = / unsigned$/.test(c.type);
  const type = c.type.replace(/ unsigned$/, "");
  const plain = (name: string, literal: "number" | "string" | "bool" = "string", options: string[] = []) => ({
    call: (o: string) => `col.${name}(${o})`,
    literal,
    unsigned,
    options,
  });
  const sized = (name: string, arg: string, literal: "number" | "string" = "string") => ({
    call: (o: string) => `col.${name}(${arg}${o ? `, ${o}` : ""})`,
    literal,
    unsigned,
    options: [],
  });
  let m: RegExpExecArray | null;
  if ((m = /^(tinyint|smallint|mediumint|int|bigint)(?:\((\d+)\))?$/.exec(type)))
    return plain(m[1]!, "number", m[2] ? [`displayWidth: ${m[2]}`] : []);
  if ((m = /^(float|double)\((\d+),(\d+)\)$/.exec(type)))
    return plain(m[1]!, "number", [`precision: ${m[2]}`, `scale: ${m[3]}`]);
  if (type === "bool" || type === "float" || type === "double" || type === "year")
    return plain(type, type === "bool" ? "bool" : "number");
  if (/^(tinytext|text|mediumtext|longtext|tinyblob|blob|mediumblob|longblob|json|date)$/.test(type))
    return plain(type);
  if (/^(geometry|point|linestring|polygon|multipoint|multilinestring|multipolygon|geometrycollection)$/.test(type))
    return plain(type);
  if ((m = /^decimal\((\d+),(\d+)\)$/.exec(type))) return sized("decimal", `${m[1]}, ${m[2]}`);
  if ((m = /^(char|varchar|binary|varbinary)\((\d+)\)$/.exec(type))) return sized(m[1]!, m[2]!);
  if ((m = /^(time|datetime|timestamp)(?:\((\d+)\))?$/.exec(type))) {
    const [, name, fsp] = m;
    return {
      call: (o: string) => `col.${name}(${fsp ?? (o ? "undefined" : "")}${o ? `, ${o}` : ""})`,
      literal: "string",
      unsigned,
      options: [],
    };
  }
  if ((m = /^(enum|set)\((.*)\)$/.exec(type))) return sized(m[1]!, `[${enumValues(m[2]!).map(s).join(", ")}]`);
  throw new UnsupportedEntityTypeError(t.name, c.name, c.type);
}

function defaultText(d: Default, literal: "number" | "string" | "bool"): string {
  if (d.kind === "expr") return `sql(${s(d.value)})`;
  if (literal === "bool" && (d.value === "0" || d.value === "1")) return d.value === "1" ? "true" : "false";
  if (literal === "number" && /^-?\d+(\.\d+)?$/.test(d.value) && String(Number(d.value)) === d.value) return d.value;
  return s(d.value);
}

function columnSource(t: Table, c: Column): string {
  const b = builder(t, c);
  const o: string[] = [...b.options];
  if (b.unsigned) o.push("unsigned: true");
  if (c.autoIncrement) o.push("autoIncrement: true");
  if (c.nullable) o.push("nullable: true");
  if (c.default) o.push(`default: ${defaultText(c.default, b.literal)}`);
  if (c.onUpdate) o.push(`onUpdate: sql(${s(c.onUpdate)})`);
  if (c.collate && c.collate !== t.options.collate)
    o.push(`charset: ${s(c.charset ?? "")}`, `collate: ${s(c.collate)}`);
  if (c.comment) o.push(`comment: ${s(c.comment)}`);
  if (c.generated) o.push(`generated: { expr: ${s(c.generated.expr)}${c.generated.stored ? ", stored: true" : ""} }`);
  if (c.invisible) o.push("invisible: true");
  return `    ${key(c.name)}: ${b.call(o.length ? `{ ${o.join(", ")} }` : "")},`;
}

function partSource(p: IndexPart): string {
  if (p.expr !== undefined) return `{ expr: ${s(p.expr)} }`;
  if (p.prefix === undefined && !p.desc) return s(p.column ?? "");
  return `{ column: ${s(p.column ?? "")}${p.prefix ? `, prefix: ${p.prefix}` : ""}${p.desc ? ", desc: true" : ""} }`;
}

function indexSource(i: Index): string {
  const o = [`name: ${s(i.name)}`, `columns: [${i.parts.map(partSource).join(", ")}]`];
  if (i.unique) o.push("unique: true");
  if (i.type !== "BTREE") o.push(`type: ${s(i.type)}`);
  if (i.comment) o.push(`comment: ${s(i.comment)}`);
  if (i.parser) o.push(`parser: ${s(i.parser)}`);
  if (i.invisible) o.push("invisible: true");
  return `{ ${o.join(", ")} }`;
}

function foreignKeySource(f: ForeignKey): string {
  const o = [
    `name: ${s(f.name)}`,
    `columns: [${f.columns.map(s).join(", ")}]`,
    `references: { table: ${s(f.refTable)}, columns: [${f.refColumns.map(s).join(", ")}] }`,
  ];
  if (f.onDelete !== "NO ACTION") o.push(`onDelete: ${s(f.onDelete)}`);
  if (f.onUpdate !== "NO ACTION") o.push(`onUpdate: ${s(f.onUpdate)}`);
  return `{ ${o.join(", ")} }`;
}

function specSource(t: Table, schema: Schema): string[] {
  const o: string[] = [];
  const list = (name: string, items: string[]) =>
    items.length && o.push(`    ${name}: [\n${items.map((x) => `      ${x},`).join("\n")}\n    ],`);
  if (t.primaryKey) o.push(`    primaryKey: [${t.primaryKey.parts.map(partSource).join(", ")}],`);
  if (t.primaryKey?.comment) o.push(`    primaryKeyComment: ${s(t.primaryKey.comment)},`);
  list("indexes", t.indexes.map(indexSource));
  list("foreignKeys", t.foreignKeys.map(foreignKeySource));
  list(
    "checks",
    t.checks.map((c) => `{ name: ${s(c.name)}, expr: ${s(c.expr)}${c.enforced ? "" : ", enforced: false"} }`),
  );
  if (t.options.engine && t.options.engine !== "InnoDB") o.push(`    engine: ${s(t.options.engine)},`);
  if (t.options.collate && t.options.collate !== schema.collate)
    o.push(`    charset: ${s(t.options.charset ?? "")},`, `    collate: ${s(t.options.collate)},`);
  if (t.options.comment) o.push(`    comment: ${s(t.options.comment)},`);
  if (t.partition) o.push(...partitionSource(t.partition));
  o.push(...storageSource(t.options));
  return o;
}

/** The storage options as TableSpec entries (0/1 flags as booleans). */
function storageSource(options: TableOptions): string[] {
  const o: string[] = [];
  const flag = (v: number) => (v ? "true" : "false");
  if (options.rowFormat) o.push(`    rowFormat: ${s(options.rowFormat)},`);
  if (options.keyBlockSize) o.push(`    keyBlockSize: ${options.keyBlockSize},`);
  if (options.pageCompressed) o.push("    pageCompressed: true,");
  if (options.pageCompressionLevel !== undefined) o.push(`    pageCompressionLevel: ${options.pageCompressionLevel},`);
  if (options.statsPersistent !== undefined) o.push(`    statsPersistent: ${flag(options.statsPersistent)},`);
  if (options.statsAutoRecalc !== undefined) o.push(`    statsAutoRecalc: ${flag(options.statsAutoRecalc)},`);
  if (options.statsSamplePages !== undefined) o.push(`    statsSamplePages: ${options.statsSamplePages},`);
  return o;
}

/** `partitionBy: { … }` in the model's shape (the DSL takes it as it is), one partition a line. */
function partitionSource(p: Partitioning): string[] {
  const o: string[] = [`type: ${s(p.type)}`];
  if (p.expr !== undefined) o.push(`expr: ${s(p.expr)}`);
  if (p.columns !== undefined) o.push(`columns: [${p.columns.map(s).join(", ")}]`);
  if (p.count !== undefined) o.push(`count: ${p.count}`);
  if (p.subpartition) {
    const sp = p.subpartition;
    const parts = [`type: ${s(sp.type)}`];
    if (sp.expr !== undefined) parts.push(`expr: ${s(sp.expr)}`);
    if (sp.columns !== undefined) parts.push(`columns: [${sp.columns.map(s).join(", ")}]`);
    if (sp.count !== undefined) parts.push(`count: ${sp.count}`);
    o.push(`subpartition: { ${parts.join(", ")} }`);
  }
  const partition = (x: Partition) => {
    const f = [`name: ${s(x.name)}`];
    if (x.values !== undefined) f.push(`values: ${s(x.values)}`);
    if (x.comment) f.push(`comment: ${s(x.comment)}`);
    if (x.subpartitions) f.push(`subpartitions: [${x.subpartitions.map(s).join(", ")}]`);
    return `        { ${f.join(", ")} },`;
  };
  if (p.partitions.length === 0) return [`    partitionBy: { ${o.join(", ")} },`];
  return [
    "    partitionBy: {",
    ...o.map((x) => `      ${x},`),
    "      partitions: [",
    ...p.partitions.map(partition),
    "      ],",
    "    },",
  ];
}

/** A unique JavaScript identifier for each table (camelCase of its name). */
function exportNames(tables: readonly { readonly name: string }[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const t of tables) {
    let base = t.name
      .replace(/[^A-Za-z0-9_$]+(.)?/g, (_m, c: string | undefined) => (c ?? "").toUpperCase())
      .replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
    if (!IDENT.test(base) || RESERVED.has(base)) base = `${/^\d/.test(base) ? "t" : ""}${base}Table`;
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}${n}`;
    used.add(name);
    out.set(t.name, name);
  }
  return out;
}

/** The entities module for a schema; throws UnsupportedEntityTypeError for a type the builders cannot declare. */
export function schemaToEntitiesSource(schema: Schema, options: EntitiesSourceOptions): string {
  const views = schema.views ?? [];
  const names = exportNames(schema.tables);
  const viewNames = exportNames([...schema.tables, ...views]);
  const uses = { sql: views.length > 0 };
  const blocks = schema.tables.map((t) => {
    const cols = t.columns.map((c) => columnSource(t, c));
    const spec = specSource(t, schema);
    const text = `export const ${names.get(t.name)} = table(\n  ${s(t.name)},\n  {\n${cols.join("\n")}\n  },${spec.length ? `\n  {\n${spec.join("\n")}\n  },` : ""}\n);\n`;
    if (/\bsql\(/.test(cols.join("\n"))) uses.sql = true;
    return text;
  });
  const db = [
    schema.name ? `name: ${s(schema.name)}` : "",
    schema.charset ? `charset: ${s(schema.charset)}` : "",
    schema.collate ? `collate: ${s(schema.collate)}` : "",
  ].filter(Boolean);
  const objects = objectsSource(schema, viewNames);
  const builders = [
    "col",
    ...(uses.sql ? ["sql"] : []),
    "table",
    ...(views.length ? ["view"] : []),
    ...objects.builders,
  ];
  const header = `import { ${builders.sort().join(", ")} } from ${s(options.importFrom)};\n`;
  const viewBlocks = views.map((v) => viewSource(v, viewNames.get(v.name)!));
  const viewList = views.length
    ? `\nexport const views = [${views.map((v) => viewNames.get(v.name)).join(", ")}];\n`
    : "";
  const objectList = objects.footer ? `\n${objects.footer}` : "";
  const footer = `export const tables = [${schema.tables.map((t) => names.get(t.name)).join(", ")}];\n${viewList}${objectList}\nexport const database = { ${db.join(", ")} };\n`;
  return [header, ...blocks, ...viewBlocks, ...objects.blocks, footer].join("\n");
}
