/**
 * The compiled binary, copied to an empty directory and run with `env -i`: embedded migrations and entities, the
 * atlas.sum check, and `--dir file://…` overriding the embedded directory.
 */
import { beforeAll, describe, expect, test } from "bun:test";
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openLocalDir } from "../../src/migrate/dir/local.ts";
import { cli, repoRoot } from "../cli/run-cli.ts";
import { builtBinary } from "./built-binary.ts";
import { isolatedCopy, runIsolated } from "./run-binary.ts";

let bin: { dir: string; exe: string };
let built: string;

beforeAll(async () => {
  built = await builtBinary();
  bin = isolatedCopy(built);
}, 120_000);

const run = (args: string[]) => runIsolated(bin.exe, args, { cwd: bin.dir });
const SYNCED = "The migration directory is synced with the desired state, no changes to be made\n";

function copyOfMigrations(): string {
  const dir = mkdtempSync(join(tmpdir(), "stats-db-migrations-"));
  cpSync(join(repoRoot, "migrations"), dir, { recursive: true });
  return dir;
}

describe("compiled binary under env -i in an empty directory", () => {
  test("the .sha256 file beside the binary matches its bytes", () => {
    const sha = createHash("sha256").update(readFileSync(built)).digest("hex");
    expect(readFileSync(`${built}.sha256`, "utf8")).toBe(`${sha}  stats-db\n`);
  });

  test("version prints the tool version, the latest embedded version and the directory hash", () => {
    const files = openLocalDir(join(repoRoot, "migrations")).files();
    const sumTotal = readFileSync(join(repoRoot, "migrations", "atlas.sum"), "utf8").split("\n")[0];
    const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { version: string };
    const r = run(["version"]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    const n = files.length;
    expect(r.stdout).toBe(
      `stats-db version ${pkg.version}\nmigrations: ${files.at(-1)!.version} (latest of ${n} file${n === 1 ? "" : "s"} embedded)\nmigrations hash: ${sumTotal}\n`,
    );
  });

  test.each([
    ["migrate validate", ["migrate", "validate"], ""],
    ["diff --check: embedded entities vs embedded migrations", ["diff", "--check"], SYNCED],
    ["migrate validate --dir mem://embedded", ["migrate", "validate", "--dir", "mem://embedded"], ""],
  ])("%s succeeds", (_name, args, stdout) => {
    expect(run(args)).toEqual({ code: 0, stdout, stderr: "" });
  });

  test("the embedded directory is read-only: migrate hash without --dir is refused", () => {
    expect(run(["migrate", "hash"])).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "Error: the embedded migration directory is read-only: pass --dir file://<path> to write migration files\n",
    });
  });

  test("schema hcl prints the same HCL as running from source", () => {
    const fromSource = cli(["schema", "hcl"]);
    expect(fromSource.code).toBe(0);
    expect(run(["schema", "hcl"])).toEqual({ code: 0, stdout: fromSource.stdout, stderr: "" });
  });

  test("--dir file://… overrides the embedded directory: an empty one is out of sync", () => {
    const empty = mkdtempSync(join(tmpdir(), "stats-db-empty-"));
    const r = run(["diff", "--check", "--dir", `file://${empty}`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("CREATE TABLE `sites`");
  });

  test("--dir file://… with an edited file fails Atlas's checksum check", () => {
    const dir = copyOfMigrations();
    const first = openLocalDir(dir).files()[0]!;
    writeFileSync(join(dir, first.name), first.text + "-- edited\n");
    const r = run(["migrate", "validate", "--dir", `file://${dir}`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`L2: ${first.name} was edited`);
    expect(r.stderr).toBe("Error: checksum mismatch\n");
  });

  test("a folder named entities where the binary runs replaces the embedded entities", () => {
    const cwd = mkdtempSync(join(tmpdir(), "stats-db-cwd-"));
    mkdirSync(join(cwd, "entities"));
    writeFileSync(join(cwd, "entities", "index.ts"), "export const tables = [];\n");
    const r = runIsolated(bin.exe, ["schema", "hcl"], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`Error: ${join(cwd, "entities")} exports no tables (export const tables = [...])\n`);
  });
});

describe("running from source", () => {
  test("mem://embedded exists only in the binary", () => {
    expect(cli(["migrate", "validate", "--dir", "mem://embedded"])).toMatchObject({
      code: 2,
      stderr: "Error: mem://embedded exists only in the compiled binary; use file://<path>\n",
    });
  });
});
