/**
 * Reads an Atlas project file (`atlas.hcl`) and returns the settings of the selected `env`.
 *
 * Why a hand-written reader: @cdktf/hcl2json parses atlas.hcl under Bun but costs ~93 ms of WASM start-up on every
 * run and does not build with `bun build --compile`; the subset Atlas projects use (blocks, attributes, strings with
 * `${…}`, heredocs, lists, objects, `var.*`, `local.*`, `each.*`, `getenv()` and a few of Atlas's functions, `data.*`
 * references) fits in a small lexer (hcl/lexer.ts), parser (hcl/parser.ts) and evaluator (hcl/eval.ts); their
 * HclErrors become ConfigErrors here. An env with `for_each` or a `data "sql"` source is read by targets.ts.
 */
import type { Attribute, Block, Body } from "../hcl/ast.ts";
import {
  bodyValue,
  evaluate,
  kindOf,
  mergeValues,
  newScope,
  type Scope,
  type UnsetEnv,
  type Value,
} from "../hcl/eval.ts";
import { HclError } from "../hcl/errors.ts";
import { parseHcl } from "../hcl/parser.ts";
import { dataReferences } from "../hcl/references.ts";
import { checkProjectShape } from "./shape.ts";
import { type GivenVars, resolveVariables } from "./variables.ts";
import { ConfigError } from "./errors.ts";
import { type OnlineConfig, onlineConfig } from "./online.ts";

/** The `migration { … }` block of an env. */
export interface MigrationConfig {
  readonly dir?: string;
  readonly format?: string;
  readonly baseline?: string;
  readonly execOrder?: string;
  readonly lockTimeout?: string;
  /** stats-db's bound on each migration statement's wait for a table lock (a Go duration; "0" keeps the server's). */
  readonly lockWaitTimeout?: string;
  readonly revisionsSchema?: string;
}

/** The global `lint` block merged with the env's (the env wins, key by key). */
export interface LintConfig {
  readonly latest?: number;
  readonly gitBase?: string;
  readonly gitDir?: string;
  /** `log` (Atlas's struct tag) or `format` (its docs' name). */
  readonly log?: string;
  /** `<analyzer> { error = bool }` blocks, e.g. `destructive`, `data_depend`. */
  readonly errors: Readonly<Record<string, boolean>>;
  /** Every merged key, as evaluated (including the ones above). */
  readonly raw: Readonly<Record<string, Value>>;
}

/** A `data "<type>" "<name>"` block that an env setting refers to, with its evaluated attributes. */
export interface DataSource {
  readonly type: string;
  readonly name: string;
  readonly config: Readonly<Record<string, Value>>;
}

/** The settings of one env (empty when no env was selected), as loadProject returns them. */
export interface ProjectEnv {
  /** The project file's name as messages print it (LoadOptions.file). */
  readonly file: string;
  readonly name?: string;
  /** For one target of a `for_each` env: its `each.key` and its place among the env's targets. */
  readonly target?: { readonly key: string; readonly index: number; readonly count: number };
  readonly url?: string;
  readonly devUrl?: string;
  /** Desired-state URLs; a `data.<type>.<name>.<attr>` reference appears as a `data://` marker (see parseDataRef). */
  readonly src: readonly string[];
  readonly schemas: readonly string[];
  readonly exclude: readonly string[];
  readonly migration: MigrationConfig;
  readonly lint: LintConfig;
  /** The env's `online { … }` block (stats-db's own), when it has one. */
  readonly online?: OnlineConfig;
  /** The env's `format { … }` block, evaluated. */
  readonly format: Readonly<Record<string, Value>>;
  /** Data blocks referenced by the env, keyed `type.name`. */
  readonly dataSources: Readonly<Record<string, DataSource>>;
  /** For `url` and `dev` that came out empty: the getenv() whose variable was unset (e.g. `STATS_DB_URL`, line 12). */
  readonly unsetEnv: Readonly<Partial<Record<"url" | "dev", UnsetEnv>>>;
}

/** Options of loadProject: the env to select, `--var` values, the environment, and the file name for messages. */
export interface LoadOptions {
  readonly env?: string;
  readonly vars?: GivenVars;
  readonly getenv: (name: string) => string | undefined;
  readonly file: string;
}

function attrOf(body: Body, name: string): Attribute | undefined {
  return body.attrs.find((a) => a.name === name);
}

