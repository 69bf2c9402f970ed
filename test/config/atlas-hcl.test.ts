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
  custom = "kept"
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
const opts = (extra: Partial<LoadOptions>): LoadOptions => ({ getenv: (n) => environ[n], file: "atlas.hcl", vars: { token: "t" }, ...extra });

describe("loadProject", () => {
  test("selects an env and resolves vars, locals, data references, migration and merged lint", () => {
    const env = loadProject(project, opts({ env: "local" }));
    expect(env).toMatchObject<Partial<ProjectEnv>>({
      name: "local",
      url: "mysql://root:secret@localhost:3306/app",
      devUrl: "docker://mysql/8/dev",
      schemas: ["app"],
      exclude: ["*.tmp"],
      migration: { dir: "file://db/migrations", format: "atlas", baseline: "20240101000000", execOrder: "LINEAR_SKIP", lockTimeout: "10s", revisionsSchema: "atlas_schema_revisions" },
      format: { migrate: { apply: "{{ json . }}" } },
    });
    expect(env.src).toHaveLength(1);
    expect(parseDataRef(env.src[0]!)).toEqual({ type: "external_schema", name: "orm", attribute: "url" });
    expect(env.dataSources).toEqual({ "external_schema.orm": { type: "external_schema", name: "orm", config: { program: ["npm", "run", "schema"], working_dir: "t" } } });
    expect(env.lint).toEqual({
      latest: 3,
      gitBase: "main",
      gitDir: undefined,
      log: "{{ json .Files }}",
      errors: { destructive: true, data_depend: true },
      raw: { destructive: { error: true }, data_depend: { error: true }, latest: 3, log: "{{ json .Files }}", custom: "kept", git: { base: "main" } },
    });
  });

  const cases: [string, Partial<LoadOptions>, (env: ProjectEnv) => unknown, unknown][] = [
    ["getenv in url and in an interpolation", { env: "ci" }, (e) => [e.url, e.devUrl], ["mysql://ci:pw@db/app", "maria://root@dev.local/dev"]],
    ["src as a single string becomes a list", { env: "ci" }, (e) => e.src, ["file://schema.sql"]],
    ["an env without lint gets the global lint", { env: "ci" }, (e) => [e.lint.latest, e.lint.errors], [1, { destructive: false, data_depend: true }]],
    ["--var overrides a default", { env: "local", vars: { token: "t", url: "mysql://other/db" } }, (e) => e.url, "mysql://other/db"],
    ["--var of a number variable is converted", { env: "local", vars: { token: "t", latest: "7" } }, (e) => e.lint.latest, 7],
    ["no env selected: only the global lint", {}, (e) => [e.url, e.src, e.migration, e.lint.latest], [undefined, [], {}, 1]],
  ];
  for (const [name, o, pick, want] of cases) {
    test(name, () => expect(pick(loadProject(project, opts(o)))).toEqual(want));
  }

  const errors: [string, string, Partial<LoadOptions>, string][] = [
    ["unknown env lists the defined ones", project, { env: "prod" }, 'atlas.hcl: env "prod" not defined in project file (defined: "local", "ci")'],
    ["missing variable", project, { env: "local", vars: {} }, 'atlas.hcl:10:1: missing value for required variable "token": pass --var token=<value> or give it a default'],
    ["number variable given text", project, { env: "local", vars: { token: "t", latest: "many" } }, 'atlas.hcl:6:1: variable "latest" expects a number'],
    ["url of the wrong kind", 'env "x" {\n  url = ["a"]\n}\n', { env: "x" }, 'atlas.hcl:2:3: attribute "url" must be a string, not a list'],
    ["env without a label", "env {\n}\n", { env: "x" }, "atlas.hcl:1:1: a env block takes 1 label(s)"],
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
    expect(loadProject(text, opts({ env: "a" })).dataSources).toEqual({});
  });

  test("error messages never contain a URL's password", () => {
    const text = 'env "x" {\n  url = "mysql://u:hunter2@h/db"\n  dev = ["mysql://u:hunter2@h/db"]\n}\n';
    expect(() => loadProject(text, opts({ env: "x" }))).toThrow(ConfigError);
    try {
      loadProject(text, opts({ env: "x" }));
    } catch (e) {
      expect(String(e)).not.toContain("hunter2");
    }
  });
});
