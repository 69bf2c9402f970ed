/**
 * `variable "name" { type = …, default = … }` blocks: each gets its `--var` value (converted to the declared type)
 * or its default; a variable with neither is an error. A `list(…)` or `set(…)` variable takes every `--var name=…`
 * given (one value is a list of one, as Atlas wraps it) and is typed as such: `for_each` needs `toset(var.x)`.
 */
import type { Block, Expr } from "../hcl/ast.ts";
import { asList } from "../hcl/collections.ts";
import { evaluate, newScope, type UnsetEnv, type Value } from "../hcl/eval.ts";
import { hclFunction } from "../hcl/functions.ts";
import { ConfigError } from "./errors.ts";

/** The `--var` values: one string per name, or several when the flag named it more than once. */
export type GivenVars = Readonly<Record<string, string | readonly string[]>>;

function typeName(e: Expr | undefined): string {
  if (e === undefined) return "string";
  if (e.kind === "traversal" && e.steps.length === 0) return e.root;
  return e.kind === "call" ? e.name : "string";
}

// A list or set variable's value typed as cty types it (a set holds each element once, in order).
function collectionOf(type: string, items: readonly Value[], block: Block, file: string): Value {
  if (type === "list") return asList(items);
  return hclFunction("toset")!([items], (m) => {
    throw new ConfigError(file, `variable ${JSON.stringify(block.labels[0])}: ${m}`, block.pos);
  });
}

function convert(given: string | readonly string[], block: Block, file: string): Value {
  const name = block.labels[0]!;
  const type = typeName(block.body.attrs.find((a) => a.name === "type")?.expr);
  if (type === "list" || type === "set")
    return collectionOf(type, typeof given === "string" ? [given] : given, block, file);
  if (typeof given !== "string")
    throw new ConfigError(
      file,
      `variable ${JSON.stringify(name)} takes one value, --var ${name} was given ${given.length}: declare it type = list(string) to take several`,
      block.pos,
    );
  const raw = given;
  if (type === "number") {
    const n = Number(raw);
    if (raw.trim() === "" || Number.isNaN(n))
      throw new ConfigError(file, `variable ${JSON.stringify(name)} expects a number`, block.pos);
    return n;
  }
  if (type === "bool") {
    if (raw !== "true" && raw !== "false")
      throw new ConfigError(file, `variable ${JSON.stringify(name)} expects true or false`, block.pos);
    return raw === "true";
  }
  return raw;
}

function defaultOf(value: Value, block: Block, file: string): Value {
  const type = typeName(block.body.attrs.find((a) => a.name === "type")?.expr);
  return (type === "list" || type === "set") && Array.isArray(value) ? collectionOf(type, value, block, file) : value;
}

/** The variables' values, and for each default that read an unset environment variable, which one and where. */
export interface ResolvedVariables {
  readonly values: Map<string, Value>;
  readonly unsetEnv: Map<string, readonly UnsetEnv[]>;
}

/** Resolves every declared variable from `given` values or defaults (defaults may only use getenv); a `--var` no block declares is an error. */
export function resolveVariables(
  blocks: readonly Block[],
  given: GivenVars,
  getenv: (name: string) => string | undefined,
  file: string,
): ResolvedVariables {
  const vars = new Map<string, Value>();
  const unsetEnv = new Map<string, readonly UnsetEnv[]>();
  const scope = newScope({ file, vars, locals: new Map(), data: new Map(), getenv });
  const declared = blocks.map((b) => b.labels[0]);
  const undeclared = Object.keys(given).find((k) => !declared.includes(k));
  if (undeclared !== undefined) {
    const known = declared.length
      ? `declared: ${declared.map((d) => JSON.stringify(d)).join(", ")}`
      : "it declares no variable";
    throw new ConfigError(
      file,
      `--var ${undeclared} is not declared: add a variable ${JSON.stringify(undeclared)} block or drop the flag (${known})`,
      blocks[0]?.pos ?? { line: 1, col: 1 },
    );
  }
  for (const block of blocks) {
    const name = block.labels[0];
    if (block.labels.length !== 1 || name === undefined)
      throw new ConfigError(file, "a variable block takes one label: its name", block.pos);
    const def = block.body.attrs.find((a) => a.name === "default");
    const mark = scope.unsetEnv.length;
    if (Object.hasOwn(given, name)) vars.set(name, convert(given[name]!, block, file));
    else if (def) vars.set(name, defaultOf(evaluate(def.expr, scope), block, file));
    else
      throw new ConfigError(
        file,
        `missing value for required variable ${JSON.stringify(name)}: pass --var ${name}=<value> or give it a default`,
        block.pos,
      );
    if (scope.unsetEnv.length > mark) unsetEnv.set(name, scope.unsetEnv.slice(mark));
  }
  return { values: vars, unsetEnv };
}
