import { describe, expect, test } from "bun:test";
import { loadProject, parseDataRef, type LoadOptions, type ProjectEnv } from "../../src/config/atlas-hcl.ts";
import { ConfigError } from "../../src/config/errors.ts";

const project = `
variable "url" {
  type    = string
  default = "mysql://root:secret@localhost:3306/app"
}
variable "latest" {
  type    = number
  default = 3
}
variable "token" {
  type = string
}
locals {
  dir = "file://\${local.base}/migrations"
  base = "db"
}
data "external_schema" "orm" {
  program     = ["npm", "run", "schema"]
  working_dir = var.token
}
lint {
  destructive {
    error = false
  }
  data_depend {
    error = true
  }
  latest = 1
  log    = "{{ json .Files }}"
}
env "local" {
  url     = var.url
  dev     = "docker://mysql/8/dev"
  src     = data.external_schema.orm.url
  schemas = ["app"]
  exclude = ["*.tmp"]
  migration {
    dir              = local.dir
    format           = atlas
    baseline         = "20240101000000"
    exec_order       = LINEAR_SKIP
    lock_timeout     = "10s"
    revisions_schema = "atlas_schema_revisions"
  }
  format {
    migrate {
      apply = "{{ json . }}"
    }
  }
  lint {
    latest = var.latest
    destructive {
      error = true
    }
    git {
      base = "main"
    }
  }
}
env "ci" {
  url = getenv("DB_URL")
  src = "file://schema.sql"
  dev = "maria://root@\${getenv("DEV_HOST")}/dev"
}
`;

const environ: Record<string, string> = { DB_URL: "mysql://ci:pw@db/app", DEV_HOST: "dev.local" };
const opts = (extra: Partial<LoadOptions>): LoadOptions => ({
  getenv: (n) => environ[n],
  file: "atlas.hcl",
  vars: { token: "t" },
  ...extra,
});

