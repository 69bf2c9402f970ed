import { describe, expect, test } from "bun:test";
import { parseGoDuration } from "../../src/db/duration.ts";
import { DatabaseUrlError, parseDatabaseUrl, redactDatabaseUrl } from "../../src/db/url.ts";

describe("parseDatabaseUrl", () => {
  const cases: [string, Record<string, unknown>][] = [
    ["mysql://root:pass@localhost:3306/app", { driver: "mysql", host: "localhost", port: 3306, user: "root", password: "pass", schema: "app", tls: "disabled" }],
    ["maria://u@db.example:3307", { driver: "mariadb", host: "db.example", port: 3307, user: "u", schema: undefined }],
    ["mariadb://u:p%40ss@h/s", { driver: "mariadb", port: 3306, password: "p@ss", schema: "s" }],
    ["mysql://u:p@h/app?tls=skip-verify", { tls: "required" }],
    ["mysql://u:p@h/app?tls=true", { tls: "verify" }],
    ["mysql://u:p@h/app?ssl-mode=REQUIRED", { tls: "required" }],
    ["mysql://u:p@h/app?ssl-mode=disabled", { tls: "disabled" }],
    ["mysql://u:p@h/app?timeout=5s&readTimeout=1m", { connectTimeoutMs: 5000, statementTimeoutMs: 60000 }],
    ["mysql://u:p@h/app?lock_wait_timeout=5&parseTime=true", { sessionVars: { lock_wait_timeout: "5" } }],
    ["mysql+unix://root@/var/run/mysqld/mysqld.sock?database=app", { driver: "mysql", socketPath: "/var/run/mysqld/mysqld.sock", schema: "app", user: "root" }],
    ["maria+unix:///tmp/m.sock", { driver: "mariadb", socketPath: "/tmp/m.sock", schema: undefined }],
    ["mysql://h/app/", { user: "root", schema: "app" }],
  ];
  for (const [url, want] of cases) {
    test(url, () => {
      const got = parseDatabaseUrl(url) as unknown as Record<string, unknown>;
      for (const [k, v] of Object.entries(want)) expect([k, got[k]]).toEqual([k, v]);
    });
  }

  const bad: [string, string][] = [
    ["postgres://u:secret@h/db", "the scheme must be"],
    ["mysql://u:secret@h/db?tls=maybe", "unknown tls value"],
    ["mysql://u:secret@h/db?ssl-mode=SOMETIMES", "unknown ssl-mode"],
    ["mysql://u:secret@h/db?timeout=5", "time: invalid duration"],
    ["mysql://u:secret@h/a/b", "the path names one schema"],
    ["mysql+unix://u:secret@/", "socket path"],
  ];
  for (const [url, msg] of bad) {
    test(`rejects ${url.replace("secret", "…")}`, () => {
      let err: unknown;
      try {
        parseDatabaseUrl(url);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(DatabaseUrlError);
      expect((err as Error).message).toContain(msg);
      expect((err as Error).message).not.toContain("secret");
    });
  }

  test("the redacted form hides the password", () => {
    expect(parseDatabaseUrl("mysql://root:s3cr%2Ft@h:1/db").redacted).toBe("mysql://root:xxxxx@h:1/db");
    expect(redactDatabaseUrl("mysql://root@h/db")).toBe("mysql://root@h/db");
  });
});

describe("parseGoDuration", () => {
  const cases: [string, number][] = [["10s", 10000], ["0", 0], ["500ms", 500], ["1m30s", 90000], ["1.5h", 5400000], ["2us", 0.002], ["-1s", -1000]];
  for (const [input, ms] of cases) test(input, () => expect(parseGoDuration(input)).toBe(ms));
  for (const input of ["", "10", "s", "1x", "1s2"]) test(`rejects "${input}"`, () => expect(() => parseGoDuration(input)).toThrow("time: invalid duration"));
});
