import { describe, expect, test } from "bun:test";
import { connect } from "../../src/db/connect.ts";
import { ConnectionError, DatabaseError } from "../../src/db/errors.ts";
import { testServerUrl, withTestDatabase } from "../support/mariadb.ts";

function withPassword(url: string, password: string): string {
  return url.replace("root@", `root:${password}@`);
}

describe("connect", () => {
  test("reports the server, flavour and redacted URL; runs queries and statements", async () => {
    await withTestDatabase(async ({ url, name }) => {
      const conn = await connect(`${url}?lock_wait_timeout=9`);
      try {
        expect(conn.flavorName).toBe("mariadb");
        expect(conn.serverVersion).toMatch(/MariaDB/);
        expect(conn.url).toBe(`${url}?lock_wait_timeout=9`);
        await conn.exec("CREATE TABLE t (a int)");
        await conn.exec("INSERT INTO t VALUES (?), (?)", [1, 2]);
        expect(
          await conn.query("SELECT DATABASE() AS d, @@session.lock_wait_timeout AS l, COUNT(*) AS n FROM t"),
        ).toEqual([{ d: name, l: 9, n: 2 }]);
        const err = await conn.exec("CREATE TABLE t (a int)").catch((e) => e);
        expect(err).toBeInstanceOf(DatabaseError);
        expect(err.message).toBe("Error 1050 (42S01): Table 't' already exists");
      } finally {
        await conn.close();
        await conn.close();
      }
    });
  }, 60_000);

  const failures: [string, (base: string) => string, string, RegExp][] = [
    [
      "wrong password",
      (b) => withPassword(`${b}/mysql`, "s3cret-pw"),
      "access-denied",
      /^access denied for user "root" with the password from the URL: wrong user or password \(a password comes from the URL, MYSQL_PWD, an option file .*\(mysql:\/\/root:xxxxx@/,
    ],
    ["refused port", () => "mysql://root:s3cret-pw@127.0.0.1:1/x", "refused", /^connection refused by 127\.0\.0\.1/],
    ["unknown database", (b) => `${b}/no_such_db_here`, "unknown-database", /^unknown database "no_such_db_here"/],
    [
      "unknown host",
      () => "mysql://root:s3cret-pw@no-such-host.invalid/x",
      "unknown-host",
      /^unknown host "no-such-host\.invalid"/,
    ],
  ];
  for (const [label, make, failure, message] of failures) {
    test(label, async () => {
      const err = await connect(make(await testServerUrl()), { connectTimeoutMs: 5000 }).catch((e) => e);
      expect(err).toBeInstanceOf(ConnectionError);
      expect(err.failure).toBe(failure);
      expect(err.message).toMatch(message);
      expect(err.message).not.toContain("s3cret-pw");
      expect(err.message).not.toContain("\n");
    }, 60_000);
  }
});
