import { describe, expect, test } from "bun:test";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createConnection } from "mysql2/promise";
import {
  ExternalServerError,
  killTestServer,
  restartTestServer,
  testServerUrl,
  withTestDatabase,
} from "./support/mariadb.ts";
import { findServerBinaries, NoServerBinaryError } from "./support/server-binaries.ts";

const external = Boolean(process.env.STATS_DB_TEST_URL);

async function databaseExists(name: string): Promise<boolean> {
  const conn = await createConnection({ uri: await testServerUrl() });
  try {
    const [rows] = await conn.query("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?", [
      name,
    ]);
    return (rows as unknown[]).length === 1;
  } finally {
    await conn.end();
  }
}

describe("test server", () => {
  test("the base URL names no database and a query works in a test database", async () => {
    const url = await testServerUrl();
    expect(url).toMatch(/^mysql:\/\/[^/]+$/);
    await withTestDatabase(async ({ conn, name, url: dbUrl }) => {
      expect(dbUrl).toBe(`${url}/${name}`);
      const [rows] = await conn.query("SELECT DATABASE() AS db, 6 * 7 AS answer, @@character_set_server AS cs");
      expect(rows).toEqual([{ db: name, answer: 42, cs: "utf8mb4" }]);
    });
  });

  test("two test databases are isolated", async () => {
    await withTestDatabase(async (a) => {
      await withTestDatabase(async (b) => {
        expect(a.name).not.toBe(b.name);
        await a.conn.query("CREATE TABLE only_in_a (id int PRIMARY KEY)");
        const [inA] = await a.conn.query("SHOW TABLES");
        const [inB] = await b.conn.query("SHOW TABLES");
        expect((inA as unknown[]).length).toBe(1);
        expect((inB as unknown[]).length).toBe(0);
      });
    });
  });

  const dropCases: { label: string; fail: boolean }[] = [
    { label: "after a passing body", fail: false },
    { label: "after a failing body", fail: true },
  ];
  for (const { label, fail } of dropCases) {
    test(`the database is dropped ${label}`, async () => {
      let seen = "";
      const run = withTestDatabase(async ({ name }) => {
        seen = name;
        expect(await databaseExists(name)).toBe(true);
        if (fail) throw new Error("body failed");
      });
      if (fail) await expect(run).rejects.toThrow("body failed");
      else await run;
      expect(seen).not.toBe("");
      expect(await databaseExists(seen)).toBe(false);
    });
  }
});

describe("server binaries", () => {
  test("a directory without binaries gives the install hint", () => {
    const empty = mkdtempSync(join(tmpdir(), "stats-db-nobin-"));
    try {
      expect(() => findServerBinaries([empty])).toThrow(NoServerBinaryError);
      expect(() => findServerBinaries([empty])).toThrow(
        "no MariaDB/MySQL server binary found: install Debian's mariadb-server (apt-get install mariadb-server) " +
          "or set STATS_DB_TEST_URL=mysql://user:pass@host:port",
      );
    } finally {
      rmSync(empty, { recursive: true });
    }
  });
});

describe("restart and kill", () => {
  if (external) {
    for (const [label, fn] of [
      ["restart", restartTestServer],
      ["kill", killTestServer],
    ] as const) {
      test(`${label} refuses to touch an external server`, async () => {
        await expect(fn()).rejects.toThrow(ExternalServerError);
      });
    }
    return;
  }

  test("data survives a restart and a kill, and the server comes back after a kill", async () => {
    await withTestDatabase(async ({ name }) => {
      const url = await testServerUrl();
      const setup = await createConnection({ uri: `${url}/${name}` });
      await setup.query("CREATE TABLE t (id int PRIMARY KEY) ENGINE=InnoDB");
      await setup.query("INSERT INTO t VALUES (1), (2)");
      await setup.end();

      await restartTestServer();
      expect(await countRows(`${url}/${name}`)).toBe(2);

      await killTestServer();
      await expect(createConnection({ uri: url, connectTimeout: 2000 })).rejects.toThrow();
      expect(await testServerUrl()).toBe(url);
      expect(await countRows(`${url}/${name}`)).toBe(2);
    });
  }, 60_000);
});

async function countRows(url: string): Promise<number> {
  const conn = await createConnection({ uri: url });
  try {
    const [rows] = await conn.query("SELECT COUNT(*) AS n FROM t");
    return Number((rows as { n: number }[])[0]?.n);
  } finally {
    await conn.end();
  }
}

describe("cleanup at exit", () => {
  test("a run that ends stops its server and removes the temp directory", async () => {
    const script = [
      `import { PrivateServer } from ${JSON.stringify(join(import.meta.dir, "support/private-server.ts"))};`,
      `import { findServerBinaries } from ${JSON.stringify(join(import.meta.dir, "support/server-binaries.ts"))};`,
      `import { readFileSync } from "node:fs";`,
      "const s = await PrivateServer.create(findServerBinaries());",
      'console.log(JSON.stringify({ dir: s.dir, pid: Number(readFileSync(s.dir + "/mariadbd.pid", "utf8")) }));',
    ].join("\n");
    const child = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", timeout: 60_000 });
    expect(child.status).toBe(0);
    const { dir, pid } = JSON.parse(child.stdout.trim()) as { dir: string; pid: number };
    expect(pid).toBeGreaterThan(0);
    const deadline = Date.now() + 30_000;
    while ((existsSync(dir) || isAlive(pid)) && Date.now() < deadline) await Bun.sleep(100);
    expect(existsSync(dir)).toBe(false);
    expect(isAlive(pid)).toBe(false);
  }, 90_000);
});

function isAlive(pid: number): boolean {
  try {
    // A zombie still answers kill(0); /proc tells the two apart.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return !/^\d+ \(.*\) Z/.test(stat);
  } catch {
    return false;
  }
}
