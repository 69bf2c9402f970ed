/**
 * Settings of one command run: flags first, then the selected `env` block of atlas.hcl (as Atlas does), then defaults.
 */
import { existsSync, readFileSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import process from "node:process";
import { type LoadOptions, loadProject, parseDataRef, type ProjectEnv } from "../config/atlas-hcl.ts";
import { flavorByName, type Flavor, mariadb, mysql8 } from "../mysql/flavor.ts";
import { SettingsError } from "./errors.ts";
import { EMBEDDED_DIR_URL, isCompiledBinary } from "./embedded-dir.ts";

/** Where a multi-target run hands one target's env settings to a command (read instead of the project file). */
export const PROJECT_ENV: unique symbol = Symbol("stats-db project env");

/** The flags every command may carry (undefined when not given). */
export interface CommonFlags {
  /** One target's settings, already read (set by the multi-target runner, never by a flag). */
  readonly [PROJECT_ENV]?: ProjectEnv;
  readonly env?: string;
  readonly config?: string;
  readonly var?: string | string[];
  readonly dir?: string;
  readonly flavor?: string;
  readonly url?: string;
  readonly "dev-url"?: string;
}

/** Resolved settings. */
export interface Settings {
  readonly project?: ProjectEnv;
  /** Migration directory URL (`file://…`; in the compiled binary the default is the embedded `mem://embedded`). */
  readonly dir: string;
  readonly url?: string;
  /** Why `url` is missing when the env's `url = getenv("X")` found X unset: `X is not set (atlas.hcl:12)`. */
  readonly urlUnset?: string;
  readonly devUrl?: string;
  /** Desired-state sources from the env's `src` (flags override per command). */
  readonly src: readonly string[];
  readonly flavor: Flavor;
}

/** `--var k=v` values (repeatable, comma-separated as Atlas reads them); a name given twice collects a list. */
export function parseVars(v: string | string[] | undefined): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const item of (Array.isArray(v) ? v : v ? [v] : []).flatMap((s) => s.split(","))) {
    const eq = item.indexOf("=");
    if (eq < 1) throw new SettingsError(`--var needs key=value, got "${item}"`);
    const [key, value] = [item.slice(0, eq), item.slice(eq + 1)];
    const had = out[key];
    out[key] = had === undefined ? value : [...(typeof had === "string" ? [had] : had), value];
  }
  return out;
}

/** The project file's name in messages: relative to the working directory when it lies below it. */
function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel === "" || rel.startsWith("..") || isAbsolute(rel) ? file : rel;
}

/** The project file's text and how to read it (env, variables, environment, name for messages); undefined without --env. */
export function projectSource(flags: CommonFlags): { text: string; opts: LoadOptions } | undefined {
  if (!flags.env) {
    if (flags.var !== undefined) throw new SettingsError("--var sets atlas.hcl variables: it needs --env");
    return undefined;
  }
  const file = resolve((flags.config ?? "file://atlas.hcl").replace(/^file:\/\//, ""));
  if (!existsSync(file))
    throw new SettingsError(`--env ${flags.env} given but the project file ${file} does not exist`);
  const opts = {
    env: flags.env,
    vars: parseVars(flags.var),
    getenv: (n: string) => process.env[n],
    file: displayPath(file),
  };
  return { text: readFileSync(file, "utf8"), opts };
}

/** Reads the env block named by --env from the project file; undefined without --env (then --var is refused: nothing reads it). */
export function readProject(flags: CommonFlags): ProjectEnv | undefined {
  const given = flags[PROJECT_ENV];
  if (given) return given;
  const source = projectSource(flags);
  return source && loadProject(source.text, source.opts);
}

/** The flavour: --flavor, else the scheme of the dev or target URL (`maria://`, `mariadb://`), else MySQL 8. */
export function flavorOf(flag: string | undefined, ...urls: (string | undefined)[]): Flavor {
  if (flag) {
    const f = flavorByName(flag);
    if (!f) throw new SettingsError(`unknown --flavor "${flag}": use mysql or mariadb`);
    return f;
  }
  const url = urls.find((u) => u && /^[a-z+]+:\/\//.test(u));
  return url && /^maria(db)?(\+unix)?:/.test(url) ? mariadb : mysql8;
}

/**
 * A desired-state source as this tool reads it. `data.external_schema.X.url` whose program is this CLI's
 * `schema sql` means the entities themselves (Atlas runs the program; stats-db reads the entities directly).
 */
function resolveSrc(src: string, project: ProjectEnv): string {
  const ref = parseDataRef(src);
  if (!ref) return src;
  const program = project.dataSources[`${ref.type}.${ref.name}`]?.config.program;
  const words = Array.isArray(program) ? program.join(" ") : "";
  if (ref.type === "external_schema" && /stats-db schema sql$/.test(words)) return "file://entities";
  throw new SettingsError(
    `src data.${ref.type}.${ref.name} is not supported: use file://entities, a migration directory or a .sql file`,
  );
}

/** Resolves the settings of a command run. */
export function resolveSettings(flags: CommonFlags): Settings {
  const project = readProject(flags);
  const url = flags.url ?? project?.url;
  const devUrl = flags["dev-url"] ?? project?.devUrl;
  const unset = flags.url === undefined ? project?.unsetEnv.url : undefined;
  return {
    ...(project ? { project } : {}),
    dir: flags.dir ?? project?.migration.dir ?? (isCompiledBinary() ? EMBEDDED_DIR_URL : "file://migrations"),
    ...(url ? { url } : {}),
    ...(!url && unset
      ? { urlUnset: `${unset.name} is not set (${project?.file}:${unset.pos.line}): export it or pass --url` }
      : {}),
    ...(devUrl ? { devUrl } : {}),
    src: project ? project.src.map((s) => resolveSrc(s, project)) : [],
    flavor: flavorOf(flags.flavor, devUrl, url),
  };
}
