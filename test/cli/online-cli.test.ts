/**
 * The online path through the CLI: `migrate apply --dry-run` shows each statement's cost and, with `--pin`, the text
 * it would send; with `--online`, the pt-online-schema-change command; JSON carries `Plans`. And `migrate lint --url` knows what `migrate apply` will do with a blocking ALTER on a big table: an error that says what
 * to do (mark the file online, or pin it where a pin keeps writers going), and no error once the file says it — by
 * `-- stats-db:online`, or by `online { pin = true }` in the env; `max_bytes` works like `max_rows`.
 */
import { afterAll, describe, expect, setDefaultTimeout, test } from "bun:test";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { computeSum, formatSum } from "../../src/migrate/dir/sum.ts";
import { withTestDatabase } from "../support/mariadb.ts";
import { cli } from "./run-cli.ts";

setDefaultTimeout(60_000);

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function project(files: Record<string, string>, hcl: string): string {
  const root = mkdtempSync(join(tmpdir(), "stats-lint-online-"));
  dirs.push(root);
  mkdirSync(join(root, "migrations"));
  for (const [n, t] of Object.entries(files)) writeFileSync(join(root, "migrations", n), t);
  const sorted = Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1));
  writeFileSync(
    join(root, "migrations", "atlas.sum"),
    formatSum(computeSum(sorted.map(([name, text]) => ({ name, bytes: Buffer.from(text) })))),
  );
  writeFileSync(join(root, "atlas.hcl"), hcl);
  return root;
}

const init = "CREATE TABLE `t` (`id` int NOT NULL, `a` int NULL, PRIMARY KEY (`id`));\n";
const COPY = "ALTER TABLE `t` MODIFY COLUMN `a` bigint NULL;\n";
// MODIFY … NOT NULL also draws a data-dependence warning (not an error): the blocking error alone decides.
const REBUILD = "ALTER TABLE `t` MODIFY COLUMN `a` int NOT NULL;\n";

