/**
 * Golden cases: ALTER TABLE rendering, rewriting and splitting.
 */
import { type Flavor, mariadb, mysql8 } from "../../../src/mysql/flavor.ts";
import type { TableChange } from "../../../src/schema/changes.ts";
import { chk, col, fk, ID, idx, nint, type PlanCase, table, vc } from "./fixtures.ts";

const parent = table("parent", [ID, col("code", "int")], { indexes: [idx("code", ["code"], { unique: true })] });
const t = table("t", [ID, nint("a"), vc("name", 50, { nullable: true }), nint("pid")], {
  indexes: [idx("ia", ["a"]), idx("pid", ["pid"])],
  foreignKeys: [fk("t_pid", ["pid"], "parent")],
  checks: [chk("a_pos", "`a` > 0")],
});
const alter = (...changes: TableChange[]) => [{ kind: "ModifyTable" as const, table: "t", changes }];
const oldSchool: Flavor = { ...mariadb, renameColumn: false, renameIndex: false };

/** ALTER TABLE cases. */
export const alterCases: PlanCase[] = [
  {
    name: "add columns at the end, FIRST and AFTER",
    current: [parent, t],
    changes: alter(
      { kind: "AddColumn", column: nint("z") },
      { kind: "AddColumn", column: nint("f"), position: { first: true } },
      { kind: "AddColumn", column: vc("b", 10, { nullable: true }), position: { after: "a" } },
    ),
    want: [
      'modify "t" table: ALTER TABLE `t` ADD COLUMN `z` int NULL, ADD COLUMN `f` int NULL FIRST, ADD COLUMN `b` varchar(10) NULL AFTER `a`',
    ],
    live: true,
  },
  {
    name: "without the current schema, character columns state their charset and collation",
    current: [parent, t],
    blind: true,
    changes: alter({ kind: "AddColumn", column: vc("b", 10, { nullable: true }) }),
    want: [
      'modify "t" table: ALTER TABLE `t` ADD COLUMN `b` varchar(10) CHARSET utf8mb4 NULL COLLATE utf8mb4_general_ci',
    ],
    live: true,
  },
  {
    name: "drop a column and modify one",
    current: [parent, t],
    changes: alter(
      { kind: "DropColumn", column: vc("name", 50, { nullable: true }) },
      { kind: "ModifyColumn", from: nint("a"), to: col("a", "bigint", { default: { kind: "literal", value: "7" } }) },
    ),
    want: ['modify "t" table: ALTER TABLE `t` DROP COLUMN `name`, MODIFY COLUMN `a` bigint NOT NULL DEFAULT 7'],
    live: true,
  },
  {
    name: "a move alone still writes the full definition",
    current: [parent, t],
    changes: alter({
      kind: "ModifyColumn",
      from: vc("name", 50, { nullable: true }),
      to: vc("name", 50, { nullable: true }),
      position: { after: "id" },
    }),
    want: ['modify "t" table: ALTER TABLE `t` MODIFY COLUMN `name` varchar(50) NULL AFTER `id`'],
    live: true,
  },
  {
    name: "rename a column",
    current: [parent, t],
    changes: alter({ kind: "RenameColumn", from: "name", to: "title" }),
    want: ['modify "t" table: ALTER TABLE `t` RENAME COLUMN `name` TO `title`'],
    live: true,
  },
  {
    name: "rename plus definition change becomes CHANGE COLUMN",
    current: [parent, t],
    changes: alter(
      { kind: "RenameColumn", from: "name", to: "title" },
      { kind: "AddIndex", index: idx("title", ["title"]) },
      {
        kind: "ModifyColumn",
        from: vc("title", 50, { nullable: true }),
        to: vc("title", 80),
        position: { first: true },
      },
    ),
    want: [
      'modify "t" table: ALTER TABLE `t` CHANGE COLUMN `name` `title` varchar(80) NOT NULL FIRST, ADD INDEX `title` (`title`)',
    ],
    live: true,
  },
  {
    name: "a flavour without RENAME COLUMN uses CHANGE COLUMN with the current definition",
    flavor: oldSchool,
    current: [parent, t],
    changes: alter({ kind: "RenameColumn", from: "name", to: "title" }),
    want: ['modify "t" table: ALTER TABLE `t` CHANGE COLUMN `name` `title` varchar(50) NULL'],
    live: true,
  },
  {
    name: "a flavour without RENAME COLUMN and no current schema cannot rename",
    flavor: oldSchool,
    changes: alter({ kind: "RenameColumn", from: "name", to: "title" }),
    want: { error: /CHANGE COLUMN/, table: "t", column: "name" },
  },
  {
    name: "a flavour without RENAME INDEX cannot rename an index",
    flavor: oldSchool,
    changes: alter({ kind: "RenameIndex", from: "ia", to: "ib" }),
    want: { error: /cannot rename index "ia"/, table: "t" },
  },
  {
    name: "add, drop and rename indexes",
    current: [parent, t],
    changes: alter(
      { kind: "DropIndex", index: idx("ia", ["a"]) },
      { kind: "RenameIndex", from: "pid", to: "by_parent" },
      { kind: "AddIndex", index: idx("u_name", ["name"], { unique: true }) },
      { kind: "AddIndex", index: idx("ft", ["name"], { type: "FULLTEXT" }) },
    ),
    want: [
      'modify "t" table: ALTER TABLE `t` DROP INDEX `ia`, RENAME INDEX `pid` TO `by_parent`, ADD UNIQUE INDEX `u_name` (`name`), ADD FULLTEXT INDEX `ft` (`name`)',
    ],
    live: true,
  },
  {
    name: "an index re-added under its name is dropped in a first ALTER",
    current: [parent, t],
    changes: alter(
      { kind: "DropIndex", index: idx("ia", ["a"]) },
      { kind: "AddColumn", column: nint("b") },
      { kind: "AddIndex", index: idx("ia", ["a", "b"]) },
    ),
    want: [
      'modify "t" table: ALTER TABLE `t` DROP INDEX `ia`',
      'modify "t" table: ALTER TABLE `t` ADD COLUMN `b` int NULL, ADD INDEX `ia` (`a`, `b`)',
    ],
    live: true,
  },
  {
    name: "an index a kept foreign key relies on is dropped and re-added in one ALTER",
    current: [parent, t],
    changes: alter(
      { kind: "DropIndex", index: idx("pid", ["pid"]) },
      { kind: "AddIndex", index: idx("pid", ["pid", "a"]) },
    ),
    want: ['modify "t" table: ALTER TABLE `t` DROP INDEX `pid`, ADD INDEX `pid` (`pid`, `a`)'],
    live: true,
  },
  {
    name: "a foreign key re-added under its name is dropped in a first ALTER",
    current: [parent, t],
    changes: alter(
      { kind: "DropForeignKey", foreignKey: fk("t_pid", ["pid"], "parent") },
      { kind: "AddForeignKey", foreignKey: fk("t_pid", ["pid"], "parent", ["id"], "CASCADE") },
    ),
    want: [
      'modify "t" table: ALTER TABLE `t` DROP FOREIGN KEY `t_pid`',
      'modify "t" table: ALTER TABLE `t` ADD CONSTRAINT `t_pid` FOREIGN KEY (`pid`) REFERENCES `parent` (`id`) ON DELETE CASCADE',
    ],
    live: true,
  },
  {
    name: "a foreign key and its index both re-created: drops first, adds second",
    current: [parent, t],
    changes: alter(
      { kind: "DropForeignKey", foreignKey: fk("t_pid", ["pid"], "parent") },
      { kind: "DropIndex", index: idx("pid", ["pid"]) },
      { kind: "AddIndex", index: idx("pid", ["pid", "a"]) },
      { kind: "AddForeignKey", foreignKey: fk("t_pid", ["pid"], "parent", ["code"]) },
    ),
    want: [
      'modify "t" table: ALTER TABLE `t` DROP FOREIGN KEY `t_pid`, DROP INDEX `pid`',
      'modify "t" table: ALTER TABLE `t` ADD INDEX `pid` (`pid`, `a`), ADD CONSTRAINT `t_pid` FOREIGN KEY (`pid`) REFERENCES `parent` (`code`)',
    ],
    live: true,
  },
  {
    name: "dropping a foreign key and the index it used fits one ALTER",
    current: [parent, t],
    changes: alter(
      { kind: "DropForeignKey", foreignKey: fk("t_pid", ["pid"], "parent") },
      { kind: "DropIndex", index: idx("pid", ["pid"]) },
    ),
    want: ['modify "t" table: ALTER TABLE `t` DROP FOREIGN KEY `t_pid`, DROP INDEX `pid`'],
    live: true,
  },
  {
    name: "DROP INDEX is left out when all its columns are dropped in the same ALTER",
    current: [parent, t],
    changes: alter(
      { kind: "DropIndex", index: idx("ia", ["a"]) },
      { kind: "DropCheck", check: chk("a_pos", "`a` > 0") },
      { kind: "DropColumn", column: nint("a") },
    ),
    want: ['modify "t" table: ALTER TABLE `t` DROP CONSTRAINT `a_pos`, DROP COLUMN `a`'],
    live: true,
  },
  {
    name: "primary key dropped and re-added in one ALTER",
    current: [table("k", [col("a", "int"), col("b", "int")], { primaryKey: { parts: [{ column: "a" }] } })],
    changes: [
      {
        kind: "ModifyTable",
        table: "k",
        changes: [
          { kind: "DropPrimaryKey", primaryKey: { parts: [{ column: "a" }] } },
          { kind: "AddPrimaryKey", primaryKey: { parts: [{ column: "a" }, { column: "b", desc: true }] } },
        ],
      },
    ],
    want: ['modify "k" table: ALTER TABLE `k` DROP PRIMARY KEY, ADD PRIMARY KEY (`a`, `b` DESC)'],
    live: true,
  },
  {
    name: "MariaDB drops a check with DROP CONSTRAINT and re-adds a changed one in the same ALTER",
    current: [parent, t],
    changes: alter(
      { kind: "DropCheck", check: chk("a_pos", "`a` > 0") },
      { kind: "AddCheck", check: chk("a_pos", "`a` > 1") },
      { kind: "AddCheck", check: chk("CONSTRAINT_1", "`pid` <> `a`") },
    ),
    want: [
      'modify "t" table: ALTER TABLE `t` DROP CONSTRAINT `a_pos`, ADD CONSTRAINT `a_pos` CHECK (`a` > 1), ADD CONSTRAINT `CONSTRAINT_1` CHECK (`pid` <> `a`)',
    ],
    live: true,
  },
  {
    name: "MySQL drops a check with DROP CHECK",
    flavor: mysql8,
    changes: alter(
      { kind: "DropCheck", check: chk("a_pos", "`a` > 0") },
      { kind: "AddCheck", check: chk("a_pos", "`a` > 1") },
    ),
    want: ['modify "t" table: ALTER TABLE `t` DROP CHECK `a_pos`, ADD CONSTRAINT `a_pos` CHECK (`a` > 1)'],
  },
  {
    name: "MySQL: a change of enforcement only becomes ALTER CHECK",
    flavor: mysql8,
    changes: alter(
      { kind: "DropCheck", check: chk("a_pos", "`a` > 0") },
      { kind: "AddCheck", check: chk("a_pos", "`a` > 0", false) },
    ),
    want: ['modify "t" table: ALTER TABLE `t` ALTER CHECK `a_pos` NOT ENFORCED'],
  },
  {
    name: "table options: comment, engine, AUTO_INCREMENT, charset and collation",
    current: [parent, t],
    changes: alter({
      kind: "ModifyOptions",
      from: {},
      to: { comment: "rows", charset: "latin1", collate: "latin1_bin", engine: "InnoDB", autoIncrement: 50 },
    }),
    want: [
      "modify \"t\" table: ALTER TABLE `t` COMMENT 'rows', CHARSET latin1 COLLATE latin1_bin, ENGINE InnoDB, AUTO_INCREMENT 50",
    ],
    live: true,
  },
  {
    name: "an empty comment clears it; an options change with nothing in it writes nothing",
    changes: [
      {
        kind: "ModifyTable",
        table: "a",
        changes: [{ kind: "ModifyOptions", from: { comment: "x" }, to: { comment: "" } }],
      },
      { kind: "ModifyTable", table: "b", changes: [{ kind: "ModifyOptions", from: {}, to: {} }] },
    ],
    want: ["modify \"a\" table: ALTER TABLE `a` COMMENT ''"],
  },
  {
    name: "a table charset change in the same ALTER makes added columns state their charset",
    current: [parent, t],
    changes: alter(
      { kind: "AddColumn", column: vc("b", 10, { nullable: true }) },
      {
        kind: "ModifyOptions",
        from: { charset: "utf8mb4", collate: "utf8mb4_general_ci" },
        to: { charset: "latin1", collate: "latin1_swedish_ci" },
      },
    ),
    want: [
      'modify "t" table: ALTER TABLE `t` ADD COLUMN `b` varchar(10) CHARSET utf8mb4 NULL COLLATE utf8mb4_general_ci, CHARSET latin1 COLLATE latin1_swedish_ci',
    ],
    live: true,
  },
  {
    name: "convert to another charset",
    current: [parent, t],
    changes: alter({ kind: "ConvertCharset", charset: "utf8mb4", collate: "utf8mb4_bin" }),
    want: ['modify "t" table: ALTER TABLE `t` CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin'],
    live: true,
  },
  {
    name: "add a foreign key with its index in one ALTER",
    current: [parent, t],
    changes: alter(
      { kind: "AddColumn", column: nint("code") },
      { kind: "AddIndex", index: idx("code", ["code"]) },
      { kind: "AddForeignKey", foreignKey: fk("t_code", ["code"], "parent", ["code"], "SET NULL", "CASCADE") },
    ),
    want: [
      'modify "t" table: ALTER TABLE `t` ADD COLUMN `code` int NULL, ADD INDEX `code` (`code`), ADD CONSTRAINT `t_code` FOREIGN KEY (`code`) REFERENCES `parent` (`code`) ON UPDATE CASCADE ON DELETE SET NULL',
    ],
    live: true,
  },
  {
    name: "SET NULL foreign key on a NOT NULL column added in the same ALTER is a plan error",
    changes: alter(
      { kind: "AddColumn", column: col("code", "int") },
      { kind: "AddForeignKey", foreignKey: fk("t_code", ["code"], "parent", ["code"], "SET NULL") },
    ),
    want: { error: /sets column "code" to NULL/, table: "t", column: "code" },
  },
  {
    name: "making a SET NULL foreign key's column NOT NULL is a plan error (with the current schema)",
    current: [parent, { ...t, foreignKeys: [fk("t_pid", ["pid"], "parent", ["id"], "SET NULL")] }],
    changes: alter({ kind: "ModifyColumn", from: nint("pid"), to: col("pid", "int") }),
    want: { error: /sets column "pid" to NULL/, table: "t", column: "pid" },
  },
  {
    name: "changes that do not fit the current schema are a plan error",
    current: [parent, t],
    changes: alter({ kind: "DropColumn", column: nint("nope") }),
    want: { error: /do not fit the current schema/, table: "t" },
  },
];