function str(body: Body, name: string, scope: Scope): string | undefined {
  const a = attrOf(body, name);
  if (!a) return undefined;
  const v = evaluate(a.expr, scope);
  if (typeof v === "string" || typeof v === "number") return String(v);
  throw new ConfigError(scope.file, `attribute ${JSON.stringify(name)} must be a string, not ${kindOf(v)}`, a.pos);
}

function strings(body: Body, name: string, scope: Scope): string[] {
  const a = attrOf(body, name);
  if (!a) return [];
  const v = evaluate(a.expr, scope);
  const items = Array.isArray(v) ? v : [v];
  if (items.every((i): i is string => typeof i === "string")) return items;
  throw new ConfigError(scope.file, `attribute ${JSON.stringify(name)} must be a string or a list of strings`, a.pos);
}

// The blocks of one type (their labels were checked by checkProjectShape).
function collect(body: Body, type: string): Block[] {
  return body.blocks.filter((b) => b.type === type);
}

function localsOf(body: Body, file: string): Map<string, Attribute> {
  const locals = new Map<string, Attribute>();
  for (const attr of collect(body, "locals").flatMap((b) => b.body.attrs)) {
    if (locals.has(attr.name))
      throw new ConfigError(file, `local ${JSON.stringify(attr.name)} is defined twice`, attr.pos);
    locals.set(attr.name, attr);
  }
  return locals;
}

function selectEnv(body: Body, name: string | undefined, file: string): Block | undefined {
  const envs = collect(body, "env");
  if (name === undefined) return undefined;
  const env = envs.find((e) => e.labels[0] === name);
  if (env) return env;
  const names = envs.map((e) => JSON.stringify(e.labels[0]));
  throw new ConfigError(
    file,
    `env ${JSON.stringify(name)} not defined in project file (${names.length ? `defined: ${names.join(", ")}` : "it defines no env"})`,
  );
}

function lintConfig(body: Body, env: Block | undefined, scope: Scope): LintConfig {
  const blocks = [...collect(body, "lint"), ...(env ? collect(env.body, "lint") : [])];
  const raw = blocks.reduce<Record<string, Value>>(
    (acc, b) => mergeValues(acc, bodyValue(b.body, scope)) as Record<string, Value>,
    {},
  );
  const errors: Record<string, boolean> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (
      v !== null &&
      typeof v === "object" &&
      !Array.isArray(v) &&
      typeof (v as Record<string, Value>).error === "boolean"
    )
      errors[k] = (v as Record<string, Value>).error as boolean;
  }
  const git =
    raw.git !== null && typeof raw.git === "object" && !Array.isArray(raw.git)
      ? (raw.git as Record<string, Value>)
      : {};
  const text = (v: Value | undefined) => (typeof v === "string" ? v : undefined);
  const log = text(raw.log) ?? text(raw.format);
  return {
    latest: typeof raw.latest === "number" ? raw.latest : undefined,
    gitBase: text(git.base),
    gitDir: text(git.dir),
    log,
    errors,
    raw,
  };
}

function migrationConfig(env: Block | undefined, scope: Scope): MigrationConfig {
  const m = env?.body.blocks.filter((b) => b.type === "migration").at(-1);
  if (!m) return {};
  const b = m.body;
  return {
    dir: str(b, "dir", scope),
    format: str(b, "format", scope),
    baseline: str(b, "baseline", scope),
    execOrder: str(b, "exec_order", scope),
    lockTimeout: str(b, "lock_timeout", scope),
    lockWaitTimeout: str(b, "lock_wait_timeout", scope),
    revisionsSchema: str(b, "revisions_schema", scope),
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [k in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [k in K]?: V };
}

/** Parses `text` (the contents of `opts.file`) and returns the settings of env `opts.env`; every problem is a ConfigError. */
export function loadProject(text: string, opts: LoadOptions): ProjectEnv {
  return asConfigError(() => {
    const project = parseProject(text, opts);
    const needs = targetsNeeded(project);
    if (needs)
      throw new ConfigError(
        opts.file,
        `env ${JSON.stringify(opts.env)} ${needs}: only migrate status, apply, lint, down and drift read it`,
        project.env?.pos,
      );
    return envSettings(project, {});
  });
}

/** Runs `f`, turning an HclError into a ConfigError. */
export function asConfigError<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof HclError) throw new ConfigError(e.file, e.detail, e.pos, { cause: e });
    throw e;
  }
}