describe("loadProject", () => {
  test("selects an env and resolves vars, locals, data references, migration and merged lint", () => {
    const env = loadProject(project, opts({ env: "local" }));
    expect(env).toMatchObject<Partial<ProjectEnv>>({
      name: "local",
      url: "mysql://root:secret@localhost:3306/app",
      devUrl: "docker://mysql/8/dev",
      schemas: ["app"],
      exclude: ["*.tmp"],
      migration: {
        dir: "file://db/migrations",
        format: "atlas",
        baseline: "20240101000000",
        execOrder: "LINEAR_SKIP",
        lockTimeout: "10s",
        revisionsSchema: "atlas_schema_revisions",
      },
      format: { migrate: { apply: "{{ json . }}" } },
    });
    expect(env.src).toHaveLength(1);
    expect(parseDataRef(env.src[0]!)).toEqual({ type: "external_schema", name: "orm", attribute: "url" });
    expect(env.dataSources).toEqual({
      "external_schema.orm": {
        type: "external_schema",
        name: "orm",
        config: { program: ["npm", "run", "schema"], working_dir: "t" },
      },
    });
    expect(env.lint).toEqual({
      latest: 3,
      gitBase: "main",
      gitDir: undefined,
      log: "{{ json .Files }}",
      errors: { destructive: true, data_depend: true },
      raw: {
        destructive: { error: true },
        data_depend: { error: true },
        latest: 3,
        log: "{{ json .Files }}",
        git: { base: "main" },
      },
    });
  });

  const cases: [string, Partial<LoadOptions>, (env: ProjectEnv) => unknown, unknown][] = [
    [
      "getenv in url and in an interpolation",
      { env: "ci" },
      (e) => [e.url, e.devUrl],
      ["mysql://ci:pw@db/app", "maria://root@dev.local/dev"],
    ],
    ["src as a single string becomes a list", { env: "ci" }, (e) => e.src, ["file://schema.sql"]],
    [
      "an env without lint gets the global lint",
      { env: "ci" },
      (e) => [e.lint.latest, e.lint.errors],
      [1, { destructive: false, data_depend: true }],
    ],
    [
      "--var overrides a default",
      { env: "local", vars: { token: "t", url: "mysql://other/db" } },
      (e) => e.url,
      "mysql://other/db",
    ],
    [
      "--var of a number variable is converted",
      { env: "local", vars: { token: "t", latest: "7" } },
      (e) => e.lint.latest,
      7,
    ],
    [
      "no env selected: only the global lint",
      {},
      (e) => [e.url, e.src, e.migration, e.lint.latest],
      [undefined, [], {}, 1],
    ],
  ];
  for (const [name, o, pick, want] of cases) {
    test(name, () => expect(pick(loadProject(project, opts(o)))).toEqual(want));
  }

  const errors: [string, string, Partial<LoadOptions>, string][] = [
    [
      "unknown env lists the defined ones",
      project,
      { env: "prod" },
      'atlas.hcl: env "prod" not defined in project file (defined: "local", "ci")',
    ],
    [
      "missing variable",
      project,
      { env: "local", vars: {} },
      'atlas.hcl:10:1: missing value for required variable "token": pass --var token=<value> or give it a default',
    ],
    [
      "number variable given text",
      project,
      { env: "local", vars: { token: "t", latest: "many" } },
      'atlas.hcl:6:1: variable "latest" expects a number',
    ],
    [
      "url of the wrong kind",
      'env "x" {\n  url = ["a"]\n}\n',
      { env: "x", vars: {} },
      'atlas.hcl:2:3: attribute "url" must be a string, not a list',
    ],
    ["env without a label", "env {\n}\n", { env: "x", vars: {} }, "atlas.hcl:1:1: a env block takes 1 label, found 0"],
  ];
  for (const [name, text, o, message] of errors) {
    test(name, () => {
      let err: unknown;
      try {
        loadProject(text, opts(o));
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).message).toBe(message);
    });
  }

  test("data blocks an env does not use are not evaluated", () => {
    const text = 'data "external_schema" "x" {\n  program = [var.undeclared]\n}\nenv "a" {\n  url = "u"\n}\n';
    expect(loadProject(text, opts({ env: "a", vars: {} })).dataSources).toEqual({});
  });

  test("error messages never contain a URL's password", () => {
    const text = 'env "x" {\n  url = "mysql://u:hunter2@h/db"\n  dev = ["mysql://u:hunter2@h/db"]\n}\n';
    expect(() => loadProject(text, opts({ env: "x", vars: {} }))).toThrow(ConfigError);
    try {
      loadProject(text, opts({ env: "x", vars: {} }));
    } catch (e) {
      expect(String(e)).not.toContain("hunter2");
    }
  });
});

