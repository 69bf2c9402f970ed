/**
 * The MySQL option file of this run: `--defaults-file PATH` (read at once, so a missing or broken file stops any
 * command with exit 2), else `~/.my.cnf` when it exists (read at the first connection). Only `[client]` is used.
 */
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { type ClientOptions, readOptionFile } from "../db/option-file.ts";

let chosen: { readonly options: ClientOptions | undefined } | undefined;

/** Chooses the option file for this run (`--defaults-file`'s value, or undefined for `~/.my.cnf`). */
export function chooseOptionFile(defaultsFile: string | undefined): void {
  chosen = defaultsFile !== undefined ? { options: readOptionFile(defaultsFile) } : undefined;
}

/** The `[client]` settings of the chosen option file; undefined without one. */
export function clientOptions(): ClientOptions | undefined {
  if (chosen === undefined) {
    const home = join(process.env.HOME || homedir(), ".my.cnf");
    chosen = { options: existsSync(home) ? readOptionFile(home) : undefined };
  }
  return chosen.options;
}
