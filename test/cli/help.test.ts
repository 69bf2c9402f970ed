/** `--help` is coloured only on a terminal: piped or with NO_COLOR set, it is plain text. */
import { describe, expect, test } from "bun:test";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "./run-cli.ts";

const main = join(repoRoot, "src", "cli", "main.ts");
const ESC = "\x1b[";

function env(extra: Record<string, string>): Record<string, string> {
  const { NO_COLOR: _n, TEST: _t, CI: _c, TERM: _term, ...rest } = process.env as Record<string, string>;
  return { ...rest, TERM: "xterm", ...extra };
}

/** Runs the CLI on a pseudo-terminal (util-linux `script`) and returns what the terminal received. */
function onTerminal(args: string[], extra: Record<string, string> = {}): string {
  const command = [process.execPath, main, ...args].map((a) => `'${a}'`).join(" ");
  return spawnSync("script", ["-qec", command, "/dev/null"], { env: env(extra), encoding: "utf8" }).stdout;
}

describe("--help colours", () => {
  for (const args of [["--help"], ["migrate", "--help"], ["migrate", "apply", "--help"], ["schema"]]) {
    test(`${args.join(" ")} piped: no colour codes`, () => {
      const r = spawnSync(process.execPath, [main, ...args], { env: env({}), encoding: "utf8" });
      expect(r.stdout).toContain("USAGE");
      expect(r.stdout).not.toContain(ESC);
    });
  }

  test("on a terminal: coloured; with NO_COLOR=true (any value): plain", () => {
    expect(onTerminal(["migrate", "--help"])).toContain(ESC);
    const plain = onTerminal(["migrate", "--help"], { NO_COLOR: "true" });
    expect(plain).toContain("USAGE");
    expect(plain).not.toContain(ESC);
  });
});
