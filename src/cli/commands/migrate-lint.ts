/**
 * `stats-db migrate lint --latest N | --git-base REF`: analyses the new migration files after the earlier ones —
 * replayed in memory, or with `--dev-url` executed on the clean dev database and inspected (the new files are then
 * executed there too, a refused statement being an error, and analysed in memory on top of that state) — and prints Atlas's lint report; exit 1 when a finding is
 * error-level. With `--url`, blocking changes show the target's row counts and are errors above `--max-rows`.
 */
import { isAbsolute, normalize, relative, sep } from "node:path";
import { defineCommand } from "citty";
import { forEachTarget, targetArgs } from "../targets/for-each-target.ts";
import { addedFiles } from "../../lint/git-changes.ts";
import { parseDirUrl } from "../../migrate/dir/url.ts";
import { renderJson } from "../report/lint-json.ts";
import { renderText } from "../report/lint-text.ts";
import { renderSarif } from "../report/lint-sarif.ts";
import { renderGithub } from "../report/lint-github.ts";
import { type BaseReplay, type FreshExecution, type LintOptions, lintDir, lintDirWith } from "../../lint/runner.ts";
import type { LintReport } from "../../lint/report.ts";
import type { MigrationDir } from "../../migrate/dir.ts";
import { execFile, onCleanDev, replayOn } from "../../migrate/dev-replay.ts";
import { inspectServer } from "../../mysql/inspect.ts";
import { selectAdded, selectLatest } from "../../lint/select.ts";
import { tableSizes } from "../../mysql/cost.ts";
import { hasErrors } from "../../lint/report.ts";
import { dirArg, flavorArg, globalArgs } from "../options.ts";
import { resolveSettings } from "../../project/settings.ts";
import { openDir } from "../../project/open-dir.ts";
import { ReportedError, UsageError } from "../errors.ts";
import { out } from "../output.ts";
import { databaseTarget } from "../../project/connect.ts";
import { withConnection } from "../../project/live-source.ts";
import { cachedReplayFiles } from "../../project/replay-dir.ts";

