/**
 * Writing a new migration file together with its atlas.sum, all or nothing.
 */
import type { MigrationDir } from "../dir.ts";
import { computeSum, formatSum } from "./sum.ts";

/** Adds a file to the directory and rewrites atlas.sum; removes the file again if the sum cannot be written. */
export function writeMigration(dir: MigrationDir, file: { name: string; text: string }): void {
  if (dir.files().some((f) => f.name === file.name)) throw new Error(`migration file ${file.name} already exists`);
  dir.writeFile(file.name, file.text);
  try {
    dir.writeSum(formatSum(computeSum(dir.files())));
  } catch (e) {
    dir.removeFile(file.name);
    throw e;
  }
}

/** Rewrites atlas.sum from the files in the directory (`migrate hash`). */
export function rehash(dir: MigrationDir): void {
  dir.writeSum(formatSum(computeSum(dir.files())));
}
