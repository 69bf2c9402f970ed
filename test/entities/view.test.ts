/**
 * The view DSL: `view(name, sql\`…\`, options)` and `sql` as a template tag; declared views reach the schema in normal
 * form; a view named like a table or another view is refused with the other entity problems.
 */
import { describe, expect, test } from "bun:test";
import { col, entitiesToSchema, sql, table, view } from "../../src/entities/index.ts";
import { mariadb } from "../../src/mysql/flavor.ts";
import { normalizeSchema } from "../../src/mysql/normalize-schema.ts";
import { SourceError } from "../../src/project/errors.ts";
import { schemaFromEntities } from "../../src/project/entities-schema.ts";

const users = table("users", { id: col.int(), name: col.varchar(20) }, { primaryKey: ["id"] });

describe("view()", () => {
  test("sql works as a template tag and as a function", () => {
    const min = 3;
    expect(sql`SELECT id FROM users WHERE id > ${min}`).toEqual({ sql: "SELECT id FROM users WHERE id > 3" });
    expect(sql("CURRENT_TIMESTAMP")).toEqual({ sql: "CURRENT_TIMESTAMP" });
  });

  test("a declared view reaches the schema in normal form, defaults left out", () => {
    const views = [
      view("named", sql`SELECT * FROM users`, { algorithm: "UNDEFINED", security: "DEFINER" }),
      view("ids", "SELECT id FROM named", { algorithm: "MERGE", checkOption: "LOCAL", definer: "app@%" }),
    ];
    const schema = normalizeSchema(entitiesToSchema([users], {}, views), mariadb);
    expect(schema.views).toEqual([
      { name: "named", definition: "select `id`, `name` from `users`", reads: ["users"] },
      {
        name: "ids",
        definition: "select `id` from `named`",
        algorithm: "MERGE",
        checkOption: "LOCAL",
        definer: "app@%",
        reads: ["named"],
      },
    ]);
  });

  test("a view named like a table or another view, or with no SELECT, is an entity problem", () => {
    const mod = {
      tables: [users],
      views: [view("users", sql`SELECT 1`), view("v", sql`SELECT 1`), view("v", sql`SELECT 2`), view("e", sql` `)],
    };
    let error: unknown;
    try {
      schemaFromEntities(mod, mariadb, "entities");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).message).toBe("entities: 3 problems in the entities; nothing was written");
    expect((error as SourceError).problems).toEqual([
      'view "users": the name is already used by a table or another view',
      'view "v": the name is already used by a table or another view',
      'view "e": the SELECT is empty',
    ]);
  });
});
