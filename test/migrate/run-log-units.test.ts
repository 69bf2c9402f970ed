/** The run log's offline parts: a first error never keeps a URL's password; the plan hash; the OS user. */
import { describe, expect, test } from "bun:test";
import { createHash } from "node:crypto";
import { redactedError } from "../../src/migrate/run-log.ts";
import { osUser, planHash, runIdentity } from "../../src/project/run-identity.ts";

describe("run log", () => {
  test("URLs in an error keep their user and lose their password", () => {
    expect(redactedError("connecting to mysql://ops:s3cret@db:3306/site_usage: refused")).toBe(
      "connecting to mysql://ops:xxxxx@db:3306/site_usage: refused",
    );
    expect(redactedError("dev maria://root@dev/x?password=hunter2&tls=true failed")).toBe(
      "dev maria://root@dev/x?password=xxxxx&tls=true failed",
    );
    expect(redactedError("Error 1146 (42S02): Table 'x.nope' doesn't exist")).toBe(
      "Error 1146 (42S02): Table 'x.nope' doesn't exist",
    );
  });

  test("the plan hash is the SHA-256 of the statements joined by newlines", () => {
    const want = createHash("sha256").update("CREATE TABLE a (id int)\nDROP TABLE b").digest("hex");
    expect(planHash(["CREATE TABLE a (id int)", "DROP TABLE b"])).toBe(`sha256:${want}`);
  });

  test("an identity has a fresh v4 run id, a named OS user and no binary hash from source", () => {
    const [a, b] = [runIdentity("migrate apply"), runIdentity("migrate apply")];
    expect(a.runId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.runId).not.toBe(b.runId);
    expect(osUser()).not.toMatch(/^(|unknown)$/);
    expect(a.binarySha256).toBeUndefined();
  });
});
