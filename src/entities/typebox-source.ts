/**
 * Schema → entities source text: one `export const` per table built with `table()` and the `col` builders, then
 * `export const tables = […]` and the database defaults. For adopting an existing database: loaded back through
 * entitiesToSchema and the normaliser, the module gives the same schema (table AUTO_INCREMENT counters aside).
 */
import type { Column, Default, ForeignKey, Index, IndexPart, Schema, Table } from "../schema/model.ts";
import { objectsSource } from "./objects-source.ts";

/** A column type the `col` builders cannot declare (e.g. `bit(3)`, `geometry`, `float(7,2)`). */
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

/** The builder call for a canonical type and the kind of literal its default takes. */
function builder(
  t: Table,
  c: Column,
): { call: (opts: string) => string; literal: "number" | "string" | "bool"; unsigned: boolean } {
  const unsigned = / unsigned$/.test(c.type);
  const type = c.type.replace(/ unsigned$/, "");
  const plain = (name: string, literal: "number" | "string" | "bool" = "string") => ({
    call: (o: string) => `col.${name}(${o})`,
    literal,
    unsigned,
  });
  const sized = (name: string, arg: string, literal: "number" | "string" = "string") => ({
    call: (o: string) => `col.${name}(${arg}${o ? `, ${o}` : ""})`,
    literal,
    unsigned,
  });
  let m: RegExpExecArray | null;
  if (/^(tinyint|smallint|mediumint|int|bigint)$/.test(type)) return plain(type, "number");
  if (type === "bool" || type === "float" || type === "double" || type === "year")
    return plain(type, type === "bool" ? "bool" : "number");
  if (/^(tinytext|text|mediumtext|longtext|tinyblob|blob|mediumblob|longblob|json|date)$/.test(type))
    return plain(type);
  if ((m = /^decimal\((\d+),(\d+)\)$/.exec(type))) return sized("decimal", `${m[1]}, ${m[2]}`);
  if ((m = /^(char|varchar|binary|varbinary)\((\d+)\)$/.exec(type))) return sized(m[1]!, m[2]!);
  if ((m = /^(time|datetime|timestamp)(?:\((\d+)\))?$/.exec(type))) {
    const [, name, fsp] = m;
    return {
      call: (o: string) => `col.${name}(${fsp ?? (o ? "undefined" : "")}${o ? `, ${o}` : ""})`,
      literal: "string",
      unsigned,
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
  const o: string[] = [];
  if (b.unsigned) o.push("unsigned: true");
  if (c.autoIncrement) o.push("autoIncrement: true");
  if (c.nullable) o.push("nullable: true");
  if (c.default) o.push(`default: ${defaultText(c.default, b.literal)}`);
  if (c.onUpdate) o.push(`onUpdate: sql(${s(c.onUpdate)})`);
  if (c.collate && c.collate !== t.options.collate)
    o.push(`charset: ${s(c.charset ?? "")}`, `collate: ${s(c.collate)}`);
  if (c.comment) o.push(`comment: ${s(c.comment)}`);
  if (c.generated) o.push(`generated: { expr: ${s(c.generated.expr)}${c.generated.stored ? ", stored: true" : ""} }`);
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
  return o;
}

/** A unique JavaScript identifier for each table (camelCase of its name). */
function exportNames(tables: readonly Table[]): Map<string, string> {
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
  const names = exportNames(schema.tables);
  const uses = { sql: false };
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
  const objects = objectsSource(schema, names);
  const builders = ["col", ...(uses.sql ? ["sql"] : []), "table", ...objects.builders].sort().join(", ");
  const header = `import { ${builders} } from ${s(options.importFrom)};\n`;
  const footer = `export const tables = [${schema.tables.map((t) => names.get(t.name)).join(", ")}];\n${objects.footer ? `\n${objects.footer}` : ""}\nexport const database = { ${db.join(", ")} };\n`;
  return [header, ...blocks, ...objects.blocks, footer].join("\n");
}