describe("migrate lint --url: blocking changes on big tables", () => {
  const lint = (url: string, second: string, extra = "") => {
    const hcl = `env "ci" {\n  url = "${url}"\n  lint {\n    max_rows = 2\n  }\n${extra}}\n`;
    const r = cli(["migrate", "lint", "--env", "ci", "--latest", "1", "--format", "json"], {
      cwd: project({ "1_init.sql": init, "2_next.sql": second }, hcl),
    });
    expect(r.stderr).toBe("");
    const file = JSON.parse(r.stdout).Files[0];
    const diagnostics = file.Reports.flatMap((x: { Diagnostics: { Code: string; Text: string }[] }) => x.Diagnostics);
    const blocking = diagnostics.find((d: { Code: string }) => d.Code.startsWith("BD"));
    return { code: r.code, error: file.Error !== undefined, text: blocking.Text as string };
  };

  test("what to do, and the file or env that already does it", async () => {
    await withTestDatabase(async (target) => {
      await target.conn.query(init);
      await target.conn.query("INSERT INTO `t` VALUES (1, 1), (2, 2), (3, 3)");
      await target.conn.query("ANALYZE TABLE `t`");
      const url = target.url;
      const copy = lint(url, COPY);
      expect(copy).toMatchObject({ code: 1, error: true });
      expect(copy.text).toEndWith(
        "; mark the file -- stats-db:online to run it through pt-online-schema-change (it cannot be pinned)",
      );
      const marked = lint(url, `-- stats-db:online\n\n${COPY}`);
      expect(marked).toMatchObject({ code: 0, error: false });
      expect(marked.text).toEndWith("; it runs online (-- stats-db:online)");
      const rebuild = lint(url, REBUILD);
      expect(rebuild).toMatchObject({ code: 1, error: true });
      expect(rebuild.text).toEndWith(
        "; pin it (online { pin = true } or apply --pin sends ALGORITHM=INPLACE, LOCK=NONE) or mark the file -- stats-db:online",
      );
      const pinned = lint(url, REBUILD, "  online {\n    pin = true\n  }\n");
      expect(pinned).toMatchObject({ code: 0, error: false });
      expect(pinned.text).toEndWith("; apply pins it (ALGORITHM=INPLACE, LOCK=NONE)");
      const copyPinned = lint(url, COPY, "  online {\n    pin = true\n  }\n");
      expect(copyPinned).toMatchObject({ code: 1, error: true });
    });
  });

  test("max_bytes: a table larger than it is big too", async () => {
    await withTestDatabase(async (target) => {
      await target.conn.query(init);
      const hcl = `env "ci" {\n  url = "${target.url}"\n  lint {\n    max_bytes = 1024\n  }\n}\n`;
      const r = cli(["migrate", "lint", "--env", "ci", "--latest", "1"], {
        cwd: project({ "1_init.sql": init, "2_next.sql": COPY }, hcl),
      });
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('Table "t" (about 0 rows, 16.0 KB, above max_bytes 1.0 KB) is copied');
    });
  });

  test("an unknown attribute of the online block is an error at its line", () => {
    const root = project({ "1_init.sql": init }, 'env "ci" {\n  online {\n    pin = true\n    min_row = 5\n  }\n}\n');
    const r = cli(["migrate", "lint", "--env", "ci", "--latest", "1"], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('atlas.hcl:4:5: unknown attribute "min_row" in env "ci" > online');
    const bad = project({ "1_init.sql": init }, 'env "ci" {\n  online {\n    min_rows = "many"\n  }\n}\n');
    expect(cli(["migrate", "lint", "--env", "ci", "--latest", "1"], { cwd: bad }).stderr).toContain(
      'atlas.hcl:3:5: online: "min_rows" must be a whole number (0 or more), not a string',
    );
  });
});

describe("migrate apply: cost, pinning and the online command in a dry run", () => {
  test("text and JSON", async () => {
    await withTestDatabase(async (target) => {
      const files = {
        "1_init.sql": init,
        "2_next.sql": "ALTER TABLE `t` ADD COLUMN `b` int NULL;\nALTER TABLE `t` MODIFY COLUMN `a` bigint NULL;\n",
      };
      const root = project(files, `env "ci" {\n  url = "${target.url}"\n}\n`);
      expect(cli(["migrate", "apply", "1", "--env", "ci"], { cwd: root }).code).toBe(0);
      const pinned = cli(["migrate", "apply", "--env", "ci", "--dry-run", "--pin"], { cwd: root });
      expect(pinned.code).toBe(0);
      expect(pinned.stdout).toContain("-> ALTER TABLE `t` ADD COLUMN `b` int NULL, ALGORITHM=INSTANT\n");
      expect(pinned.stdout).toContain("-> ALTER TABLE `t` MODIFY COLUMN `a` bigint NULL;\n");
      expect(pinned.stderr).toContain("-- cost: INSTANT, writers not blocked: table `t` (about 0 rows, 16.0 KB)");
      expect(pinned.stderr).toContain("-- cost: COPY, writers blocked: table `t` (about 0 rows, 16.0 KB)");
      const online = cli(["migrate", "apply", "--env", "ci", "--dry-run", "--online", "--format", "json"], {
        cwd: root,
      });
      expect(online.code).toBe(0);
      const plans = JSON.parse(online.stdout).Applied[0].Plans;
      expect(plans[0]).toMatchObject({ Algorithm: "INSTANT", BlocksWriters: false });
      expect(plans[1]).toMatchObject({ Algorithm: "COPY", BlocksWriters: true, Rows: 0 });
      expect(plans[1].Online.Command).toStartWith("pt-online-schema-change --alter 'MODIFY COLUMN `a` bigint NULL'");
      const [rows] = await target.conn.query("SELECT COUNT(*) AS n FROM atlas_schema_revisions WHERE version = '2'");
      expect(rows).toEqual([{ n: 0 }]);
    });
  });
});
