/**
 * The targets of the selected env: one per element of its `for_each` (a set, a literal list or an object, as Atlas's
 * `schemahcl` accepts; a typed list must go through `toset`), each evaluated with its own `each.key` / `each.value`,
 * or the env itself when it has no `for_each`. The `data "sql"` sources the env refers to are queried first, once.
 */
import type { Block } from "../hcl/ast.ts";
import { collectionKind } from "../hcl/collections.ts";
import { HclError } from "../hcl/errors.ts";
import { evaluate, kindOf, type Value } from "../hcl/eval.ts";
import { dataReferences } from "../hcl/references.ts";
import {
  asConfigError,
  envSettings,
  type LoadOptions,
  type ParsedProject,
  parseProject,
  type ProjectEnv,
  projectScope,
  sqlSourcesUsed,
} from "./atlas-hcl.ts";
import { readSqlSource, type SqlQuery } from "./data-sql.ts";
import { ConfigError } from "./errors.ts";

/** Queries the `data "sql"` sources in `keys` (and those their own attributes use), each once, in dependency order. */
async function sqlValues(p: ParsedProject, keys: readonly string[], query: SqlQuery): Promise<Map<string, Value>> {
  const done = new Map<string, Value>();
  const visiting = new Set<string>();
  const visit = async (key: string): Promise<void> => {
    if (done.has(key)) return;
    const block = p.data.get(key)!;
    if (visiting.has(key))
      throw new ConfigError(p.opts.file, `data.${key} refers to itself through its attributes`, block.pos);
    visiting.add(key);
    const deps = [...dataReferences([block.body], p.locals)].filter((k) => k.startsWith("sql.") && p.data.has(k));
    for (const dep of deps) await visit(dep);
    const read = readSqlSource(block, projectScope(p, { dataValues: done }), query);
    done.set(
      key,
      await read.catch((e: unknown) => {
        throw e instanceof HclError ? new ConfigError(e.file, e.detail, e.pos, { cause: e }) : e;
      }),
    );
    visiting.delete(key);
  };
  for (const key of keys) await visit(key);
  return done;
}

/** The `for_each` elements as Atlas iterates them: `each.key` and `each.value` of each. */
function elements(forEach: Value, file: string, env: Block): { key: Value; value: Value }[] {
  const at = env.body.attrs.find((a) => a.name === "for_each")!.pos;
  if (Array.isArray(forEach)) {
    const kind = collectionKind(forEach);
    if (kind === "list")
      throw new ConfigError(file, "for_each does not support a list: wrap it in toset(…), as Atlas requires", at);
    return forEach.map((value, i) => ({ key: kind === "set" ? value : i, value }));
  }
  if (forEach !== null && typeof forEach === "object")
    return Object.entries(forEach).map(([key, value]) => ({ key, value }));
  throw new ConfigError(file, `for_each must be a set, a list literal or an object, not ${kindOf(forEach)}`, at);
}

/**
 * Reads the selected env's targets: each one's settings, with `target` set when the env has `for_each`. ConfigError
 * (exit 2) for a mistake in the file, DataSourceError (exit 1) when a `data "sql"` source cannot be read.
 */
export async function loadTargets(text: string, opts: LoadOptions, query: SqlQuery): Promise<ProjectEnv[]> {
  const p = asConfigError(() => parseProject(text, opts));
  const dataValues = await sqlValues(p, sqlSourcesUsed(p), query);
  return asConfigError(() => {
    const forEach = p.env?.body.attrs.find((a) => a.name === "for_each");
    if (!p.env || !forEach) return [envSettings(p, { dataValues })];
    const items = elements(evaluate(forEach.expr, projectScope(p, { dataValues })), opts.file, p.env);
    if (items.length === 0)
      throw new ConfigError(
        opts.file,
        `env ${JSON.stringify(opts.env)} has no targets: its for_each is empty`,
        forEach.pos,
      );
    return items.map((each, index) => ({
      ...envSettings(p, { each, dataValues }),
      target: { key: String(each.key), index, count: items.length },
    }));
  });
}
