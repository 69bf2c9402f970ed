import { describe, expect, test } from "bun:test";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { splitStatements } from "../../src/migrate/split.ts";
import { sharedVectors } from "./vectors.ts";

// Atlas's lex goldens (sql/migrate/testdata/lex*): statements joined by "\n-- end --\n", no trailing newline.
// Every vector applies with the MySQL scanner options, so every one is asserted: lex/ (the generic goldens: none
// has a BEGIN block or dollar quote that the MySQL options would read differently), lexescaped/ (backslash escapes,
// a MySQL option) and lexgroup/ (BEGIN … END blocks, MatchBegin, a MySQL option).

const root = sharedVectors("atlas-lex");
if (root !== undefined) {
  const cases = readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(join(root, d.name))
        .filter((f) => f.endsWith(".sql"))
        .map((f) => `${d.name}/${f}`),
    );

  describe("atlas-lex goldens", () => {
    test("the vector set is not empty", () => {
      expect(cases.length).toBeGreaterThanOrEqual(19);
    });
    test.each(cases)("%s", (name) => {
      const got = splitStatements(readFileSync(join(root, name)))
        .map((s) => s.text)
        .join("\n-- end --\n");
      expect(got).toBe(readFileSync(join(root, `${name}.golden`), "utf8"));
    });
  });
}
