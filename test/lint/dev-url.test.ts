/**
 * `--dev-url` lint ≡ in-memory lint: every case of the lint corpus, with its base file executed on a clean dev
 * database and inspected (lintDirWith + devReplay), gives exactly the diagnostics (code, text, position, error level)
 * of the in-memory run; the dev database is left empty, a base statement the server refuses stops the run, and a dev
 * database that holds a table is refused with Atlas's message.
 */
import { describe, expect, test } from "bun:test";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { hasErrors, type LintReport } from "../../src/lint/report.ts";
import { lintDir, lintDirWith, type LintOptions } from "../../src/lint/runner.ts";
import { selectLatest } from "../../src/lint/select.ts";
import { devReplay, NotCleanError } from "../../src/migrate/dev-replay.ts";
import { memoryDir } from "../../src/migrate/dir.ts";
import { flavorByName } from "../../src/mysql/flavor.ts";
import { TABLE_NAMES_QUERY } from "../../src/mysql/inspect.ts";
import { queryableOf } from "../mysql/inspect-queryable.ts";
import { withTestDatabase } from "../support/mariadb.ts";

const root = join(import.meta.dir, "..", "fixtures", "lint");
const cases = readdirSync(root).sort();
const latest = (files: Parameters<typeof selectLatest>[0]) => selectLatest(files, 1);

function corpusCase(name: string): { dir: ReturnType<typeof memoryDir>; opts: LintOptions } {
  const exp = JSON.parse(readFileSync(join(root, name, "expect.json"), "utf8")) as {
    flavor: string;
    errors?: Record<string, boolean>;
  };
  const read = (f: string) => readFileSync(join(root, name, f), "utf8");
  return {
    dir: memoryDir({ "1_base.sql": read("base.sql"), "2_new.sql": read("new.sql") }),
    opts: { flavor: flavorByName(exp.flavor)!, errors: exp.errors ?? {}, now: () => 0 },
  };
}

/** What a report says, without times: the failure, and every file's diagnostics and error line. */
function findings(report: LintReport) {
  return {
    failure: report.failure,
    errors: hasErrors(report),
    files: report.files.map((f) => ({
      name: f.name,
      error: f.error,
      changes: f.changes,
      reports: f.reports.map((r) => ({ analyzer: r.analyzer, error: r.error, diagnostics: r.diagnostics })),
    })),
  };
}

describe("lint with --dev-url ≡ lint in memory", () => {
  test("the corpus is there", () => expect(cases.length).toBeGreaterThanOrEqual(40));

  test("every corpus case, one after another on one dev database", async () => {
    let withFindings = 0;
    await withTestDatabase(async ({ conn, name }) => {
      const q = queryableOf(conn);
      for (const c of cases) {
        const { dir, opts } = corpusCase(c);
        const memory = lintDir(dir, latest, opts);
        const dev = await lintDirWith(dir, latest, opts, async (files) => (await devReplay(q, name, files)).schema);
        expect({ case: c, ...findings(dev) }).toEqual({ case: c, ...findings(memory) });
        if (memory.files.some((f) => f.reports.length > 0)) withFindings++;
        expect({ case: c, left: (await q.query(TABLE_NAMES_QUERY, [name]))[0] }).toEqual({ case: c, left: undefined });
      }
    });
    expect(withFindings, "most cases have diagnostics to agree on").toBeGreaterThanOrEqual(35);
  }, 120_000);
});

describe("lint on a dev database: failures", () => {
  test("a base statement the server refuses stops the run with the file and line", async () => {
    await withTestDatabase(async ({ conn, name }) => {
      const dir = memoryDir({
        "1_base.sql": "CREATE TABLE `t` (`id` int NOT NULL);\n\nCREATE TABLE `u` (`id` nosuchtype);\n",
        "2_new.sql": "DROP TABLE `t`;\n",
      });
      const report = await lintDirWith(
        dir,
        latest,
        { flavor: flavorByName("mariadb")!, now: () => 0 },
        async (files) => (await devReplay(queryableOf(conn), name, files)).schema,
      );
      expect(report.failure?.name).toBe("1_base.sql");
      expect(report.failure?.error).toStartWith("1_base.sql:3: executing statement on the dev database: ");
      expect(report.files).toEqual([]);
      expect(hasErrors(report)).toBe(true);
    });
  });

  test("a dev database holding a table is refused (Atlas's NotCleanError), and left as it was", async () => {
    await withTestDatabase(async ({ conn, name }) => {
      await conn.query("CREATE TABLE `leftover` (`id` int)");
      const dir = memoryDir({
        "1_base.sql": "CREATE TABLE `t` (`id` int NOT NULL);\n",
        "2_new.sql": "DROP TABLE `t`;\n",
      });
      const err = await lintDirWith(
        dir,
        latest,
        { flavor: flavorByName("mariadb")!, now: () => 0 },
        async (files) => (await devReplay(queryableOf(conn), name, files)).schema,
      ).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(NotCleanError);
      expect((err as Error).message).toBe(
        `sql/migrate: connected database is not clean: found table "leftover" in schema "${name}"`,
      );
      expect((await queryableOf(conn).query(TABLE_NAMES_QUERY, [name])).map((r) => r.TABLE_NAME)).toEqual(["leftover"]);
    });
  });
});
