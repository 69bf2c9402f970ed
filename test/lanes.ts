/**
 * The two test lanes. The full lane is `bun test`: every file, with a private MariaDB, binary builds, `deno check`,
 * the peer gate and the CLI run as a subprocess. The unit lane is `bun run test:unit` (this file run as a script):
 * the files of UNIT_LANE, which run in-process with no server, no build, no Deno and no CLI subprocess. Every test
 * file is in exactly one of the two lists (test/lanes.test.ts fails otherwise); in the unit lane, what only the full
 * lane may do throws (test/support/lane.ts).
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { LANE_ENV } from "./support/lane.ts";

/** The repository root. */
export const ROOT = join(import.meta.dir, "..");

/** Globs (from the repository root) of the test files that run offline and in-process. */
export const UNIT_LANE: readonly string[] = [
  "test/{architecture,front-door,invariants,lanes,shared-sets}.test.ts",
  "test/{config,go,hcl,schema}/*.test.ts",
  "test/entities/{server-limits,validate,partitions,row-schema}.test.ts",
  "test/entities/objects.test.ts",
  "test/build/workflow.test.ts",
  "test/cli/{exit-codes,join-repeated,plan-markdown,run-targets,schema-mermaid,terminal-input}.test.ts",
  "test/project/{cache-prune,entities-cache,module-graph,replay-cache}.test.ts",
  "test/db/{errors,option-file,url}.test.ts",
  "test/deno/portable.test.ts",
  "test/lint/{corpus,machine-formats}.test.ts",
  "test/migrate/{apply-units,checkpoint,checksum-report,dir,dir-lock,dir-url,directives,down-target,name}.test.ts",
  "test/migrate/{partial-hash,release-plan,run-log-units,split,split-vectors,status-problems,sum}.test.ts",
  "test/mysql/{blockers,cost,expr,progress,inspect-typebox,narrowing,normalize,parse-*,plan,plan-parts,plan-roundtrip,queries,table-options,types}.test.ts",
  "test/mysql/view-*.test.ts",
  "test/entities/view.test.ts",
  "test/mysql/{objects-in-doubt,objects-mysql8}.test.ts",
];

/** Globs of the test files only the full lane runs: a database, a build, Deno, the peer gate or the CLI as a process. */
export const FULL_LANE: readonly string[] = [
  "test/{dev-url,roundtrip,support,typecheck}.test.ts",
  "test/bad-input/corpus.test.ts",
  "test/build/{binary,binary-db,binary-prompts,embed}.test.ts",
  "test/cli/{apply,apply-lock,credentials,diff-dir,down,down-progress,drift,entities-errors,grants,help,lint,lint-dev-exec,lint-live,migrate-diff,online-cli}.test.ts",
  "test/entities/{server-limits-live,partitions-live}.test.ts",
  "test/cli/{project-migrations,prompts,run-log,schema-apply-signals,schema-live,schema-mermaid-live,status-problems}.test.ts",
  "test/cli/schema-unmanaged.test.ts",
  "test/cli/{release-plan,targets}.test.ts",
  "test/cli/{partition-drift,down-partition}.test.ts",
  "test/db/connect.test.ts",
  "test/mysql/views-live.test.ts",
  "test/cli/views.test.ts",
  "test/deno/{deno,deno-db}.test.ts",
  "test/faults/apply-faults.test.ts",
  "test/lint/dev-url.test.ts",
  "test/migrate/{apply,down,down-safety,down-unmanaged,in-doubt,online,revisions-upgrade,down-partition}.test.ts",
  "test/mysql/{cost-server,inspect,inspect-agree,plan-live,partition-live,table-options-live}.test.ts",
  "test/mysql/replay-fidelity.test.ts",
  "test/migrate/{data-statements,history-renames}.test.ts",
  "test/mysql/objects-live.test.ts",
  "test/entities/objects-live.test.ts",
  "test/cli/objects-live.test.ts",
  "test/mysql/objects-peer.test.ts",
  "test/mysql/down-objects-live.test.ts",
  "test/pack/pack.test.ts",
  "test/peer/*.test.ts",
];

/** The files (from the repository root, sorted) that the globs match. */
export function filesOf(globs: readonly string[]): string[] {
  return [...new Set(globs.flatMap((g) => [...new Bun.Glob(g).scanSync({ cwd: ROOT })]))].sort();
}

if (import.meta.main) {
  const files = filesOf(UNIT_LANE).map((f) => `./${f}`);
  const r = spawnSync(process.execPath, ["test", ...process.argv.slice(2), ...files], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, [LANE_ENV]: "unit" },
  });
  process.exit(r.status ?? 1);
}
