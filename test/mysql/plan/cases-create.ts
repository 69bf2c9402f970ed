/**
 * Golden cases: CREATE TABLE and DROP TABLE rendering.
 */
import { mysql8 } from "../../../src/mysql/flavor.ts";
import { chk, col, fk, ID, idx, MARIA_OPTIONS, nint, type PlanCase, table, vc } from "./fixtures.ts";

const users = table("users", [ID, vc("name", 255)]);

/** CREATE/DROP TABLE cases. */
export const createCases: PlanCase[] = [
  {
    name: "create a simple table",
    changes: [{ kind: "AddTable", table: users }],
    want: [
      'create "users" table: CREATE TABLE `users` (`id` int NOT NULL AUTO_INCREMENT, `name` varchar(255) NOT NULL, PRIMARY KEY (`id`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci',
    ],
    live: true,
  },
  {
    name: "drop a table",
    current: [users],
    changes: [{ kind: "DropTable", table: users }],
    want: ['drop "users" table: DROP TABLE `users`'],
    live: true,
  },
  {
    name: "column attributes: defaults, ON UPDATE, comments, column charset and collation",
    changes: [
      {
        kind: "AddTable",
        table: table("t", [
          ID,
          col("n", "int", { default: { kind: "literal", value: "0" } }),
          col("price", "decimal(10,2)", { default: { kind: "literal", value: "1.50" } }),
          col("active", "bool", { default: { kind: "literal", value: "1" } }),
          vc("title", 20, { default: { kind: "literal", value: "it's \\ here" }, comment: "the 'title'" }),
          vc("code", 8, { charset: "latin1", collate: "latin1_bin", nullable: true }),
          vc("tag", 8, { collate: "utf8mb4_bin", nullable: true }),
          col("created", "datetime(3)", {
            default: { kind: "expr", value: "CURRENT_TIMESTAMP(3)" },
            onUpdate: "CURRENT_TIMESTAMP(3)",
          }),
          col("uid", "varchar(36)", {
            charset: "utf8mb4",
            collate: "utf8mb4_general_ci",
            default: { kind: "expr", value: "uuid()" },
          }),
          col("day", "date", { nullable: true, default: { kind: "literal", value: "2024-01-01" } }),
        ]),
      },
    ],
    want: [
      'create "t" table: CREATE TABLE `t` (`id` int NOT NULL AUTO_INCREMENT, `n` int NOT NULL DEFAULT 0, `price` decimal(10,2) NOT NULL DEFAULT 1.50, ' +
        "`active` bool NOT NULL DEFAULT 1, `title` varchar(20) NOT NULL DEFAULT 'it''s \\\\ here' COMMENT 'the ''title''', " +
        "`code` varchar(8) CHARSET latin1 NULL COLLATE latin1_bin, `tag` varchar(8) NULL COLLATE utf8mb4_bin, " +
        "`created` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), `uid` varchar(36) NOT NULL DEFAULT (uuid()), " +
        "`day` date NULL DEFAULT '2024-01-01', PRIMARY KEY (`id`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci",
    ],
    live: true,
  },
  {
    name: "a literal that is not a number is quoted even on a numeric type; bit literals stay bare",
    changes: [
      {
        kind: "AddTable",
        table: table("t", [
          col("a", "int", { default: { kind: "literal", value: "1; DROP TABLE x" } }),
          col("b", "bit(3)", { default: { kind: "literal", value: "b'101'" } }),
        ]),
      },
    ],
    want: [
      "create \"t\" table: CREATE TABLE `t` (`a` int NOT NULL DEFAULT '1; DROP TABLE x', `b` bit(3) NOT NULL DEFAULT b'101') CHARSET utf8mb4 COLLATE utf8mb4_general_ci",
    ],
  },
  {
    name: "generated columns on MariaDB: no NULL/NOT NULL, COLLATE before AS",
    changes: [
      {
        kind: "AddTable",
        table: table("g", [
          vc("s", 10, { nullable: true }),
          vc("v", 20, {
            nullable: true,
            collate: "utf8mb4_bin",
            generated: { expr: "concat(`s`, 'x')", stored: false },
            comment: "gen",
          }),
          col("w", "int", { nullable: true, generated: { expr: "length(`s`)", stored: true } }),
        ]),
      },
    ],
    want: [
      "create \"g\" table: CREATE TABLE `g` (`s` varchar(10) NULL, `v` varchar(20) COLLATE utf8mb4_bin AS (concat(`s`, 'x')) VIRTUAL COMMENT 'gen', " +
        "`w` int AS (length(`s`)) STORED) CHARSET utf8mb4 COLLATE utf8mb4_general_ci",
    ],
    live: true,
  },
  {
    name: "generated columns on MySQL keep NULL/NOT NULL",
    flavor: mysql8,
    changes: [
      {
        kind: "AddTable",
        table: table("g", [col("a", "int"), col("b", "int", { generated: { expr: "`a` + 1", stored: true } })]),
      },
    ],
    want: [
      'create "g" table: CREATE TABLE `g` (`a` int NOT NULL, `b` int AS (`a` + 1) STORED NOT NULL) CHARSET utf8mb4 COLLATE utf8mb4_general_ci',
    ],
  },
  {
    name: "indexes: unique, fulltext with comment, prefix and DESC, in declaration order",
    changes: [
      {
        kind: "AddTable",
        table: table(
          "docs",
          [ID, vc("title", 100), col("body", "text", { charset: "utf8mb4", collate: "utf8mb4_general_ci" }), nint("n")],
          {
            indexes: [
              idx("title_n", [{ column: "title", prefix: 10, desc: true }, "n"]),
              idx("ft_body", ["body"], { type: "FULLTEXT", comment: "search" }),
              idx("Title", ["title"], { unique: true }),
            ],
          },
        ),
      },
    ],
    want: [
      'create "docs" table: CREATE TABLE `docs` (`id` int NOT NULL AUTO_INCREMENT, `title` varchar(100) NOT NULL, `body` text NOT NULL, `n` int NULL, PRIMARY KEY (`id`), ' +
        "INDEX `title_n` (`title` (10) DESC, `n`), FULLTEXT INDEX `ft_body` (`body`) COMMENT 'search', UNIQUE INDEX `Title` (`title`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci",
    ],
    live: true,
  },
  {
    name: "MySQL: expression index, HASH index and a FULLTEXT parser",
    flavor: mysql8,
    changes: [
      {
        kind: "AddTable",
        table: table("t", [vc("a", 10), vc("b", 10)], {
          indexes: [
            idx("ia", [{ expr: "lower(`a`)" }]),
            idx("ib", ["b"], { type: "HASH" }),
            idx("ft", ["a"], { type: "FULLTEXT", parser: "ngram" }),
          ],
        }),
      },
    ],
    want: [
      'create "t" table: CREATE TABLE `t` (`a` varchar(10) NOT NULL, `b` varchar(10) NOT NULL, INDEX `ia` ((lower(`a`))), INDEX `ib` USING HASH (`b`), ' +
        "FULLTEXT INDEX `ft` (`a`) WITH PARSER `ngram`) CHARSET utf8mb4 COLLATE utf8mb4_general_ci",
    ],
  },
  {
    name: "foreign keys: actions other than NO ACTION, ON UPDATE before ON DELETE, sorted by name",
    current: [users],
    changes: [
      {
        kind: "AddTable",
        table: table("posts", [ID, nint("author"), nint("editor")], {
          indexes: [idx("author", ["author"]), idx("editor", ["editor"])],
          foreignKeys: [
            fk("posts_editor", ["editor"], "users"),
            fk("posts_author", ["author"], "users", ["id"], "SET NULL", "CASCADE"),
          ],
        }),
      },
    ],
    want: [
      'create "posts" table: CREATE TABLE `posts` (`id` int NOT NULL AUTO_INCREMENT, `author` int NULL, `editor` int NULL, PRIMARY KEY (`id`), INDEX `author` (`author`), ' +
        "INDEX `editor` (`editor`), CONSTRAINT `posts_author` FOREIGN KEY (`author`) REFERENCES `users` (`id`) ON UPDATE CASCADE ON DELETE SET NULL, " +
        "CONSTRAINT `posts_editor` FOREIGN KEY (`editor`) REFERENCES `users` (`id`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci",
    ],
    live: true,
  },
  {
    name: "a self-referencing foreign key stays in CREATE TABLE",
    changes: [
      {
        kind: "AddTable",
        table: table("node", [ID, nint("parent")], {
          indexes: [idx("parent", ["parent"])],
          foreignKeys: [fk("node_parent", ["parent"], "node")],
        }),
      },
    ],
    want: [
      'create "node" table: CREATE TABLE `node` (`id` int NOT NULL AUTO_INCREMENT, `parent` int NULL, PRIMARY KEY (`id`), INDEX `parent` (`parent`), ' +
        "CONSTRAINT `node_parent` FOREIGN KEY (`parent`) REFERENCES `node` (`id`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci",
    ],
    live: true,
  },
  {
    name: "checks on MariaDB, in declaration order",
    changes: [
      {
        kind: "AddTable",
        table: table("t", [nint("a"), nint("b")], { checks: [chk("b_pos", "`b` > 0"), chk("a_pos", "`a` >= 0")] }),
      },
    ],
    want: [
      'create "t" table: CREATE TABLE `t` (`a` int NULL, `b` int NULL, CONSTRAINT `b_pos` CHECK (`b` > 0), CONSTRAINT `a_pos` CHECK (`a` >= 0)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci',
    ],
    live: true,
  },
  {
    name: "MySQL: NOT ENFORCED check",
    flavor: mysql8,
    changes: [{ kind: "AddTable", table: table("t", [nint("a")], { checks: [chk("t_chk_1", "`a` > 0", false)] }) }],
    want: [
      'create "t" table: CREATE TABLE `t` (`a` int NULL, CONSTRAINT `t_chk_1` CHECK (`a` > 0) NOT ENFORCED) CHARSET utf8mb4 COLLATE utf8mb4_general_ci',
    ],
  },
  {
    name: "MariaDB: NOT ENFORCED check is a plan error",
    changes: [{ kind: "AddTable", table: table("t", [nint("a")], { checks: [chk("c", "`a` > 0", false)] }) }],
    want: { error: /NOT ENFORCED/, table: "t" },
  },
  {
    name: "table options: comment, non-default engine, AUTO_INCREMENT above 1",
    changes: [
      {
        kind: "AddTable",
        table: table("t", [ID], {
          options: { ...MARIA_OPTIONS, comment: "it's", engine: "MyISAM", autoIncrement: 100 },
        }),
      },
      {
        kind: "AddTable",
        table: table("u", [ID], { options: { charset: "latin1", collate: "latin1_swedish_ci", engine: "InnoDB" } }),
      },
    ],
    want: [
      "create \"t\" table: CREATE TABLE `t` (`id` int NOT NULL AUTO_INCREMENT, PRIMARY KEY (`id`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci COMMENT 'it''s' ENGINE MyISAM AUTO_INCREMENT 100",
      'create "u" table: CREATE TABLE `u` (`id` int NOT NULL AUTO_INCREMENT, PRIMARY KEY (`id`)) CHARSET latin1 COLLATE latin1_swedish_ci',
    ],
    live: true,
  },
  {
    name: "json, enum and set columns",
    changes: [
      {
        kind: "AddTable",
        table: table("t", [
          col("doc", "json", { nullable: true }),
          col("kind", "enum('a','b''c')", {
            charset: "utf8mb4",
            collate: "utf8mb4_general_ci",
            default: { kind: "literal", value: "b'c" },
          }),
          col("flags", "set('x','y')", {
            charset: "utf8mb4",
            collate: "utf8mb4_general_ci",
            nullable: true,
            default: { kind: "literal", value: "x,y" },
          }),
        ]),
      },
    ],
    want: [
      "create \"t\" table: CREATE TABLE `t` (`doc` json NULL, `kind` enum('a','b''c') NOT NULL DEFAULT 'b''c', `flags` set('x','y') NULL DEFAULT 'x,y') CHARSET utf8mb4 COLLATE utf8mb4_general_ci",
    ],
    live: true,
  },
  {
    name: "ON DELETE SET NULL on a NOT NULL column is a plan error naming the column",
    current: [users],
    changes: [
      {
        kind: "AddTable",
        table: table("p", [ID, col("u", "int")], {
          indexes: [idx("u", ["u"])],
          foreignKeys: [fk("p_u", ["u"], "users", ["id"], "SET NULL")],
        }),
      },
    ],
    want: { error: /sets column "u" to NULL/, table: "p", column: "u" },
  },
  {
    name: "names with backticks and quotes are quoted (identifiers and comments)",
    changes: [{ kind: "AddTable", table: table('we`ird"', [col("a`b", "int")]) }],
    want: [
      'create "we`ird\\"" table: CREATE TABLE `we``ird"` (`a``b` int NOT NULL) CHARSET utf8mb4 COLLATE utf8mb4_general_ci',
    ],
    live: true,
  },
];
