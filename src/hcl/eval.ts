/**
 * Evaluates `atlas.hcl` expressions: `var.x`, `local.x`, `each.value`, `getenv("NAME")` and the functions of
 * functions.ts, `atlas.env`, templates, lists and objects. `data.<type>.<name>.<attr>` evaluates to the source's value
 * when the caller resolved it (`Scope.dataValues`, e.g. a `data "sql"` query's result), else to a `data://` marker URL
 * the caller resolves later (see `parseDataRef`).
 * A bare identifier (`LINEAR_SKIP`, `atlas`) evaluates to its own name, as Atlas's enum attributes expect.
 */
import type { Attribute, Block, Body, Expr, Step } from "./ast.ts";
import { HclError, type Pos } from "./errors.ts";
import { hclFunction } from "./functions.ts";
import type { Value } from "./value.ts";

export type { Value } from "./value.ts";

/** What expressions can see: variables, locals, data blocks, the environment and the selected env name. */
export interface Scope {
  readonly file: string;
  readonly vars: ReadonlyMap<string, Value>;
  readonly locals: ReadonlyMap<string, Attribute>;
  readonly data: ReadonlyMap<string, Block>;
  readonly getenv: (name: string) => string | undefined;
  readonly envName?: string;
  /** The element of a `for_each` env being evaluated: `each.key` and `each.value`. */
  readonly each?: { readonly key: Value; readonly value: Value };
  /** Data sources already evaluated, keyed `type.name` (an object such as `{ count, values, value }`). */
  readonly dataValues?: ReadonlyMap<string, Value>;
  /** The unset or empty environment variables each `variable` default read through getenv (see UnsetEnv). */
  readonly varUnsetEnv?: ReadonlyMap<string, readonly UnsetEnv[]>;
  /** Filled while evaluating: local values computed so far, and the data blocks referenced (`type.name`). */
  readonly cache: Map<string, Value | typeof EVALUATING>;
  readonly usedData: Set<string>;
  /** Filled while evaluating: every getenv() that found its variable unset or empty (directly or through var.x), in order. */
  readonly unsetEnv: UnsetEnv[];
}

/** A `getenv("NAME")` call that returned "" because NAME is unset or empty, and where it is. */
export interface UnsetEnv {
  readonly name: string;
  readonly pos: Pos;
}

const EVALUATING = Symbol("evaluating");
const DATA_PREFIX = "data://";

/** The marker URL standing for `data.<type>.<name>.<attribute>`. */
export function dataRef(type: string, name: string, attribute: string): string {
  return DATA_PREFIX + [type, name, attribute].map(encodeURIComponent).join("/");
}

/** Reads a marker made by `dataRef`, or undefined for any other string. */
export function parseDataRef(value: string): { type: string; name: string; attribute: string } | undefined {
  if (!value.startsWith(DATA_PREFIX)) return undefined;
  const parts = value.slice(DATA_PREFIX.length).split("/").map(decodeURIComponent);
  return parts.length === 3 ? { type: parts[0]!, name: parts[1]!, attribute: parts[2]! } : undefined;
}

/** A fresh evaluation scope. */
export function newScope(s: Omit<Scope, "cache" | "usedData" | "unsetEnv">): Scope {
  return { ...s, cache: new Map(), usedData: new Set(), unsetEnv: [] };
}

function fail(scope: Scope, message: string, pos: Pos): never {
  throw new HclError(scope.file, message, pos);
}

/** Names a value's kind for messages (values themselves are never printed: they may hold credentials). */
export function kindOf(v: Value): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  return typeof v === "object" ? "an object" : `a ${typeof v}`;
}

function stepName(step: Step, scope: Scope): string | number {
  if ("attr" in step) return /^\d+$/.test(step.attr) ? Number(step.attr) : step.attr;
  const v = evaluate(step.index, scope);
  if (typeof v !== "string" && typeof v !== "number")
    return fail(scope, `an index must be a string or a number, not ${kindOf(v)}`, step.index.pos);
  return v;
}

function index(value: Value, key: string | number, scope: Scope, pos: Pos): Value {
  if (Array.isArray(value) && typeof key === "number" && key in value) return value[key]!;
  if (value !== null && typeof value === "object" && !Array.isArray(value) && String(key) in value)
    return (value as Record<string, Value>)[String(key)]!;
  return fail(scope, `${kindOf(value)} has no element ${JSON.stringify(key)}`, pos);
}

function local(name: string, scope: Scope, pos: Pos): Value {
  const attr = scope.locals.get(name);
  if (!attr) return fail(scope, `undefined local ${JSON.stringify(`local.${name}`)}`, pos);
  const cached = scope.cache.get(name);
  if (cached === EVALUATING) return fail(scope, `local ${JSON.stringify(name)} refers to itself`, pos);
  if (cached !== undefined) return cached;
  scope.cache.set(name, EVALUATING);
  const v = evaluate(attr.expr, scope);
  scope.cache.set(name, v);
  return v;
}