/** A parsed project file with its variables resolved and its env selected: what envSettings evaluates. */
export interface ParsedProject {
  readonly opts: LoadOptions;
  readonly body: Body;
  readonly env?: Block;
  readonly vars: ReturnType<typeof resolveVariables>;
  readonly locals: ReadonlyMap<string, Attribute>;
  readonly data: ReadonlyMap<string, Block>;
}

/** Parses and checks the file, resolves its variables and selects the env (ConfigError or HclError on a problem). */
export function parseProject(text: string, opts: LoadOptions): ParsedProject {
  const body = parseHcl(text, opts.file);
  checkProjectShape(body, opts.file);
  const vars = resolveVariables(collect(body, "variable"), opts.vars ?? {}, opts.getenv, opts.file);
  const data = new Map(collect(body, "data").map((b) => [`${b.labels[0]}.${b.labels[1]}`, b]));
  const env = selectEnv(body, opts.env, opts.file);
  return { opts, body, ...(env ? { env } : {}), vars, locals: localsOf(body, opts.file), data };
}

/** The `data "sql"` sources the selected env refers to (directly or through locals), keyed `sql.name`. */
export function sqlSourcesUsed(p: ParsedProject): string[] {
  const bodies = [...(p.env ? [p.env.body] : []), ...collect(p.body, "lint").map((b) => b.body)];
  return [...dataReferences(bodies, p.locals)].filter((k) => k.startsWith("sql.") && p.data.has(k));
}

/** Why the selected env needs the targets reader (`loadTargets`) rather than loadProject, or undefined. */
export function targetsNeeded(p: ParsedProject): string | undefined {
  if (p.env && attrOf(p.env.body, "for_each")) return "has for_each (one target per element)";
  const sql = sqlSourcesUsed(p);
  return sql.length ? `reads data.${sql[0]} (a database query)` : undefined;
}

/** A fresh evaluation scope over the project, with a for_each element and evaluated data sources when given. */
export function projectScope(p: ParsedProject, extra: Pick<Scope, "each" | "dataValues">): Scope {
  return newScope({
    file: p.opts.file,
    vars: p.vars.values,
    varUnsetEnv: p.vars.unsetEnv,
    locals: p.locals,
    data: p.data,
    getenv: p.opts.getenv,
    envName: p.opts.env,
    ...extra,
  });
}

/** Evaluates the selected env's settings (for one for_each element when `extra.each` is given). */
export function envSettings(p: ParsedProject, extra: Pick<Scope, "each" | "dataValues">): ProjectEnv {
  const { env, body, data, opts } = p;
  const scope = projectScope(p, extra);
  const e = env?.body ?? { attrs: [], blocks: [] };
  const formatBlocks = e.blocks.filter((b) => b.type === "format");
  const unsetEnv: Partial<Record<"url" | "dev", UnsetEnv>> = {};
  const url = (name: "url" | "dev") => {
    const mark = scope.unsetEnv.length;
    const v = str(e, name, scope);
    const unset = scope.unsetEnv[mark];
    if (v === "" && unset) unsetEnv[name] = unset;
    return v;
  };
  const result = {
    name: opts.env,
    url: url("url"),
    devUrl: url("dev"),
    src: strings(e, "src", scope),
    schemas: strings(e, "schemas", scope),
    exclude: strings(e, "exclude", scope),
    migration: migrationConfig(env, scope),
    lint: lintConfig(body, env, scope),
    ...optional("online", onlineConfig(env, scope)),
    format: formatBlocks.reduce<Record<string, Value>>(
      (acc, b) => mergeValues(acc, bodyValue(b.body, scope)) as Record<string, Value>,
      {},
    ),
  };
  const dataSources: Record<string, DataSource> = {};
  for (const key of scope.usedData) {
    if (extra.dataValues?.has(key)) continue;
    const b = data.get(key)!;
    dataSources[key] = { type: b.labels[0]!, name: b.labels[1]!, config: bodyValue(b.body, scope) };
  }
  return { file: opts.file, ...result, dataSources, unsetEnv };
}

/** Reads a `data://` marker found in `src` or `url` back into its data source type, name and attribute. */
export { parseDataRef } from "../hcl/eval.ts";