describe("as strict as Atlas", () => {
  const load = (text: string, o: Partial<LoadOptions> = {}) =>
    loadProject(text, { getenv: (n) => environ[n], file: "atlas.hcl", env: "x", ...o });
  const failure = (text: string, o: Partial<LoadOptions> = {}): string => {
    try {
      load(text, o);
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      return (e as Error).message;
    }
    throw new Error("no error");
  };

  test("the project's own atlas.hcl loads for every env", async () => {
    const text = await Bun.file(new URL("../../atlas.hcl", import.meta.url)).text();
    for (const env of ["local", "ci", "prod"]) expect(load(text, { env }).name).toBe(env);
  });

  test("every block and attribute of Atlas's documented project file is accepted", () => {
    const text = `variable "url" {
  type    = string
  default = "mysql://root:pass@localhost:3306/app"
}
data "external_schema" "orm" {
  program     = ["npm", "run", "--silent", "schema"]
  working_dir = "."
}
lint {
  destructive {
    error = false
  }
  naming {
    match = "^[a-z]+$"
  }
  latest = 1
  log    = "{{ json .Files }}"
  review = ERROR
  git {
    dir  = "."
    base = "master"
  }
}
diff {
  skip {
    drop_schema = true
    drop_table  = true
  }
}
env "x" {
  url     = var.url
  dev     = "docker://mysql/8/dev"
  src     = data.external_schema.orm.url
  schemas = ["app"]
  exclude = ["*.tmp"]
  migration {
    dir               = "file://migrations"
    exclude           = ["x"]
    format            = atlas
    baseline          = "20240101000000"
    exec_order        = LINEAR_SKIP
    lock_timeout      = "10s"
    lock_wait_timeout = "5s"
    revisions_schema  = "atlas_schema_revisions"
    repo {
      name = "app"
    }
  }
  format {
    migrate {
      apply = "{{ json . }}"
      diff  = "{{ sql . }}"
    }
    schema {
      inspect = "{{ sql . }}"
    }
  }
  diff {
    skip {
      rename_table = true
    }
  }
  lint {
    latest = 1
    data_depend {
      error = true
    }
  }
}
`;
    expect(load(text).migration.lockTimeout).toBe("10s");
  });

  const refused: [string, string, string][] = [
    [
      "an unknown attribute in an env",
      'env "x" {\n  ur = "mysql://h/db"\n}\n',
      'atlas.hcl:2:3: unknown attribute "ur" in env "x" (expected one of: url, dev, src, schemas, exclude)',
    ],
    [
      "an unknown block in an env",
      'env "x" {\n  migraton {\n    dir = "file://m"\n  }\n}\n',
      'atlas.hcl:2:3: unknown block "migraton" in env "x"',
    ],
    [
      "an unknown attribute in a migration block",
      'env "x" {\n  migration {\n    dirr = "file://m"\n  }\n}\n',
      'atlas.hcl:3:5: unknown attribute "dirr" in env "x" > migration',
    ],
    [
      "an unknown attribute in the global lint block",
      "lint {\n  lastest = 1\n}\n",
      'atlas.hcl:2:3: unknown attribute "lastest" in lint',
    ],
    [
      "an unknown analyzer in an env's lint block",
      'env "x" {\n  lint {\n    destructve {\n      error = true\n    }\n  }\n}\n',
      'atlas.hcl:3:5: unknown block "destructve" in env "x" > lint',
    ],
    [
      "an unknown option of an analyzer",
      "lint {\n  destructive {\n    eror = true\n  }\n}\n",
      'atlas.hcl:3:5: unknown attribute "eror" in lint > destructive (expected one of: error)',
    ],
    [
      "an unknown diff skip",
      "diff {\n  skip {\n    drop_tables = true\n  }\n}\n",
      'atlas.hcl:3:5: unknown attribute "drop_tables" in diff > skip',
    ],
    [
      "an unknown top-level block",
      'enviroment "x" {\n}\n',
      'atlas.hcl:1:1: unknown block "enviroment" at the top level',
    ],
    ["a top-level attribute", 'url = "x"\n', 'atlas.hcl:1:1: unknown attribute "url" at the top level (it takes none)'],
    [
      "a duplicate env name",
      'env "x" {\n}\n\nenv "x" {\n}\n',
      'atlas.hcl:4:1: env "x" is defined twice (first at line 1)',
    ],
    [
      "a migration block with a label",
      'env "x" {\n  migration "m" {\n  }\n}\n',
      "atlas.hcl:2:3: a migration block takes 0 labels, found 1",
    ],
  ];
  for (const [name, text, message] of refused)
    test(`refused: ${name}`, () => expect(failure(text)).toStartWith(message));

  test("an undeclared --var names itself and the declared ones", () => {
    const text = 'variable "url" {\n  type = string\n}\nenv "x" {\n  url = var.url\n}\n';
    expect(failure(text, { vars: { url: "u", tenant: "t" } })).toBe(
      'atlas.hcl:1:1: --var tenant is not declared: add a variable "tenant" block or drop the flag (declared: "url")',
    );
  });

  test("a url from an unset or empty getenv records which variable and where", () => {
    const direct = load('env "x" {\n  url = getenv("NOPE_URL")\n  dev = getenv("EMPTY_DEV")\n}\n', {
      getenv: (n) => (n === "EMPTY_DEV" ? "" : undefined),
    });
    expect(direct.unsetEnv).toEqual({
      url: { name: "NOPE_URL", pos: { line: 2, col: 9 } },
      dev: { name: "EMPTY_DEV", pos: { line: 3, col: 9 } },
    });
    const viaVar = load(
      'variable "url" {\n  type    = string\n  default = getenv("NOPE_URL")\n}\nenv "x" {\n  url = var.url\n}\n',
    );
    expect(viaVar.unsetEnv).toEqual({ url: { name: "NOPE_URL", pos: { line: 3, col: 13 } } });
    expect(load('env "x" {\n  url = getenv("DB_URL")\n}\n').unsetEnv).toEqual({});
  });
});