function positiveInt(flag: string, v: string | number | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${flag} needs a whole number, got "${v}"`);
  return n;
}

/** Estimated rows and bytes of the tables of the URL's schema (one query; InnoDB's `TABLE_ROWS` is an estimate). */
async function liveSizes(url: string): Promise<{ rows: Map<string, number>; bytes: Map<string, number> }> {
  const sizes = await withConnection(databaseTarget(url), (conn, schema) => tableSizes(conn, schema));
  const pick = (k: "rows" | "bytes") => new Map([...sizes].map(([name, size]) => [name, size[k]]));
  return { rows: pick("rows"), bytes: pick("bytes") };
}

type Select = Parameters<typeof lintDir>[1];

/**
 * Lints with the base files replayed on the clean dev database and the new files executed there after them (as Atlas
 * does: a statement the server refuses is a lint error); the dev database is emptied again afterwards. The dev
 * server's flavour unless --flavor was given.
 */
function lintOnDev(
  devUrl: string,
  dir: MigrationDir,
  select: Select,
  opts: LintOptions,
  flavorGiven: boolean,
): Promise<LintReport> {
  return withConnection(databaseTarget(devUrl), async (conn, schema) => {
    const flavor = flavorGiven ? opts.flavor : (await inspectServer(conn)).flavor;
    const replay: BaseReplay = async (files) => (await replayOn(conn, schema, files)).schema;
    const execute: FreshExecution = (file) => execFile(conn, file);
    return onCleanDev(conn, schema, () => lintDirWith(dir, select, { ...opts, flavor }, replay, execute));
  });
}

function outputFormat(v: string | undefined): "text" | "json" | "sarif" | "github" {
  if (v === undefined) return "text";
  if (v === "json" || /^\{\{\s*json\s+\.\s*\}\}$/.test(v)) return "json";
  if (v === "sarif" || v === "github") return v;
  throw new UsageError(`unsupported --format "${v}": use json, {{ json . }}, sarif or github`);
}

/** The directory's path from the working directory (the repository root in CI), `/`-separated, for SARIF and annotations. */
function repoPath(path: string): string {
  return (isAbsolute(path) ? relative(process.cwd(), path) : normalize(path)).split(sep).join("/");
}

function rendered(format: ReturnType<typeof outputFormat>, report: LintReport, driver: string, path: string): string {
  switch (format) {
    case "text":
      return renderText(report);
    case "json":
      return renderJson(report, { driver, dir: path });
    case "sarif":
      return renderSarif(report, repoPath(path));
    case "github":
      return renderGithub(report, repoPath(path));
  }
}

export default defineCommand({
  meta: {
    name: "lint",
    description: "analyse new migration files for destructive, data-dependent and blocking changes",
  },
  args: {
    ...globalArgs,
    ...targetArgs,
    ...dirArg,
    ...flavorArg,
    latest: { type: "string", description: "analyse the last N migration files" },
    "git-base": {
      type: "string",
      description: "analyse the files added since this git revision (committed, staged or untracked)",
    },
    "git-dir": { type: "string", description: "git repository to read (default .)" },
    format: {
      type: "string",
      alias: "log",
      description:
        "output format: json (Atlas's {{ json . }}), sarif (GitHub code scanning), github (workflow annotations)",
    },
    url: { type: "string", description: "target database, for live row counts of tables behind blocking changes" },
    "dev-url": { type: "string", description: "replay on a clean dev database instead of in memory" },
    "max-rows": {
      type: "string",
      description: "blocking changes on tables with more rows than this are errors (with --url)",
    },
    "max-bytes": {
      type: "string",
      description: "blocking changes on tables larger than this many bytes are errors (with --url)",
    },
  },
  run: forEachTarget({ name: "migrate lint", changes: false, formatOf: (env) => env.lint.log }, async ({ args }) => {
    const settings = resolveSettings(args);
    const lint = settings.project?.lint;
    const latest = positiveInt("--latest", args.latest) ?? (args["git-base"] ? undefined : lint?.latest);
    const gitBase = args["git-base"] ?? (args.latest ? undefined : lint?.gitBase);
    if (latest === undefined && gitBase === undefined) throw new UsageError("--latest or --git-base is required");
    if (latest !== undefined && gitBase !== undefined)
      throw new UsageError("--latest and --git-base are mutually exclusive");
    const maxRows =
      positiveInt("--max-rows", args["max-rows"]) ?? positiveInt("max_rows", lint?.raw.max_rows as number | undefined);
    const maxBytes =
      positiveInt("--max-bytes", args["max-bytes"]) ??
      positiveInt("max_bytes", lint?.raw.max_bytes as number | undefined);
    const format = outputFormat(args.format ?? lint?.log);
    const dir = openDir(settings.dir);
    const location = parseDirUrl(settings.dir);
    const path = location.scheme === "file" ? location.path : settings.dir;
    const select: Select =
      gitBase !== undefined
        ? (files) => selectAdded(files, addedFiles(args["git-dir"] ?? lint?.gitDir ?? ".", gitBase, path))
        : (files) => selectLatest(files, latest!);
    const sizes = settings.url ? await liveSizes(settings.url) : undefined;
    const opts: LintOptions = {
      flavor: settings.flavor,
      errors: lint?.errors ?? {},
      ...(sizes ? { rows: sizes.rows, bytes: sizes.bytes } : {}),
      ...(maxRows !== undefined ? { maxRows } : {}),
      ...(maxBytes !== undefined ? { maxBytes } : {}),
      ...(settings.project?.online?.pin ? { pinned: true } : {}),
      now: () => performance.now(),
    };
    const report = settings.devUrl
      ? await lintOnDev(settings.devUrl, dir, select, opts, args.flavor !== undefined)
      : lintDir(dir, select, opts, cachedReplayFiles);
    out(rendered(format, report, settings.flavor.name, path));
    if (hasErrors(report)) throw new ReportedError("lint found errors");
  }),
});
