/**
 * The exit-code table: every error class exported anywhere in src/ has its own row (so a new class cannot be
 * forgotten), and exitCodeOf reads the table (nearest ancestor for subclasses, 1 for anything unknown).
 */
import { describe, expect, test } from "bun:test";
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { ConfigError } from "../../src/config/errors.ts";
import { DurationError } from "../../src/go/duration.ts";
import { ConnectionError } from "../../src/db/errors.ts";
import { DatabaseUrlError } from "../../src/db/url.ts";
import { ReportedError, UsageError } from "../../src/cli/errors.ts";
import { EXIT_CODES, exitCodeOf, type ErrorClass } from "../../src/cli/exit-codes.ts";
import { LockError } from "../../src/migrate/apply/lock.ts";
import { ChecksumError } from "../../src/migrate/dir/sum.ts";
import { StatementError } from "../../src/migrate/apply/errors.ts";

const SRC = join(import.meta.dir, "..", "..", "src");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

/** `file: ExportName` for every exported class of src/ whose instances are Errors (main.ts runs the CLI: skipped). */
async function exportedErrorClasses(): Promise<Map<ErrorClass, string>> {
  const out = new Map<ErrorClass, string>();
  for (const file of sources(SRC).filter((f) => !f.endsWith(join("cli", "main.ts")))) {
    const mod = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value === "function" && value.prototype instanceof Error)
        out.set(value as ErrorClass, `${relative(SRC, file)}: ${name}`);
    }
  }
  return out;
}

describe("exit codes", () => {
  test("every error class exported from src/ has a row in EXIT_CODES", async () => {
    const classes = await exportedErrorClasses();
    expect(classes.size).toBeGreaterThan(40);
    const missing = [...classes].filter(([cls]) => !EXIT_CODES.has(cls)).map(([, where]) => where);
    expect(missing).toEqual([]);
  });

  test("every row is 1 or 2", () => {
    expect([...new Set(EXIT_CODES.values())].sort()).toEqual([1, 2]);
  });

  test("usage and bad input exit 2", () => {
    expect(exitCodeOf(new UsageError("x"))).toBe(2);
    expect(exitCodeOf(new ConfigError("atlas.hcl", "unknown attribute", { line: 3, col: 5 }))).toBe(2);
    expect(exitCodeOf(new DatabaseUrlError("mysql://x", "bad"))).toBe(2);
    expect(exitCodeOf(new DurationError("soon"))).toBe(2);
  });

  test("failures exit 1, a subclass takes its own row, an unknown error 1, a ReportedError its own code", () => {
    expect(exitCodeOf(new LockError("l", true))).toBe(1);
    expect(exitCodeOf(new ConnectionError("refused", "mysql://h", "connection refused"))).toBe(1);
    expect(exitCodeOf(new StatementError("s", "1", "Error 1064"))).toBe(1);
    expect(exitCodeOf(new ChecksumError(2, "a.sql", "edited"))).toBe(1);
    expect(exitCodeOf(new TypeError("boom"))).toBe(1);
    expect(exitCodeOf("a string")).toBe(1);
    expect(exitCodeOf(new ReportedError("printed", 3))).toBe(3);
  });

  test("citty's argument errors (CLIError, not exported) are usage errors", () => {
    const cittyError = Object.assign(new Error("Missing required argument: --user"), {
      name: "CLIError",
      code: "EARG",
    });
    expect(exitCodeOf(cittyError)).toBe(2);
  });

  test("a subclass without a row takes its nearest ancestor's", () => {
    class Typo extends UsageError {}
    expect(exitCodeOf(new Typo("t"))).toBe(2);
  });
});
