import { describe, expect, test } from "bun:test";
import { MigrationNameError, VersionOrderError } from "../../src/migrate/dir/errors.ts";
import { compareNames } from "../../src/migrate/bytestring.ts";
import { checkMigrationName, formatMigrationFile, newMigrationName, nextVersion } from "../../src/migrate/dir/name.ts";

describe("newMigrationName", () => {
  const now = new Date(Date.UTC(2024, 0, 2, 3, 4, 5));
  test.each([
    { name: undefined, want: "20240102030405.sql" },
    { name: "", want: "20240102030405.sql" },
    { name: "add_users", want: "20240102030405_add_users.sql" },
  ])("name $name", (c) => expect(newMigrationName(now, c.name)).toBe(c.want));
  test("uses UTC, not local time", () => {
    expect(newMigrationName(new Date("2024-12-31T23:59:59-05:00"))).toBe("20250101045959.sql");
  });
});

describe("nextVersion: always after the directory's latest", () => {
  const now = new Date(Date.UTC(2024, 0, 2, 3, 4, 5));
  test.each([
    { latest: undefined, want: "20240102030405" },
    { latest: "20240102030404", want: "20240102030405" },
    { latest: "20240102030405", want: "20240102030406" },
    { latest: "20991231235959", want: "21000101000000" },
    { latest: "20240102030459", want: "20240102030500" },
    { latest: "1", want: "20240102030405" },
  ])("latest $latest → $want", (c) => expect(nextVersion(now, c.latest)).toBe(c.want));
  test.each(["3", "9_x", "20240102030405.5", "20241399000000"])(
    "a later version that is no timestamp (%s) is refused",
    (latest) => {
      expect(() => nextVersion(now, latest)).toThrow(VersionOrderError);
    },
  );
  test("newMigrationName bumps past the latest", () => {
    expect(newMigrationName(now, "again", "20240102030405")).toBe("20240102030406_again.sql");
  });
});

describe("migration names", () => {
  test.each(["add_users", "A-1", "x", "0_9-Z"])("%s is accepted", (n) => expect(checkMigrationName(n)).toBe(n));
  test.each(["../../x", "a/b", "a\\b", "..", "a b", " ", "", "a;rm", "$HOME", "x.sql", "é", "a\nb", "a`b"])(
    "%j is refused",
    (n) => {
      expect(() => checkMigrationName(n)).toThrow(MigrationNameError);
      expect(() => newMigrationName(new Date(0), n || "x/")).toThrow(MigrationNameError);
    },
  );
});

describe("formatMigrationFile", () => {
  test.each([
    {
      name: "Atlas's cli-migrate-diff example",
      statements: [
        {
          comment: 'create "users" table',
          sql: "CREATE TABLE `users` (`id` bigint NOT NULL AUTO_INCREMENT, PRIMARY KEY (`id`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci",
        },
      ],
      directives: [],
      want: '-- Create "users" table\nCREATE TABLE `users` (`id` bigint NOT NULL AUTO_INCREMENT, PRIMARY KEY (`id`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci;\n',
    },
    {
      name: "several statements, no blank lines",
      statements: [
        { comment: 'modify "t" table', sql: "ALTER TABLE `t` ADD COLUMN `a` int NOT NULL" },
        { comment: 'drop "u" table', sql: "DROP TABLE `u`" },
      ],
      directives: [],
      want: '-- Modify "t" table\nALTER TABLE `t` ADD COLUMN `a` int NOT NULL;\n-- Drop "u" table\nDROP TABLE `u`;\n',
    },
    {
      name: "directives then a blank line",
      statements: [{ comment: 'drop "u" table', sql: "DROP TABLE `u`" }],
      directives: ["-- atlas:txmode none"],
      want: '-- atlas:txmode none\n\n-- Drop "u" table\nDROP TABLE `u`;\n',
    },
    {
      name: "no comment line for an empty comment",
      statements: [{ comment: "", sql: "SELECT 1" }],
      directives: [],
      want: "SELECT 1;\n",
    },
  ])("$name", (c) => expect(formatMigrationFile(c.statements, c.directives)).toBe(c.want));
});

describe("compareNames: Go's byte-wise UTF-8 order without encoding", () => {
  test("agrees with comparing the UTF-8 bytes on ASCII, BMP, astral and lone-surrogate names", () => {
    const parts = ["", "1", "10", "_", "a", "é", "\u00ff", "\ud7ff", "\ue000", "\uffff", "😀", "𝄞", "\ud83d", "\ude00"];
    const bytes = (a: string, b: string) => Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
    const wrong: string[] = [];
    for (const a1 of parts)
      for (const a2 of parts)
        for (const b1 of parts)
          for (const b2 of parts)
            if (compareNames(a1 + a2, b1 + b2) !== bytes(a1 + a2, b1 + b2))
              wrong.push(JSON.stringify([a1 + a2, b1 + b2]));
    expect(wrong).toEqual([]);
  });
});
