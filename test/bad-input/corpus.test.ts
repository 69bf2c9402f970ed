/**
 * Runs every row of the bad-input corpus (`*.cases.ts` beside this file): exit code, first line, no stack trace, no
 * password, nothing changed.
 */
import { describe, expect, setDefaultTimeout, test } from "bun:test";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { withTestDatabase } from "../support/mariadb.ts";
import {
  type BadInputCase,
  type CaseContext,
  databaseSnapshot,
  fileSnapshot,
  firstLine,
  removeProject,
  runCase,
  SECRET,
  BASE_FILES,
  BASE_HCL,
} from "./harness.ts";
import { writeProject } from "../support/project.ts";

setDefaultTimeout(60_000);

const files = readdirSync(import.meta.dir)
  .filter((f) => f.endsWith(".cases.ts"))
  .sort();
const groups: [string, readonly BadInputCase[]][] = await Promise.all(
  files.map(
    async (f) =>
      [f.replace(/\.cases\.ts$/, ""), (await import(join(import.meta.dir, f))).cases as readonly BadInputCase[]] as [
        string,
        readonly BadInputCase[],
      ],
  ),
);

/** The URL with the SECRET password: the test user gets it set first (root with a password would lock out the suite). */
async function secretUser(conn: import("mysql2/promise").Connection, url: string, db: string): Promise<string> {
  const user = `bad_${db.slice(-12)}`;
  await conn.query(`CREATE USER IF NOT EXISTS '${user}'@'%' IDENTIFIED BY '${SECRET}'`);
  await conn.query(`CREATE USER IF NOT EXISTS '${user}'@'localhost' IDENTIFIED BY '${SECRET}'`);
  for (const host of ["%", "localhost"]) {
    await conn.query(`GRANT ALL ON \`${db}\`.* TO '${user}'@'${host}'`);
    await conn.query(`GRANT ALL ON \`atlas_schema_revisions\`.* TO '${user}'@'${host}'`);
  }
  const u = new URL(url);
  u.username = user;
  u.password = SECRET;
  return u.toString();
}

function check(c: BadInputCase, r: { code: number; stdout: string; stderr: string }): void {
  const out = r.stdout + r.stderr;
  expect({ code: r.code, first: firstLine(r) }).toMatchObject({
    code: c.code,
    first: typeof c.first === "string" ? c.first : expect.stringMatching(c.first),
  });
  expect(out).not.toContain(SECRET);
  expect(out).not.toMatch(/^\s+at .+\(.*:\d+:\d+\)$/m);
}

for (const [group, cases] of groups) {
  describe(`bad input: ${group}`, () => {
    for (const c of cases) {
      test(c.name, async () => {
        const root = writeProject(BASE_FILES, BASE_HCL);
        try {
          if (!c.db) {
            const ctx: CaseContext = { root, dirUrl: `file://${join(root, "migrations")}`, url: "", conn: undefined };
            await c.setup?.(ctx);
            const before = fileSnapshot(root);
            check(c, runCase(c, ctx));
            if (!c.mayChange) expect(fileSnapshot(root)).toEqual(before);
            return;
          }
          await withTestDatabase(async ({ url, name, conn }) => {
            const secretUrl = await secretUser(conn, url, name);
            const ctx: CaseContext = { root, dirUrl: `file://${join(root, "migrations")}`, url: secretUrl, conn };
            await c.setup?.(ctx);
            const before = { files: fileSnapshot(root), db: await databaseSnapshot(conn) };
            const r = runCase(c, ctx);
            check(c, r);
            if (!c.mayChange) expect({ files: fileSnapshot(root), db: await databaseSnapshot(conn) }).toEqual(before);
          });
        } finally {
          removeProject(root);
        }
      });
    }
  });
}

test("the corpus has rows", () => {
  expect(groups.reduce((n, [, cs]) => n + cs.length, 0)).toBeGreaterThan(0);
});
