/**
 * The entry every runtime shares: `bun src/cli/main.ts`, `deno run -A src/cli/main.ts`, `bunx stats-db`, the binary.
 */
import process from "node:process";
import { root } from "./commands/index.ts";
import { run } from "./run.ts";

process.exitCode = await run(root, process.argv.slice(2));
