/**
 * Golden cases: the order of statements across tables (Atlas §6.2) and foreign-key cycles.
 */
import type { Change } from "../../../src/schema/changes.ts";
import { col, fk, ID, idx, nint, type PlanCase, table } from "./fixtures.ts";

const a = table("a", [ID]);
const b = table("b", [ID, nint("a_id")], { indexes: [idx("a_id", ["a_id"])], foreignKeys: [fk("b_a", ["a_id"], "a")] });
const c = table("c", [ID, nint("b_id")], { indexes: [idx("b_id", ["b_id"])], foreignKeys: [fk("c_b", ["b_id"], "b")] });
const x = table("x", [ID, nint("y_id")], { indexes: [idx("y_id", ["y_id"])], foreignKeys: [fk("x_y", ["y_id"], "y")] });
const y = table("y", [ID, nint("x_id")], { indexes: [idx("x_id", ["x_id"])], foreignKeys: [fk("y_x", ["x_id"], "x")] });
const add = (...ts: (typeof a)[]): Change[] => ts.map((table) => ({ kind: "AddTable", table }));
const drop = (...ts: (typeof a)[]): Change[] => ts.map((table) => ({ kind: "DropTable", table }));
const create = (t: typeof a) => `create "${t.name}" table`;

/** Ordering cases. */
export const orderCases: PlanCase[] = [
  {
    name: "a created table comes after the table it references",
    changes: add(b, a),
    want: [expectCreateA(), expectCreate(b)],
    live: true,
  },
  {
    name: "a chain of references is created leaves first",
    changes: add(c, b, a),
    want: [expectCreateA(), expectCreate(b), expectCreate(c)],
    live: true,
  },
  {
    name: "a cycle is created without its foreign keys, added afterwards",
    changes: add(x, y, c, b, a),
    want: [
      'create "x" table: CREATE TABLE `x` (`id` int NOT NULL AUTO_INCREMENT, `y_id` int NULL, PRIMARY KEY (`id`), INDEX `y_id` (`y_id`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci',
      'create "y" table: CREATE TABLE `y` (`id` int NOT NULL AUTO_INCREMENT, `x_id` int NULL, PRIMARY KEY (`id`), INDEX `x_id` (`x_id`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci',
      expectCreateA(),
      expectCreate(b),
      expectCreate(c),
      'modify "x" table: ALTER TABLE `x` ADD CONSTRAINT `x_y` FOREIGN KEY (`y_id`) REFERENCES `y` (`id`)',
      'modify "y" table: ALTER TABLE `y` ADD CONSTRAINT `y_x` FOREIGN KEY (`x_id`) REFERENCES `x` (`id`)',
    ],
    live: true,
  },
  {
    name: "only the foreign keys inside a cycle are detached",
    changes: add(
      table("z", [ID, nint("x_id")], { indexes: [idx("x_id", ["x_id"])], foreignKeys: [fk("z_x", ["x_id"], "x")] }),
      { ...x, foreignKeys: [...x.foreignKeys, fk("x_a", ["id"], "a")] },
      y,
      a,
    ),
    want: [
      'create "y" table: CREATE TABLE `y` (`id` int NOT NULL AUTO_INCREMENT, `x_id` int NULL, PRIMARY KEY (`id`), INDEX `x_id` (`x_id`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci',
      expectCreateA(),
      'create "x" table: CREATE TABLE `x` (`id` int NOT NULL AUTO_INCREMENT, `y_id` int NULL, PRIMARY KEY (`id`), INDEX `y_id` (`y_id`), CONSTRAINT `x_a` FOREIGN KEY (`id`) REFERENCES `a` (`id`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci',
      'create "z" table: CREATE TABLE `z` (`id` int NOT NULL AUTO_INCREMENT, `x_id` int NULL, PRIMARY KEY (`id`), INDEX `x_id` (`x_id`), CONSTRAINT `z_x` FOREIGN KEY (`x_id`) REFERENCES `x` (`id`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci',
      'modify "x" table: ALTER TABLE `x` ADD CONSTRAINT `x_y` FOREIGN KEY (`y_id`) REFERENCES `y` (`id`)',
      'modify "y" table: ALTER TABLE `y` ADD CONSTRAINT `y_x` FOREIGN KEY (`x_id`) REFERENCES `x` (`id`)',
    ],
    live: true,
  },
  {
    name: "dropped tables go last, referencing tables before referenced ones",
    current: [a, b, c, table("keep", [ID])],
    changes: [
      ...drop(a, b, c),
      { kind: "AddTable", table: table("n", [ID]) },
      { kind: "ModifyTable", table: "keep", changes: [{ kind: "AddColumn", column: nint("v") }] },
    ],
    want: [
      'create "n" table: CREATE TABLE `n` (`id` int NOT NULL AUTO_INCREMENT, PRIMARY KEY (`id`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci',
      'modify "keep" table: ALTER TABLE `keep` ADD COLUMN `v` int NULL',
      'drop "c" table: DROP TABLE `c`',
      'drop "b" table: DROP TABLE `b`',
      'drop "a" table: DROP TABLE `a`',
    ],
    live: true,
  },
  {
    name: "dropped tables in a cycle first lose the cyclic foreign keys",
    current: [x, y],
    changes: drop(x, y),
    want: [
      'modify "x" table: ALTER TABLE `x` DROP FOREIGN KEY `x_y`',
      'modify "y" table: ALTER TABLE `y` DROP FOREIGN KEY `y_x`',
      'drop "x" table: DROP TABLE `x`',
      'drop "y" table: DROP TABLE `y`',
    ],
    live: true,
  },
  {
    name: "a foreign key to a dropped table is dropped before the table",
    current: [a, b],
    changes: [
      ...drop(a),
      { kind: "ModifyTable", table: "b", changes: [{ kind: "DropForeignKey", foreignKey: fk("b_a", ["a_id"], "a") }] },
    ],
    want: ['modify "b" table: ALTER TABLE `b` DROP FOREIGN KEY `b_a`', 'drop "a" table: DROP TABLE `a`'],
    live: true,
  },
  {
    name: "a foreign key to a new table comes after its creation",
    current: [table("t", [ID, nint("n_id")], { indexes: [idx("n_id", ["n_id"])] })],
    changes: [
      { kind: "ModifyTable", table: "t", changes: [{ kind: "AddForeignKey", foreignKey: fk("t_n", ["n_id"], "n") }] },
      { kind: "AddTable", table: table("n", [ID]) },
    ],
    want: [
      'create "n" table: CREATE TABLE `n` (`id` int NOT NULL AUTO_INCREMENT, PRIMARY KEY (`id`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci',
      'modify "t" table: ALTER TABLE `t` ADD CONSTRAINT `t_n` FOREIGN KEY (`n_id`) REFERENCES `n` (`id`)',
    ],
    live: true,
  },
  {
    name: "schema change first, then renames, then what refers to the new name",
    current: [table("old", [ID])],
    changes: [
      { kind: "ModifyTable", table: "new", changes: [{ kind: "AddColumn", column: nint("v") }] },
      {
        kind: "AddTable",
        table: table("r", [ID, nint("new_id")], {
          indexes: [idx("new_id", ["new_id"])],
          foreignKeys: [fk("r_new", ["new_id"], "new")],
        }),
      },
      { kind: "RenameTable", from: "old", to: "new" },
      { kind: "ModifySchema", charset: "utf8mb4", collate: "utf8mb4_bin" },
    ],
    want: [
      "modify schema: ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_bin",
      'rename a table from "old" to "new": RENAME TABLE `old` TO `new`',
      'modify "new" table: ALTER TABLE `new` ADD COLUMN `v` int NULL',
      'create "r" table: CREATE TABLE `r` (`id` int NOT NULL AUTO_INCREMENT, `new_id` int NULL, PRIMARY KEY (`id`), INDEX `new_id` (`new_id`), CONSTRAINT `r_new` FOREIGN KEY (`new_id`) REFERENCES `new` (`id`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci',
    ],
    live: true,
  },
  {
    name: "a chain of renames frees each name before it is taken",
    current: [table("a", [ID]), table("b", [ID, nint("v")])],
    changes: [
      { kind: "RenameTable", from: "a", to: "b" },
      { kind: "RenameTable", from: "b", to: "c" },
    ],
    want: [
      'rename a table from "b" to "c": RENAME TABLE `b` TO `c`',
      'rename a table from "a" to "b": RENAME TABLE `a` TO `b`',
    ],
    live: true,
  },
  {
    name: "swapped table names cannot be ordered",
    changes: [
      { kind: "RenameTable", from: "a", to: "b" },
      { kind: "RenameTable", from: "b", to: "a" },
    ],
    want: { error: /cycle/, table: "a" },
  },
  {
    name: "a table dropped and created again under its name: the drop goes first",
    current: [table("t", [ID])],
    changes: [
      { kind: "AddTable", table: table("t", [ID, nint("v")]) },
      { kind: "DropTable", table: table("t", [ID]) },
    ],
    want: [
      'drop "t" table: DROP TABLE `t`',
      'create "t" table: CREATE TABLE `t` (`id` int NOT NULL AUTO_INCREMENT, `v` int NULL, PRIMARY KEY (`id`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci',
    ],
    live: true,
  },
  {
    name: "an ALTER that adds the referenced key runs before the new table referencing it",
    current: [table("p", [ID, nint("code")])],
    changes: [
      {
        kind: "AddTable",
        table: table("q", [ID, nint("code")], {
          indexes: [idx("code", ["code"])],
          foreignKeys: [fk("q_code", ["code"], "p", ["code"])],
        }),
      },
      {
        kind: "ModifyTable",
        table: "p",
        changes: [{ kind: "AddIndex", index: idx("code", ["code"], { unique: true }) }],
      },
    ],
    want: [
      'modify "p" table: ALTER TABLE `p` ADD UNIQUE INDEX `code` (`code`)',
      'create "q" table: CREATE TABLE `q` (`id` int NOT NULL AUTO_INCREMENT, `code` int NULL, PRIMARY KEY (`id`), INDEX `code` (`code`), CONSTRAINT `q_code` FOREIGN KEY (`code`) REFERENCES `p` (`code`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci',
    ],
    live: true,
  },
  {
    name: "an ALTER that drops a referenced column runs after the foreign key to it is dropped",
    current: [
      table("p", [ID, col("code", "int")], { indexes: [idx("code", ["code"], { unique: true })] }),
      table("q", [ID, nint("code")], {
        indexes: [idx("code", ["code"])],
        foreignKeys: [fk("q_code", ["code"], "p", ["code"])],
      }),
    ],
    changes: [
      {
        kind: "ModifyTable",
        table: "p",
        changes: [
          { kind: "DropIndex", index: idx("code", ["code"], { unique: true }) },
          { kind: "DropColumn", column: col("code", "int") },
        ],
      },
      {
        kind: "ModifyTable",
        table: "q",
        changes: [{ kind: "DropForeignKey", foreignKey: fk("q_code", ["code"], "p", ["code"]) }],
      },
    ],
    want: [
      'modify "q" table: ALTER TABLE `q` DROP FOREIGN KEY `q_code`',
      'modify "p" table: ALTER TABLE `p` DROP COLUMN `code`',
    ],
    live: true,
  },
];

function expectCreate(t: typeof a): string {
  const fkCol = t.columns[1]!.name;
  const ref = t.foreignKeys[0]!;
  return (
    `${create(t)}: CREATE TABLE \`${t.name}\` (\`id\` int NOT NULL AUTO_INCREMENT, \`${fkCol}\` int NULL, PRIMARY KEY (\`id\`), INDEX \`${fkCol}\` (\`${fkCol}\`), ` +
    `CONSTRAINT \`${ref.name}\` FOREIGN KEY (\`${fkCol}\`) REFERENCES \`${ref.refTable}\` (\`id\`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci`
  );
}

function expectCreateA(): string {
  return 'create "a" table: CREATE TABLE `a` (`id` int NOT NULL AUTO_INCREMENT, PRIMARY KEY (`id`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci';
}
