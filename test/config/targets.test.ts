import { describe, expect, test } from "bun:test";
import { type LoadOptions, loadProject } from "../../src/config/atlas-hcl.ts";
import type { SqlQuery } from "../../src/config/data-sql.ts";
import { ConfigError, DataSourceError } from "../../src/config/errors.ts";
import { loadTargets } from "../../src/config/targets.ts";
import type { GivenVars } from "../../src/config/variables.ts";
import { exitCodeOf } from "../../src/cli/exit-codes.ts";
import { parseVars } from "../../src/project/settings.ts";

const opts = (env: string, vars: GivenVars = {}): LoadOptions => ({
  env,
  vars,
  getenv: (n) => ({ BASE: "mysql://root:pw@db:3306" })[n],
  file: "atlas.hcl",
});

/** A query function that answers from fixed rows and records each call (the live query is tested in test/cli/targets). */
function rows(cells: readonly unknown[]): SqlQuery & { calls: [string, string, readonly unknown[]][] } {
  const calls: [string, string, readonly unknown[]][] = [];
  const f = async (url: string, query: string, args: readonly unknown[]) => {
    calls.push([url, query, args]);
    return cells;
  };
  return Object.assign(f, { calls });
}

const noQuery: SqlQuery = async () => {
  throw new Error("no data source should be queried");
};

const tenants = `
variable "tenants" {
  type    = list(string)
  default = ["db_b", "db_a", "db_b"]
}
env "tenants" {
  for_each = toset(var.tenants)
  url      = "\${getenv("BASE")}/\${each.value}"
  dev      = "mysql://root@dev:3306/dev_\${each.key}"
  migration {
    dir = "file://migrations/\${each.value}"
  }
}
env "plain" {
  url = "mysql://root@h:3306/one"
}
`;

describe("env for_each", () => {
  test("toset(var.x): one target per distinct element, in set order, each.key = each.value", async () => {
    const targets = await loadTargets(tenants, opts("tenants"), noQuery);
    expect(targets.map((t) => [t.url, t.devUrl, t.migration.dir, t.target])).toEqual([
      [
        "mysql://root:pw@db:3306/db_a",
        "mysql://root@dev:3306/dev_db_a",
        "file://migrations/db_a",
        { key: "db_a", index: 0, count: 2 },
      ],
      [
        "mysql://root:pw@db:3306/db_b",
        "mysql://root@dev:3306/dev_db_b",
        "file://migrations/db_b",
        { key: "db_b", index: 1, count: 2 },
      ],
    ]);
  });

  test("--var tenants=… given twice collects a list; given once, a list of one", async () => {
    const two = await loadTargets(tenants, opts("tenants", parseVars(["tenants=db_z", "tenants=db_y"])), noQuery);
    expect(two.map((t) => t.target?.key)).toEqual(["db_y", "db_z"]);
    const one = await loadTargets(tenants, opts("tenants", parseVars("tenants=db_x")), noQuery);
    expect(one.map((t) => t.url)).toEqual(["mysql://root:pw@db:3306/db_x"]);
  });

  test("an env without for_each is one target, without a target label", async () => {
    const [only, ...rest] = await loadTargets(tenants, opts("plain"), noQuery);
    expect(rest).toEqual([]);
    expect(only?.url).toBe("mysql://root@h:3306/one");
    expect(only?.target).toBeUndefined();
  });

  test("a list literal gives each.key = the index; an object gives its keys", async () => {
    const text = `
env "l" {
  for_each = ["x", "y"]
  url      = "mysql://h/\${each.value}_\${each.key}"
}
env "o" {
  for_each = { eu = "db_eu", us = "db_us" }
  url      = "mysql://h/\${each.value}"
}
`;
    expect((await loadTargets(text, opts("l"), noQuery)).map((t) => t.url)).toEqual(["mysql://h/x_0", "mysql://h/y_1"]);
    const byKey = (await loadTargets(text, opts("o"), noQuery)).map((t) => [t.target?.key, t.url]);
    expect(byKey).toEqual([
      ["eu", "mysql://h/db_eu"],
      ["us", "mysql://h/db_us"],
    ]);
  });

  const refused: [string, string, GivenVars, string][] = [
    [
      "a typed list, as Atlas refuses it",
      'variable "t" {\n  type    = list(string)\n  default = ["a"]\n}\nenv "e" {\n  for_each = var.t\n  url = each.value\n}\n',
      {},
      "atlas.hcl:6:3: for_each does not support a list: wrap it in toset(…), as Atlas requires",
    ],
    [
      "a string",
      'env "e" {\n  for_each = "a"\n  url = each.value\n}\n',
      {},
      "atlas.hcl:2:3: for_each must be a set, a list literal or an object, not a string",
    ],
    [
      "an empty set",
      'env "e" {\n  for_each = toset([])\n  url = each.value\n}\n',
      {},
      'atlas.hcl:2:3: env "e" has no targets: its for_each is empty',
    ],
    [
      "each outside a for_each env",
      'env "e" {\n  url = each.value\n}\n',
      {},
      "atlas.hcl:2:9: each.value is only available in an env with for_each",
    ],
    [
      "an unknown each attribute",
      'env "e" {\n  for_each = toset(["a"])\n  url = each.name\n}\n',
      {},
      'atlas.hcl:3:9: unknown reference "each.name" (use each.key or each.value)',
    ],
    [
      "a string variable given twice",
      'variable "t" {\n  type = string\n}\nenv "e" {\n  url = var.t\n}\n',
      { t: ["a", "b"] },
      'atlas.hcl:1:1: variable "t" takes one value, --var t was given 2: declare it type = list(string) to take several',
    ],
  ];
  for (const [name, text, vars, message] of refused)
    test(`refused: ${name}`, async () => {
      const error = await loadTargets(text, opts("e", vars), noQuery).catch((e) => e);
      expect(error).toBeInstanceOf(ConfigError);
      expect(error.message).toBe(message);
      expect(exitCodeOf(error)).toBe(2);
    });

  test("commands that run on one database refuse a for_each env (loadProject)", () => {
    expect(() => loadProject(tenants, opts("tenants"))).toThrow(
      'atlas.hcl:6:1: env "tenants" has for_each (one target per element): only migrate status, apply, lint, down and drift read it',
    );
    expect(loadProject(tenants, opts("plain")).url).toBe("mysql://root@h:3306/one");
  });
});

