/**
 * The front door: `stats-db` (package.json `exports`) is src/index.ts with the library API, and `stats-db/entities`
 * is the entity DSL entities import.
 */
import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as front from "../src/index.ts";
import * as dsl from "../src/entities/index.ts";

const pkg = JSON.parse(readFileSync(join(import.meta.dir, "..", "package.json"), "utf8")) as {
  exports: Record<string, string>;
  bin: Record<string, string>;
};

describe("the front door", () => {
  test("package.json names it and the DSL, and keeps the bin", () => {
    expect(pkg.exports["."]).toBe("./src/index.ts");
    expect(pkg.exports["./entities"]).toBe("./src/entities/index.ts");
    expect(pkg.bin["stats-db"]).toBe("bin/stats-db.ts");
  });

  test.each([
    "diff",
    "plan",
    "parse",
    "applyChanges",
    "inspect",
    "replaySql",
    "replaySteps",
    "migrateApply",
    "migrateDown",
    "migrateDrift",
    "migrateStatus",
    "lintDir",
    "loadSource",
  ])("exports %s", (name) => {
    expect(typeof (front as Record<string, unknown>)[name]).toBe("function");
  });

  test("the DSL is the same objects through the front door and stats-db/entities", async () => {
    expect(front.col).toBe(dsl.col);
    expect(front.table).toBe(dsl.table);
    expect(front.sql).toBe(dsl.sql);
    const bySpecifier = (await import("stats-db/entities")) as typeof dsl;
    expect(bySpecifier.table).toBe(dsl.table);
    expect(typeof ((await import("stats-db")) as typeof front).diff).toBe("function");
  });

  test("a diff through the front door", () => {
    const desired = front.replaySql("CREATE TABLE t (id int NOT NULL, PRIMARY KEY (id));", front.mysql8);
    const statements = front.plan(front.diff(front.emptySchema, desired), front.mysql8).map((s) => s.sql);
    expect(statements.join("\n")).toContain("CREATE TABLE `t`");
  });
});
