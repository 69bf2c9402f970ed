import { describe, expect, test } from "bun:test";
import { redactText, redactUrl } from "../../src/config/redact.ts";

describe("redactUrl", () => {
  const cases: [string, string][] = [
    ["mysql://root:secret@localhost:3306/app", "mysql://root:xxxxx@localhost:3306/app"],
    ["maria://u:p%40ss@h/db?parseTime=true", "maria://u:xxxxx@h/db?parseTime=true"],
    ["mysql://u:pa/ss@w@h/db", "mysql://u:xxxxx@h/db"],
    ["mysql://u:@h/db", "mysql://u:xxxxx@h/db"],
    ["mysql://root@localhost/db", "mysql://root@localhost/db"],
    ["mysql://localhost:3306/db", "mysql://localhost:3306/db"],
    ["file://migrations", "file://migrations"],
    ["not a url", "not a url"],
  ];
  for (const [input, want] of cases) test(input, () => expect(redactUrl(input)).toBe(want));
  test("redactText redacts every URL in a message", () => {
    expect(redactText('cannot connect to "mysql://a:b@h/x" or mysql://c:d@h/y.')).toBe('cannot connect to "mysql://a:xxxxx@h/x" or mysql://c:xxxxx@h/y.');
  });
});