function data(names: (string | number)[], scope: Scope, pos: Pos): Value {
  const [type, name, attribute] = names.map(String);
  if (names.length < 3) return fail(scope, "a data reference has the form data.<type>.<name>.<attribute>", pos);
  if (!scope.data.has(`${type}.${name}`))
    return fail(scope, `undefined data source ${JSON.stringify(`data.${type}.${name}`)}`, pos);
  scope.usedData.add(`${type}.${name}`);
  const resolved = scope.dataValues?.get(`${type}.${name}`);
  if (resolved !== undefined) {
    const v = resolved !== null && typeof resolved === "object" && !Array.isArray(resolved) ? resolved : {};
    if (!Object.hasOwn(v, attribute!))
      return fail(scope, `data.${type}.${name} has no attribute ${JSON.stringify(attribute)}`, pos);
    return names
      .slice(3)
      .reduce<Value>((acc, key) => index(acc, key, scope, pos), (v as Record<string, Value>)[attribute!]!);
  }
  if (names.length !== 3) return fail(scope, "a data reference has the form data.<type>.<name>.<attribute>", pos);
  return dataRef(type!, name!, attribute!);
}

function each(name: string, scope: Scope, pos: Pos): Value {
  if (!scope.each) return fail(scope, `each.${name} is only available in an env with for_each`, pos);
  if (name !== "key" && name !== "value")
    return fail(scope, `unknown reference "each.${name}" (use each.key or each.value)`, pos);
  return scope.each[name];
}

function traversal(e: Extract<Expr, { kind: "traversal" }>, scope: Scope): Value {
  const names = e.steps.map((s) => stepName(s, scope));
  if (names.length === 0) return e.root;
  const [first, ...rest] = names;
  let v: Value;
  if (e.root === "var" && scope.vars.has(String(first))) {
    v = scope.vars.get(String(first))!;
    scope.unsetEnv.push(...(scope.varUnsetEnv?.get(String(first)) ?? []));
  } else if (e.root === "var") return fail(scope, `undefined variable ${JSON.stringify(`var.${first}`)}`, e.pos);
  else if (e.root === "local") v = local(String(first), scope, e.pos);
  else if (e.root === "data") return data(names, scope, e.pos);
  else if (e.root === "each") v = each(String(first), scope, e.pos);
  else if (e.root === "atlas" && first === "env" && scope.envName !== undefined) v = scope.envName;
  else return fail(scope, `unknown reference ${JSON.stringify(`${e.root}.${first}`)}`, e.pos);
  return rest.reduce<Value>((acc, key) => index(acc, key, scope, e.pos), v);
}

function call(e: Extract<Expr, { kind: "call" }>, scope: Scope): Value {
  const fn = e.name === "getenv" ? undefined : hclFunction(e.name);
  if (fn)
    return fn(
      e.args.map((a) => evaluate(a, scope)),
      (message) => fail(scope, message, e.pos),
    );
  if (e.name !== "getenv") return fail(scope, `unknown function ${JSON.stringify(e.name)}`, e.pos);
  const args = e.args.map((a) => evaluate(a, scope));
  if (args.length !== 1 || typeof args[0] !== "string") return fail(scope, "getenv takes one string argument", e.pos);
  const value = scope.getenv(args[0]) ?? "";
  if (value === "") scope.unsetEnv.push({ name: args[0], pos: e.pos });
  return value;
}

function template(e: Extract<Expr, { kind: "template" }>, scope: Scope): Value {
  const only = e.parts.length === 1 ? e.parts[0]! : undefined;
  if (only && "expr" in only) return evaluate(only.expr, scope);
  return e.parts
    .map((p) => {
      if ("text" in p) return p.text;
      const v = evaluate(p.expr, scope);
      if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return String(v);
      return fail(scope, `cannot interpolate ${kindOf(v)} into a string`, p.expr.pos);
    })
    .join("");
}

/** Evaluates an expression in a scope. */
export function evaluate(e: Expr, scope: Scope): Value {
  if (e.kind === "literal") return e.value;
  if (e.kind === "template") return template(e, scope);
  if (e.kind === "traversal") return traversal(e, scope);
  if (e.kind === "call") return call(e, scope);
  if (e.kind === "list") return e.items.map((i) => evaluate(i, scope));
  return Object.fromEntries(e.items.map((i) => [i.key, evaluate(i.value, scope)]));
}

/** Evaluates a block body to an object: attributes by name, nested blocks by type (repeated blocks merged). */
export function bodyValue(body: Body, scope: Scope): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const a of body.attrs) out[a.name] = evaluate(a.expr, scope);
  for (const b of body.blocks) out[b.type] = mergeValues(out[b.type], bodyValue(b.body, scope));
  return out;
}

/** Deep-merges two values: objects key by key (the second wins), anything else replaced by the second. */
export function mergeValues(a: Value | undefined, b: Value): Value {
  const isObj = (v: Value | undefined): v is Record<string, Value> =>
    v !== null && typeof v === "object" && !Array.isArray(v);
  if (!isObj(a) || !isObj(b)) return b;
  const out: Record<string, Value> = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = mergeValues(out[k], v);
  return out;
}
