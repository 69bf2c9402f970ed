import { describe, expect, test } from "bun:test";
import { DatabaseUrlError, parseDatabaseUrl, redactDatabaseUrl } from "../../src/db/url.ts";

describe("parseDatabaseUrl", () => {
  const cases: [string, Record<string, unknown>][] = [
    [
      "mysql://root:pass@localhost:3306/app",
      {
        driver: "mysql",
        host: "localhost",
        port: 3306,
        user: "root",
        password: "pass",
        schema: "app",
        tls: "disabled",
      },
    ],
    ["maria://u@db.example:3307", { driver: "mariadb", host: "db.example", port: 3307, user: "u", schema: undefined }],
    ["mariadb://u:p%40ss@h/s", { driver: "mariadb", port: 3306, password: "p@ss", schema: "s" }],
    ["mysql://u:p@h/app?tls=skip-verify", { tls: "required" }],
    ["mysql://u:p@h/app?tls=true", { tls: "verify" }],
    ["mysql://u:p@h/app?ssl-mode=REQUIRED", { tls: "required" }],
    ["mysql://u:p@h/app?ssl-mode=disabled", { tls: "disabled" }],
    ["mysql://u:p@h/app?timeout=5s&readTimeout=1m", { connectTimeoutMs: 5000, statementTimeoutMs: 60000 }],
    ["mysql://u:p@h/app?lock_wait_timeout=5&parseTime=true", { sessionVars: { lock_wait_timeout: "5" } }],
    [
      "mysql+unix://root@/var/run/mysqld/mysqld.sock?database=app",
      { driver: "mysql", socketPath: "/var/run/mysqld/mysqld.sock", schema: "app", user: "root" },
    ],
    ["maria+unix:///tmp/m.sock", { driver: "mariadb", socketPath: "/tmp/m.sock", schema: undefined }],
    ["mysql://h/app/", { user: "root", schema: "app" }],
    ["mysql://u@h/app?password=p%26w", { user: "u", password: "p&w", sessionVars: {} }],
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
    ["mysql://u:secret@h/db?password=secret", "gives the password twice"],
    ["mysql://u@h/db?password=secret&tls=maybe", "unknown tls value"],
    ["postgres://u@h/db?x=1&password=secret", "the scheme must be"],
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
    expect(parseDatabaseUrl("mysql://root@h:1/db?tls=true&password=s3cr3t").redacted).toBe(
      "mysql://root@h:1/db?tls=true&password=xxxxx",
    );
    expect(redactDatabaseUrl("mysql://root@h/db")).toBe("mysql://root@h/db");
  });

  test("what the URL leaves out comes from the option file; what it says wins", () => {
    const client = {
      file: "/x/.my.cnf",
      user: "ops",
      password: "pw",
      host: "db.internal",
      port: 3307,
      socket: "/run/m.sock",
      sslCa: "/ca.pem",
    };
    expect(parseDatabaseUrl("mysql:///app", client)).toMatchObject({
      user: "ops",
      host: "db.internal",
      port: 3307,
      schema: "app",
      tls: "verify",
      sslCa: "/ca.pem",
    });
    expect(parseDatabaseUrl("mysql:///app", client).password).toBeUndefined();
    expect(parseDatabaseUrl("mysql://me@h:1/app?tls=false", client)).toMatchObject({
      user: "me",
      host: "h",
      port: 1,
      tls: "disabled",
    });
    const socketOnly = parseDatabaseUrl("mysql:///app", { file: "f", socket: "/run/m.sock" });
    expect(socketOnly).toMatchObject({ socketPath: "/run/m.sock", host: "" });
    expect(parseDatabaseUrl("mysql://h/app", { file: "f", socket: "/run/m.sock" }).socketPath).toBeUndefined();
    expect(parseDatabaseUrl("mysql://h/app", { file: "f", sslMode: "REQUIRED" }).tls).toBe("required");
    expect(() => parseDatabaseUrl("mysql://h/app", { file: "f", sslMode: "SOMETIMES" })).toThrow(
      "option file f: unknown ssl-mode",
    );
  });
});

describe("redactDatabaseUrl", () => {
  const cases: [string, string][] = [
    ["mysql://root:secret@localhost:3306/app", "mysql://root:xxxxx@localhost:3306/app"],
    ["maria://u:p%40ss@h/db?parseTime=true", "maria://u:xxxxx@h/db?parseTime=true"],
    ["mysql://u:pa/ss@w@h/db", "mysql://u:xxxxx@h/db"],
    ["mysql://u:@h/db", "mysql://u:xxxxx@h/db"],
    ["mysql://u@h/db?password=secret", "mysql://u@h/db?password=xxxxx"],
    ["mysql://u@h/db?a=1&PASSWORD=secret&b=2", "mysql://u@h/db?a=1&PASSWORD=xxxxx&b=2"],
    ["postgres://u:secret@h/db?password=secret", "postgres://u:xxxxx@h/db?password=xxxxx"],
    ["mysql://root@localhost/db", "mysql://root@localhost/db"],
    ["mysql://localhost:3306/db", "mysql://localhost:3306/db"],
    ["file://migrations", "file://migrations"],
    ["not a url", "not a url"],
  ];
  for (const [input, want] of cases) test(input, () => expect(redactDatabaseUrl(input)).toBe(want));
});
