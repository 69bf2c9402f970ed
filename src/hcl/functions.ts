/**
 * The functions of Atlas's HCL standard library (`schemahcl/stdlib.go`) that project files use to list targets:
 * `toset`, `tolist`, `concat`, `urlsetpath`, `urlqueryset`, `urlescape`. `getenv` lives in eval.ts (it reads the
 * scope). Any other name is an unknown function.
 */
import { asList, asSet, collectionKind } from "./collections.ts";
import type { Value } from "./value.ts";

/** A function: evaluated arguments in, a value out; `fail` throws an HclError at the call. */
type HclFunction = (args: readonly Value[], fail: (message: string) => never) => Value;

function kindName(v: Value): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return collectionKind(v);
  return typeof v === "object" ? "object" : typeof v;
}

function collection(name: string, args: readonly Value[], fail: (m: string) => never): readonly Value[] {
  if (args.length !== 1) return fail(`${name} takes one argument`);
  const v = args[0]!;
  if (!Array.isArray(v)) return fail(`${name}: cannot convert ${kindName(v)} to a collection`);
  if (v.some((i) => i === null || typeof i === "object"))
    return fail(`${name}: only strings, numbers and bools are supported as elements`);
  return v;
}

function strings(name: string, args: readonly Value[], count: number, fail: (m: string) => never): string[] {
  if (args.length !== count) return fail(`${name} takes ${count} string argument${count === 1 ? "" : "s"}`);
  return args.map((a) =>
    typeof a === "string" || typeof a === "number" ? String(a) : fail(`${name}: expected a string, not ${kindName(a)}`),
  );
}

/** A URL split at its path: `scheme://authority`, the path, and the `?query#fragment` rest. */
function splitUrl(url: string, name: string, fail: (m: string) => never): { head: string; path: string; tail: string } {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?#]*)([^?#]*)(.*)$/s.exec(url);
  if (!m) return fail(`${name}: not a URL with a scheme and a host`);
  return { head: m[1]!, path: m[2]!, tail: m[3]! };
}

// cty sets hold each element once and iterate strings in lexical order, numbers in numeric order.
function setOf(items: readonly Value[]): readonly Value[] {
  if (items.every((i): i is number => typeof i === "number")) return [...new Set(items)].sort((a, b) => a - b);
  return [...new Set(items.map((i) => String(i)))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const FUNCTIONS: Readonly<Record<string, HclFunction>> = {
  toset: (args, fail) => asSet(setOf(collection("toset", args, fail))),
  tolist: (args, fail) => asList([...collection("tolist", args, fail)]),
  concat: (args, fail) => {
    if (args.length === 0) return fail("concat takes at least one list");
    return args.flatMap((a) => (Array.isArray(a) ? a : fail(`concat: expected a list, not ${kindName(a)}`)));
  },
  urlsetpath: (args, fail) => {
    const [url, path] = strings("urlsetpath", args, 2, fail);
    const { head, tail } = splitUrl(url!, "urlsetpath", fail);
    const escaped = path!.split("/").map(encodeURIComponent).join("/");
    return `${head}${escaped === "" || escaped.startsWith("/") ? "" : "/"}${escaped}${tail}`;
  },
  urlqueryset: (args, fail) => {
    const [url, key, value] = strings("urlqueryset", args, 3, fail);
    const { head, path, tail } = splitUrl(url!, "urlqueryset", fail);
    const hash = tail.indexOf("#");
    const query = new URLSearchParams(hash < 0 ? tail.slice(1) : tail.slice(1, hash));
    query.set(key!, value!);
    return `${head}${path}?${query.toString()}${hash < 0 ? "" : tail.slice(hash)}`;
  },
  urlescape: (args, fail) => encodeURIComponent(strings("urlescape", args, 1, fail)[0]!).replace(/%20/g, "+"),
};

/** The function of that name, or undefined. */
export function hclFunction(name: string): HclFunction | undefined {
  return Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
}
