/** `schema inspect --format mermaid`: the ER diagram of a schema (offline cases) and of the entities and a live database. */
import { describe, expect, test } from "bun:test";
import { schemaMermaid } from "../../src/cli/schema-mermaid.ts";
import type { Column, Schema, Table } from "../../src/schema/model.ts";

const col = (name: string, type: string, nullable = false): Column => ({ name, type, nullable });
const table = (name: string, columns: Column[], rest: Partial<Table> = {}): Table => ({
  name,
  columns,
  indexes: [],
  foreignKeys: [],
  checks: [],
  options: {},
  ...rest,
});
const fk = (name: string, columns: string[], refTable: string, refColumns: string[]) => ({
  name,
  columns,
  refTable,
  refColumns,
  onUpdate: "NO ACTION" as const,
  onDelete: "NO ACTION" as const,
});

const schema: Schema = {
  tables: [
    table("users", [col("id", "int unsigned"), col("email", "varchar(255)"), col("pk", "int")], {
      primaryKey: { parts: [{ column: "id" }] },
      indexes: [{ name: "email_uq", unique: true, type: "BTREE", parts: [{ column: "email" }] }],
    }),
    table("profiles", [col("user_id", "int unsigned"), col("bio", "text", true)], {
      primaryKey: { parts: [{ column: "user_id" }] },
      foreignKeys: [fk("profiles_user_fk", ["user_id"], "users", ["id"])],
    }),
    table(
      "orders",
      [
        col("id", "bigint"),
        col("user_id", "int unsigned", true),
        col("state", "enum('new','paid')"),
        col("total", "decimal(10,2)"),
      ],
      { primaryKey: { parts: [{ column: "id" }] }, foreignKeys: [fk("orders_user_fk", ["user_id"], "users", ["id"])] },
    ),
    table("order lines", [col("order_id", "bigint"), col("n", "int")], {
      primaryKey: { parts: [{ column: "order_id" }, { column: "n" }] },
      foreignKeys: [fk("lines_order_fk", ["order_id"], "orders", ["id"])],
    }),
  ],
};

describe("schemaMermaid", () => {
  const out = schemaMermaid(schema);
  const lines = out.split("\n");

  test("an erDiagram with each table, its columns, types and key markers", () => {
    expect(lines[0]).toBe("erDiagram");
    expect(out).toContain(
      ["  users {", "    int_unsigned id PK", "    varchar(255) email UK", "    int pk_", "  }"].join("\n"),
    );
    expect(lines).toContain("    int_unsigned user_id PK, FK");
    expect(lines).toContain('    text bio "null"');
  });

  test("types mermaid cannot read keep their exact text in the comment", () => {
    expect(lines).toContain(`    enum state "enum('new','paid')"`);
    expect(lines).toContain('    decimal total "decimal(10,2)"');
    expect(lines).toContain('    int_unsigned user_id FK "null"');
  });

  test("foreign keys are relationships with cardinality and identification", () => {
    // A unique NOT NULL key inside the primary key: one to zero-or-one, identifying.
    expect(lines).toContain('  users ||--o| profiles : "profiles_user_fk"');
    // A nullable, non-key column: zero-or-one to many, non-identifying.
    expect(lines).toContain('  users |o..o{ orders : "orders_user_fk"');
    // Part of a composite primary key; a table name with a space is quoted.
    expect(lines).toContain('  orders ||--o{ "order lines" : "lines_order_fk"');
  });

  test("an empty schema is an empty diagram", () => {
    expect(schemaMermaid({ tables: [] })).toBe("erDiagram\n");
  });
});
