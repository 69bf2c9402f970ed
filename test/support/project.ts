/** A project folder for CLI tests: `migrations/` with the given files and their atlas.sum, and an optional atlas.hcl. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { memoryDir } from "../../src/migrate/dir.ts";
import { computeSum, formatSum } from "../../src/migrate/dir/sum.ts";

/** Writes the project into a new temp folder and returns the folder (the CLI's cwd; `--dir` defaults to its migrations/). */
export function writeProject(files: Readonly<Record<string, string>>, hcl?: string): string {
  const root = mkdtempSync(join(tmpdir(), "stats-db-project-"));
  mkdirSync(join(root, "migrations"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, "migrations", name), text);
  writeFileSync(join(root, "migrations", "atlas.sum"), formatSum(computeSum(memoryDir(files).files())));
  if (hcl !== undefined) writeFileSync(join(root, "atlas.hcl"), hcl);
  return root;
}
