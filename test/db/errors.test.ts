import { describe, expect, test } from "bun:test";
import { connectionFailureOf, toConnectionError } from "../../src/db/errors.ts";

const where = { host: "127.0.0.1", user: "nobody_here", passwordSource: "none" };

describe("connection errors", () => {
  // MariaDB answers a refused login with 1045 ("… (using password: NO)") and, seen under load, with 1698 (the same
  // words without the password part): both are the same refusal and get the same one line.
  for (const [errno, sqlMessage] of [
    [1045, "Access denied for user 'nobody_here'@'127.0.0.1' (using password: NO)"],
    [1698, "Access denied for user 'nobody_here'@'127.0.0.1'"],
  ] as const) {
    test(`errno ${errno} is an access denied`, () => {
      const e = { errno, sqlState: "28000", sqlMessage, fatal: true };
      expect(connectionFailureOf(e)).toBe("access-denied");
      expect(toConnectionError(e, "mysql://nobody_here@127.0.0.1:3306/x", where).message).toStartWith(
        'access denied for user "nobody_here" without a password',
      );
    });
  }

  test("a statement error is not a connection failure", () => {
    expect(connectionFailureOf({ errno: 1050, sqlState: "42S01", sqlMessage: "Table 't' already exists" })).toBe(
      undefined,
    );
  });
});
