import { describe, expect, test } from "bun:test";
import { formatMigrationFile, newMigrationName } from "../../src/migrate/name.ts";

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

describe("formatMigrationFile", () => {
  test.each([
    {
      name: "Atlas's cli-migrate-diff example",
      statements: [{ comment: 'create "users" table', sql: "CREATE TABLE `users` (`id` bigint NOT NULL AUTO_INCREMENT, PRIMARY KEY (`id`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci" }],
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