const fromDb = `
variable "control" {
  type    = string
  default = "mysql://root@ctl:3306/control"
}
locals {
  list = data.sql.tenants.values
}
data "sql" "tenants" {
  url   = var.control
  query = "SELECT name FROM tenants WHERE region = ?"
  args  = ["eu"]
}
data "sql" "unused" {
  url   = "mysql://root@nowhere:1/x"
  query = "SELECT 1"
}
env "fleet" {
  for_each = toset(local.list)
  url      = urlsetpath("mysql://root@db:3306/?timeout=5s", each.value)
}
env "first" {
  url = "mysql://root@db:3306/\${data.sql.tenants.value}"
}
env "plain" {
  url = "mysql://root@db:3306/p"
}
`;

describe('data "sql"', () => {
  test("the env's query runs once with its url and args; values feed for_each through a local", async () => {
    const query = rows(["t2", "t1"]);
    const targets = await loadTargets(fromDb, opts("fleet"), query);
    expect(query.calls).toEqual([
      ["mysql://root@ctl:3306/control", "SELECT name FROM tenants WHERE region = ?", ["eu"]],
    ]);
    expect(targets.map((t) => t.url)).toEqual([
      "mysql://root@db:3306/t1?timeout=5s",
      "mysql://root@db:3306/t2?timeout=5s",
    ]);
    expect(targets[0]?.dataSources).toEqual({});
  });

  test(".value is the first row; sources the env does not use are not queried; no query without a reference", async () => {
    const query = rows([7, 8]);
    expect((await loadTargets(fromDb, opts("first"), query)).map((t) => t.url)).toEqual(["mysql://root@db:3306/7"]);
    expect(query.calls.map((c) => c[0])).toEqual(["mysql://root@ctl:3306/control"]);
    expect((await loadTargets(fromDb, opts("plain"), noQuery)).map((t) => t.url)).toEqual(["mysql://root@db:3306/p"]);
  });

  test("values without toset are a list: for_each refuses them as Atlas does", async () => {
    const text = fromDb.replace("toset(local.list)", "local.list");
    const error = await loadTargets(text, opts("fleet"), rows(["a"])).catch((e) => e);
    expect(error.message).toContain("for_each does not support a list: wrap it in toset(…)");
  });

  test("an unreachable database or a refused query is a DataSourceError (exit 1) naming the source", async () => {
    const down: SqlQuery = async () => {
      throw new Error("cannot connect to mysql://root@ctl:3306/control: connection refused");
    };
    const error = await loadTargets(fromDb, opts("fleet"), down).catch((e) => e);
    expect(error).toBeInstanceOf(DataSourceError);
    expect(error.message).toBe(
      "atlas.hcl:9:1: data.sql.tenants: cannot connect to mysql://root@ctl:3306/control: connection refused",
    );
    expect(exitCodeOf(error)).toBe(1);
  });

  test("a NULL row is a DataSourceError; a bad attribute a ConfigError (exit 2)", async () => {
    const nulls = await loadTargets(fromDb, opts("fleet"), rows(["a", null])).catch((e) => e);
    expect(nulls.message).toBe("atlas.hcl:9:1: data.sql.tenants: row 2 holds NULL: select strings or numbers");
    const typo = fromDb.replace("args  =", "argz  =");
    const error = await loadTargets(typo, opts("fleet"), rows(["a"])).catch((e) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toBe(
      'atlas.hcl:12:3: data.sql.tenants: unexpected attribute "argz" (expected url, query, args)',
    );
  });

  test('commands that run on one database refuse an env reading a data "sql" source', () => {
    expect(() => loadProject(fromDb, opts("first"))).toThrow(
      'env "first" reads data.sql.tenants (a database query): only migrate status, apply, lint, down and drift read it',
    );
  });
});
