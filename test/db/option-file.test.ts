/** MySQL option files: the [client] group as the mysql client reads it, includes, and clear refusals. */
import { afterAll, describe, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { OptionFileError, readOptionFile } from "../../src/db/option-file.ts";

const dir = mkdtempSync(join(tmpdir(), "stats-db-cnf-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function file(text: string, name = `f${++n}.cnf`): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function refusal(path: string): string {
  try {
    readOptionFile(path);
  } catch (e) {
    expect(e).toBeInstanceOf(OptionFileError);
    return (e as Error).message;
  }
  throw new Error("expected a refusal");
}

describe("readOptionFile", () => {
  test("the [client] group: names with _ or -, loose- prefix, comments, later lines win, other groups ignored", () => {
    const path = file(`# ops credentials
[mysql]
password = not-this-one
prompt = \\u@\\h>
[client]
user = migrator
password = first
host=db.internal   # the primary
loose_port = 3307
socket = /run/mysqld/mysqld.sock
ssl_ca = /etc/ssl/ca.pem
ssl-mode = VERIFY_IDENTITY
default-character-set = utf8mb4
password = "p#ss w\\"ord"
[mysqldump]
user = dumper
`);
    expect(readOptionFile(path)).toEqual({
      file: path,
      user: "migrator",
      password: 'p#ss w"ord',
      host: "db.internal",
      port: 3307,
      socket: "/run/mysqld/mysqld.sock",
      sslCa: "/etc/ssl/ca.pem",
      sslMode: "VERIFY_IDENTITY",
    });
  });

  test("quotes and escapes", () => {
    expect(readOptionFile(file("[client]\npassword='a b;c'  # note\n")).password).toBe("a b;c");
    expect(readOptionFile(file("[client]\npassword=a\\sb\\\\c\n")).password).toBe("a b\\c");
    expect(readOptionFile(file("[CLIENT]\npassword = x#y\n")).password).toBe("x");
  });

  test("a bare password means none from this file", () => {
    expect(readOptionFile(file("[client]\npassword=x\npassword\n")).password).toBeUndefined();
  });

  test("!include and !includedir", () => {
    const inc = file("[client]\npassword=from-include\n", "inc.cnf");
    mkdirSync(join(dir, "conf.d"));
    writeFileSync(join(dir, "conf.d", "a.cnf"), "[client]\nuser=from-dir\n");
    writeFileSync(join(dir, "conf.d", "b.txt"), "[client]\nuser=ignored\n");
    const top = file(`[client]\nhost=h\n!include ${inc}\n!includedir conf.d\n`);
    expect(readOptionFile(top)).toEqual({ file: top, host: "h", password: "from-include", user: "from-dir" });
  });

  test("refusals name the file and line, never a value", () => {
    expect(refusal(join(dir, "missing.cnf"))).toMatch(/^option file .*missing\.cnf: cannot be read \(ENOENT\)$/);
    expect(refusal(file("password=s3cret\n"))).toMatch(/line 1: an option before any \[group\]$/);
    expect(refusal(file("[client]\npassword='s3cret\n"))).toMatch(/line 2: the quoted value has no closing '$/);
    expect(refusal(file("[client\n"))).toMatch(/line 1: a group header needs a closing \]$/);
    expect(refusal(file("!include /no/such.cnf\n"))).toMatch(/line 1: !include \/no\/such\.cnf: no such file$/);
    expect(refusal(file("!exec rm\n"))).toMatch(/line 1: unknown directive/);
    expect(refusal(file("[client]\nport=abc\n"))).toMatch(/port must be a number/);
    const self = join(dir, "self.cnf");
    writeFileSync(self, `!include ${self}\n`);
    expect(refusal(self)).toMatch(/includes itself/);
    for (const f of [file("[client]\npassword='s3cret\n"), file("password=s3cret\n")])
      expect(refusal(f)).not.toContain("s3cret");
  });
});
