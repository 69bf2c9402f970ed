/** The lint corpus: each folder of test/fixtures/lint holds base.sql, new.sql and the diagnostics new.sql must and must not produce. */
import { describe, expect, test } from "bun:test";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { memoryDir } from "../../src/migrate/dir.ts";
import { flavorByName } from "../../src/mysql/flavor.ts";
import { hasErrors } from "../../src/lint/report.ts";
import { lintDir } from "../../src/lint/runner.ts";
import { lineOf } from "../../src/migrate/line.ts";
import { selectLatest } from "../../src/lint/select.ts";

const root = join(import.meta.dir, "..", "fixtures", "lint");
type Want = string | { code: string; line?: number; text?: string };
interface Expect {
  flavor: string;
  must: Want[];
  mustNot: string[];
  error: boolean;
  errors?: Record<string, boolean>;
}

const cases = readdirSync(root).sort();

test("the corpus has at least 40 cases", () => {
  expect(cases.length).toBeGreaterThanOrEqual(40);
});

describe("lint corpus", () => {
  test.each(cases)("%s", (name) => {
    const exp = JSON.parse(readFileSync(join(root, name, "expect.json"), "utf8")) as Expect;
    const newText = readFileSync(join(root, name, "new.sql"), "utf8");
    const dir = memoryDir({ "1_base.sql": readFileSync(join(root, name, "base.sql"), "utf8"), "2_new.sql": newText });
    const report = lintDir(dir, (files) => selectLatest(files, 1), {
      flavor: flavorByName(exp.flavor)!,
      errors: exp.errors ?? {},
      now: () => 0,
    });
    expect(report.failure).toBeUndefined();
    const bytes = new TextEncoder().encode(newText);
    const found = report.files.flatMap((f) =>
      f.reports.flatMap((r) => r.diagnostics.map((d) => ({ code: d.code, text: d.text, line: lineOf(bytes, d.pos) }))),
    );
    for (const w of exp.must) {
      const want = typeof w === "string" ? { code: w } : w;
      expect(found).toContainEqual(expect.objectContaining(want));
    }
    for (const code of exp.mustNot) expect(found.map((d) => d.code)).not.toContain(code);
    expect(hasErrors(report)).toBe(exp.error);
  });
});
